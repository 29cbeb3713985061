// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import type { InstrumentDefinition, NetworkView } from '@tandem/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../../app/i18n';
import { checklist, judgementForm } from '../../instruments/test-fixtures';
import { RiskInstrumentSetting } from './RiskInstrumentSetting';

const questionnaire = {
  ...checklist,
  id: 'test-questionnaire',
  kind: 'questionnaire',
} as InstrumentDefinition;
const network: NetworkView = {
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Rome network',
  region: null,
  meetingIntervalDays: 28,
  timeZone: 'Europe/Rome',
  riskInstrumentId: 'test-checklist',
  escalationTriggers: [],
  ownEscalationTriggers: false,
  agencyCount: 4,
  createdAt: '2026-01-01T00:00:00.000Z',
  can: { changeSettings: true },
};

/** The server, as far as this control asks it: the definitions, and the change of the setting. */
const requests: Array<{ method: string; url: string; body: unknown }> = [];
beforeAll(() => {
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }) as unknown as MediaQueryList;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      requests.push({ method: init.method ?? 'GET', url, body });
      const answer =
        init.method === 'PATCH'
          ? { ...network, riskInstrumentId: body.riskInstrumentId }
          : { items: [checklist, judgementForm, questionnaire] };
      return new Response(JSON.stringify(answer), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});
afterEach(() => {
  cleanup();
  requests.length = 0;
});

function renderSetting(view: NetworkView) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <RiskInstrumentSetting network={view} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return screen.getByLabelText('Risk checklist') as HTMLSelectElement;
}

describe('the risk checklist of a network', () => {
  it('offers the loaded risk checklists only, and saves the one chosen', async () => {
    const select = renderSetting(network);
    await waitFor(() => expect(select.options).toHaveLength(2));
    expect([...select.options].map((option) => option.value)).toEqual(['test-checklist', 'test-spj']);
    fireEvent.change(select, { target: { value: 'test-spj' } });
    await waitFor(() => expect(requests.some((request) => request.method === 'PATCH')).toBe(true));
    expect(requests.find((request) => request.method === 'PATCH')).toMatchObject({
      url: expect.stringContaining(`/networks/${network.id}`),
      body: { riskInstrumentId: 'test-spj' },
    });
  });

  it('is shown, not changeable, to whom the network’s view does not allow it', () => {
    const select = renderSetting({ ...network, can: { changeSettings: false } });
    expect(select.disabled).toBe(true);
    expect(select.value).toBe('test-checklist');
  });
});
