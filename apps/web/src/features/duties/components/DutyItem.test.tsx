// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import type { DutyView } from '@tandem/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../../app/i18n';
import { prepareDom } from '../../../testing/dom';
import { DutyItem } from './DutyItem';

beforeAll(prepareDom);
afterEach(cleanup);

const duty: DutyView = {
  id: '11111111-1111-4111-8111-111111111111',
  trigger: 'status_dropped_out',
  reason: null,
  partnerPersonId: '22222222-2222-4222-8222-222222222222',
  partnerName: 'Anna Rossi',
  ppEpisodeId: '33333333-3333-4333-8333-333333333333',
  jointCaseId: null,
  raisedAt: '2026-03-01T09:00:00.000Z',
  dueAt: '2026-03-02T09:00:00.000Z',
  overdue: false,
  state: 'open',
  doneOn: null,
  doneHow: null,
  closedReason: null,
  safeChannel: 'phone',
  lastContactOutcome: null,
  can: { resolve: true },
};

const show = (item: DutyView) =>
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter>
          <DutyItem duty={item} />
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );

describe('a duty to inform her', () => {
  it('tells the worker who will contact her when, whether to leave a message, the code word', () => {
    show({
      ...duty,
      safeTimes: 'Weekdays 10–12',
      mayLeaveMessage: false,
      codeWord: 'Tulip',
      can: { resolve: true },
    });
    const hints = screen.getByTestId('duty-contact-hints').textContent ?? '';
    expect(hints).toContain('Weekdays 10–12');
    expect(hints).toContain('never leave a message');
    expect(hints).toContain('Tulip');
    expect(screen.getByRole('button', { name: 'Mark as done' })).toBeTruthy();
  });

  it('offers to resolve it only where the duty says this user may', () => {
    show({ ...duty, can: { resolve: false } });
    expect(screen.queryByRole('button', { name: 'Mark as done' })).toBeNull();
    expect(screen.queryByTestId('duty-contact-hints')).toBeNull();
  });
});
