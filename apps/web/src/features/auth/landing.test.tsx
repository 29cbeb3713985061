// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import type { SessionView } from '@tandem/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../app/i18n';
import { prepareDom } from '../../testing/dom';
import { RequireActiveSession } from './guards';
import { authRoutes } from './routes';
import { SESSION_KEY } from './session';

beforeAll(() => {
  prepareDom();
  // Nobody is signed in; the sign-in page asks for the public configuration: not in demo mode.
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url.startsWith('/api/auth/session')
        ? new Response(JSON.stringify({ error: 'unauthenticated', message: 'Sign in' }), { status: 401 })
        : new Response(JSON.stringify({ demoMode: false, demoAccounts: [] }), { status: 200 }),
    ),
  );
});
afterEach(cleanup);

const session = (id: string): SessionView => ({
  stage: 'active',
  user: {
    id,
    email: `${id}@agency.example`,
    displayName: id,
    agencyId: null,
    agencyName: null,
    roles: [],
    side: 'neutral',
    language: 'en',
  },
  abilities: {
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
  },
  reviewsRoleApprovals: false,
  csrfToken: 'token',
  demoMode: false,
  mfaSkipped: false,
  idleTimeoutSeconds: 1800,
  timeZone: 'Europe/Rome',
  today: '2026-03-01',
  serverTime: '2026-03-01T09:00:00.000Z',
});

function renderApp(start: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      ...authRoutes,
      {
        element: <RequireActiveSession />,
        children: [
          { index: true, element: <p>home</p> },
          { path: 'victims/:id', element: <p>her file</p> },
        ],
      },
    ],
    { initialEntries: [start] },
  );
  render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { queryClient, router };
}

describe('after a sign-out', () => {
  it('the next user lands on their own home, not on the last page of the previous user', async () => {
    const { queryClient, router } = renderApp('/victims/7d0f6e1c-0000-4000-8000-000000000001');
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    // Nothing of the page she was on is carried to the sign-in page.
    expect(router.state.location.state).toBeNull();
    expect(router.state.location.search).toBe('');

    act(() => queryClient.setQueryData(SESSION_KEY, session('next-user')));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});
