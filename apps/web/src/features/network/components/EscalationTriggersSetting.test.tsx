// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import type { NetworkView } from '@tandem/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../../app/i18n';
import { prepareDom } from '../../../testing/dom';
import { EscalationTriggersSetting } from './EscalationTriggersSetting';

const network: NetworkView = {
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Rome network',
  region: null,
  meetingIntervalDays: 28,
  timeZone: 'Europe/Rome',
  riskInstrumentId: 'test-checklist',
  escalationTriggers: [
    { id: 'repeat', kind: 'repeat_incident', withinMonths: 12 },
    { id: 'count', kind: 'checklist_count', instrumentId: 'dash', answer: 'yes', atLeast: 14 },
  ],
  ownEscalationTriggers: false,
  agencyCount: 4,
  createdAt: '2026-01-01T00:00:00.000Z',
  can: { changeSettings: true },
};

/** The server, as far as this control asks it: the change of the setting, answered as saved. */
const requests: Array<{ method: string; body: { escalationTriggers: unknown } }> = [];
beforeAll(() => {
  prepareDom();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit = {}) => {
      const body = JSON.parse(String(init.body));
      requests.push({ method: init.method ?? 'GET', body });
      const saved = { ...network, escalationTriggers: body.escalationTriggers ?? network.escalationTriggers };
      return new Response(
        JSON.stringify({ ...saved, ownEscalationTriggers: body.escalationTriggers !== null }),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      );
    }),
  );
});
afterEach(() => {
  cleanup();
  requests.length = 0;
});

const renderSetting = (view: NetworkView) =>
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <EscalationTriggersSetting network={view} />
      </QueryClientProvider>
    </MantineProvider>,
  );

describe('the escalation triggers of a network', () => {
  it('saves the triggers left on, with the figures changed', async () => {
    renderSetting(network);
    fireEvent.change(screen.getByLabelText('Within months'), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('switch', { name: /A count on a checklist/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the triggers' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({
      method: 'PATCH',
      body: { escalationTriggers: [{ id: 'repeat', kind: 'repeat_incident', withinMonths: 6 }] },
    });
  });

  it('gives the network the installation’s triggers again, where it has its own', async () => {
    renderSetting({ ...network, ownEscalationTriggers: true });
    fireEvent.click(screen.getByRole('button', { name: 'Use the installation’s triggers' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]?.body).toEqual({ escalationTriggers: null });
  });

  it('is shown, not changeable, to whom the network’s view does not allow it', () => {
    renderSetting({ ...network, can: { changeSettings: false } });
    expect(screen.queryByRole('button', { name: 'Save the triggers' })).toBeNull();
    expect((screen.getByLabelText('Within months') as HTMLInputElement).disabled).toBe(true);
  });
});
