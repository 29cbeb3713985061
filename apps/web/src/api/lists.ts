import type { AgencyView, NetworkView, Page } from '@tandem/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** Every page of a (short) list, for pickers: agencies and networks number in the dozens. */
async function fetchAll<T>(path: string, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await api.get<Page<T>>(path, { limit: 100, cursor });
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

export function useAllAgencies(enabled = true) {
  return useQuery({
    queryKey: ['agencies', 'all'],
    queryFn: () => fetchAll<AgencyView>('/api/agencies'),
    enabled,
    retry: false,
  });
}

export function useAllNetworks(enabled = true) {
  return useQuery({
    queryKey: ['networks', 'all'],
    queryFn: () => fetchAll<NetworkView>('/api/networks'),
    enabled,
    retry: false,
  });
}
