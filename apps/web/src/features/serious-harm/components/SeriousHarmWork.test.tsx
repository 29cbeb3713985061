// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import type { SeriousHarmWorkItem } from '@tandem/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../../app/i18n';
import { prepareDom } from '../../../testing/dom';
import { addDaysIso } from '../api';
import { SeriousHarmWork } from './SeriousHarmWork';

beforeAll(prepareDom);
afterEach(cleanup);

const item = (task: 'decide' | 'tell', reviewOn: string | null = null): SeriousHarmWorkItem => ({
  shareId:
    task === 'decide' ? '11111111-1111-4111-8111-111111111111' : '44444444-4444-4444-8444-444444444444',
  personId: '22222222-2222-4222-8222-222222222222',
  partnerName: 'Anna Rossi',
  task,
  recordedOn: '2026-03-01',
  reviewOn,
});

const show = (items: SeriousHarmWorkItem[]) =>
  render(
    <MantineProvider>
      <MemoryRouter>
        <SeriousHarmWork items={items} />
      </MemoryRouter>
    </MantineProvider>,
  );

describe('the home page’s shares without her consent', () => {
  it('links each task to the section of her file where it is done', () => {
    show([item('decide'), item('tell', '2026-03-20')]);
    const decide = screen.getByRole('link', { name: 'Authorise or decline a share about Anna Rossi' });
    expect(decide.getAttribute('href')).toBe('/victims/22222222-2222-4222-8222-222222222222#serious-harm');
    expect(screen.getByRole('link', { name: 'Tell Anna Rossi of a share, when it is safe' })).toBeTruthy();
    expect(screen.getByText(/To reconsider on/)).toBeTruthy();
    expect(screen.getByText('2 to do')).toBeTruthy();
  });

  it('shows nothing when there is nothing to do', () => {
    show([]);
    expect(screen.queryByRole('region')).toBeNull();
  });
});

describe('addDaysIso', () => {
  it('counts calendar days across months, years and a leap day', () => {
    expect(addDaysIso('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDaysIso('2026-12-03', 30)).toBe('2027-01-02');
    expect(addDaysIso('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysIso('2026-03-01', -1)).toBe('2026-02-28');
  });
});
