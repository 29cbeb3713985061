import { type RouteInput, routes } from '@tandem/shared';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Query keys of people and search. */
export const peopleKeys = {
  search: ['people-search'] as const,
};

export type SearchCriteria = Omit<NonNullable<RouteInput<typeof routes.people.search>['query']>, 'limit'>;

/** Search results for the criteria (none asked while `criteria` is null). */
export function useSearch(criteria: SearchCriteria | null, enabled = true) {
  return useQuery({
    queryKey: [...peopleKeys.search, criteria],
    queryFn: async () => (await call(routes.people.search, { query: { ...criteria, limit: 50 } })).items,
    enabled: enabled && criteria !== null,
    // Names typed here may be hers: not kept once the page is left.
    gcTime: 0,
  });
}
