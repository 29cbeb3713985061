// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../app/i18n';
import { prepareDom } from '../../../testing/dom';
import { CalendarFeedCard } from './CalendarFeedCard';

const URL_ONCE = 'https://tandem.example/api/calendar/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG.ics';

/** The server, as far as the card asks it: the feed's status, making one, revoking it. */
let feed: { active: boolean; activeSince: string | null };
const requests: Array<{ method: string; url: string }> = [];
beforeAll(() => {
  prepareDom();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      requests.push({ method, url });
      let status = 200;
      let answer: unknown = feed;
      if (method === 'POST') {
        feed = { active: true, activeSince: '2026-12-03T10:00:00.000Z' };
        status = 201;
        answer = { url: URL_ONCE, activeSince: feed.activeSince };
      } else if (method === 'DELETE') {
        feed = { active: false, activeSince: null };
        answer = { ok: true };
      }
      return new Response(JSON.stringify(answer), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});
beforeEach(() => {
  feed = { active: false, activeSince: null };
});
afterEach(() => {
  cleanup();
  requests.length = 0;
});

function renderCard() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <CalendarFeedCard />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('the calendar-feed card', () => {
  it('makes a feed and shows its address this once, with a copy button', async () => {
    renderCard();
    await screen.findByText('You have no calendar feed.');
    fireEvent.click(screen.getByRole('button', { name: 'Make a feed address' }));
    const address = (await screen.findByLabelText(/Feed address/)) as HTMLInputElement;
    expect(address.value).toBe(URL_ONCE);
    expect(screen.getByRole('button', { name: 'Copy the address' })).toBeTruthy();
    await screen.findByText(/A feed is in force since/);
    expect(
      requests.some((request) => request.method === 'POST' && request.url === '/api/me/calendar-feed'),
    ).toBe(true);
  });

  it('shows an existing feed only by the day it was made, and revokes it', async () => {
    feed = { active: true, activeSince: '2026-11-01T09:00:00.000Z' };
    renderCard();
    await screen.findByText(/A feed is in force since/);
    expect(screen.queryByLabelText(/Feed address/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Replace the address' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await screen.findByText('You have no calendar feed.');
    expect(requests.some((request) => request.method === 'DELETE')).toBe(true);
  });
});
