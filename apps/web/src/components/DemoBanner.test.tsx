// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../app/i18n';
import { DemoBanner } from './DemoBanner';

beforeAll(() => {
  // Mantine reads the colour-scheme media query; jsdom has no matchMedia.
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
});

afterEach(cleanup);

const renderBanner = (demoMode: boolean, mfaSkipped: boolean) =>
  render(
    <MantineProvider>
      <DemoBanner session={{ demoMode, mfaSkipped }} />
    </MantineProvider>,
  );

describe('DemoBanner', () => {
  it('warns when a demo account skipped the second factor', () => {
    renderBanner(true, true);
    expect(screen.getByTestId('demo-banner').textContent).toContain(
      'Demo mode: this demo account signed in without a second factor. Never use demo mode with real data.',
    );
  });

  it('stays silent for an account that used its second factor, or outside demo mode', () => {
    renderBanner(true, false);
    renderBanner(false, false);
    expect(screen.queryByTestId('demo-banner')).toBeNull();
  });
});
