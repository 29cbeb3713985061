// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import type { Abilities } from '@tandem/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../i18n';
import { Navigation } from './Navigation';

beforeAll(() => {
  // Mantine reads the colour scheme; jsdom has no matchMedia.
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

const none: Abilities = {
  manageNetworks: false,
  manageAgencies: false,
  manageUsers: false,
  viewAudit: false,
  casework: false,
  referPerpetrators: false,
  viewProgrammes: false,
  supportVictims: false,
  coordinateNetwork: false,
  readNetworkStatistics: false,
  assessChildren: false,
};

function renderNavigation(abilities: Abilities) {
  render(
    <MantineProvider>
      <MemoryRouter>
        <Navigation abilities={abilities} hasAgency reviewsRoleApprovals={false} onNavigate={() => {}} />
      </MemoryRouter>
    </MantineProvider>,
  );
}

describe('the navigation', () => {
  it("offers the children's risk levels by the session's ability alone", () => {
    renderNavigation({ ...none, casework: true, assessChildren: true });
    expect(screen.getByRole('link', { name: "Children's risk levels" }).getAttribute('href')).toBe(
      '/children/risk-levels',
    );
    cleanup();
    renderNavigation({ ...none, casework: true });
    expect(screen.queryByRole('link', { name: "Children's risk levels" })).toBeNull();
  });

  it('offers the service directory to every staff member, whatever their abilities', () => {
    renderNavigation(none);
    expect(screen.getByRole('link', { name: 'Service directory' }).getAttribute('href')).toBe('/directory');
    cleanup();
    renderNavigation({ ...none, manageAgencies: true, manageNetworks: true, manageUsers: true });
    expect(screen.getByRole('link', { name: 'Service directory' }).getAttribute('href')).toBe('/directory');
  });
});
