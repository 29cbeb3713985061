// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import type { DirectoryEntryView } from '@tandem/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../../app/i18n';
import { prepareDom } from '../../../testing/dom';
import { DirectoryEntryCard } from './DirectoryEntryCard';
import { DirectoryEntryModal } from './DirectoryEntryForm';

const entry: DirectoryEntryView = {
  agencyId: '33333333-3333-4333-8333-333333333333',
  name: 'Casa delle Donne',
  kind: 'victim_support',
  region: 'Bologna',
  approach: 'Feminist, woman-centred support',
  targetGroups: ['women', 'children_young_people'],
  languages: ['it', 'ar'],
  providesPartnerContact: true,
  contactPoints: [{ label: 'Line for professionals', phone: '+39 051 000 2001', email: 'rete@casa.invalid' }],
  listed: true,
  inNetwork: true,
  updatedAt: '2026-01-01T00:00:00.000Z',
  can: { edit: false },
};

const requests: Array<{ method: string; url: string; body: unknown }> = [];
beforeAll(() => {
  prepareDom();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const body = init.body ? JSON.parse(String(init.body)) : undefined;
      requests.push({ method: init.method ?? 'GET', url, body });
      return new Response(JSON.stringify({ ...entry, ...body, can: { edit: true } }), {
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

function renderWithProviders(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </MantineProvider>,
  );
}

describe('a service in the directory', () => {
  it('shows its approach, target groups, languages, partner contact, network and lines', () => {
    renderWithProviders(<DirectoryEntryCard entry={entry} onEdit={() => {}} />);
    const card = screen.getByRole('article', { name: 'Casa delle Donne' });
    expect(within(card).getByText('Feminist, woman-centred support')).toBeTruthy();
    expect(within(card).getByText('Women and Children and young people')).toBeTruthy();
    expect(within(card).getByText('Italian and Arabic')).toBeTruthy();
    expect(within(card).getByText('In your network')).toBeTruthy();
    expect(within(card).getByRole('link', { name: '+39 051 000 2001' }).getAttribute('href')).toBe(
      'tel:+390510002001',
    );
    expect(within(card).getByRole('link', { name: 'rete@casa.invalid' }).getAttribute('href')).toBe(
      'mailto:rete@casa.invalid',
    );
    // Only its own admins may edit it.
    expect(within(card).queryByRole('button', { name: /Edit/ })).toBeNull();
  });

  it('offers its own admin to edit it', () => {
    const onEdit = vi.fn();
    renderWithProviders(<DirectoryEntryCard entry={{ ...entry, can: { edit: true } }} onEdit={onEdit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit the entry of Casa delle Donne' }));
    expect(onEdit).toHaveBeenCalledOnce();
  });
});

describe('the directory entry form', () => {
  it('refuses a street address as the region in the browser, then saves a town', async () => {
    renderWithProviders(<DirectoryEntryModal entry={{ ...entry, can: { edit: true } }} onClose={() => {}} />);
    const region = await screen.findByRole('textbox', { name: /Town or region/ });
    fireEvent.change(region, { target: { value: 'Via Segreta 7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the entry' }));
    expect(await screen.findByText('Give a town or region only, never a street address')).toBeTruthy();
    expect(requests.filter((request) => request.method === 'PUT')).toEqual([]);

    fireEvent.change(region, { target: { value: 'Imola' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the entry' }));
    await waitFor(() => expect(requests.some((request) => request.method === 'PUT')).toBe(true));
    const put = requests.find((request) => request.method === 'PUT');
    expect(put?.url).toContain(`/api/agencies/${entry.agencyId}/directory-entry`);
    expect(put?.body).toMatchObject({
      region: 'Imola',
      targetGroups: ['women', 'children_young_people'],
      languages: ['it', 'ar'],
      providesPartnerContact: true,
      contactPoints: [
        { label: 'Line for professionals', phone: '+39 051 000 2001', email: 'rete@casa.invalid' },
      ],
      listed: true,
    });
  });
});
