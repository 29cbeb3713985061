import { type Page, type RouteDefinition, type RouteInput, type RouteOutput, routes } from '@tandem/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from './client';

/**
 * The service directory every feature looks names up in: agencies, networks, colleagues. Not
 * about anyone she or he is: organisation and staff data.
 */
export const directoryKeys = {
  agencies: ['agencies'] as const,
  allAgencies: ['agencies', 'all'] as const,
  networks: ['networks'] as const,
  allNetworks: ['networks', 'all'] as const,
  staff: ['staff'] as const,
};

type ItemOf<D extends RouteDefinition> = RouteOutput<D> extends Page<infer I> ? I : never;

/** Every page of a (short) list, for pickers: agencies and networks number in the dozens. */
async function fetchAll<D extends RouteDefinition>(route: D, maxPages = 20): Promise<ItemOf<D>[]> {
  const items: ItemOf<D>[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = (await call(route, { query: { limit: 100, cursor } } as RouteInput<D>)) as Page<ItemOf<D>>;
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

export function useAllAgencies(enabled = true) {
  return useQuery({
    queryKey: directoryKeys.allAgencies,
    queryFn: () => fetchAll(routes.admin.listAgencies),
    enabled,
    retry: false,
  });
}

export function useAllNetworks(enabled = true) {
  return useQuery({
    queryKey: directoryKeys.allNetworks,
    queryFn: () => fetchAll(routes.admin.listNetworks),
    enabled,
    retry: false,
  });
}

/** The service directory as a lookup: agency id → name (and the list itself). */
export function useAgencyDirectory(enabled = true) {
  const agencies = useAllAgencies(enabled);
  const byId = useMemo(() => new Map((agencies.data ?? []).map((a) => [a.id, a])), [agencies.data]);
  return {
    ...agencies,
    list: agencies.data ?? [],
    nameOf: (id: string | null | undefined) => (id ? (byId.get(id)?.name ?? '—') : '—'),
    byId,
  };
}

/** Colleagues' names and roles, to name the case managers of a joint case. */
export function useStaff(
  query: NonNullable<RouteInput<typeof routes.admin.staffDirectory>['query']>,
  enabled = true,
) {
  return useQuery({
    queryKey: [...directoryKeys.staff, query],
    queryFn: async () => (await call(routes.admin.staffDirectory, { query })).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}
