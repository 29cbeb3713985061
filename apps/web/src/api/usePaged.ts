import type { Page, RouteDefinition, RouteInput, RouteOutput } from '@tandem/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from './client';

type ItemOf<D extends RouteDefinition> = RouteOutput<D> extends Page<infer I> ? I : never;
/** What a paged route is asked, less the paging itself. */
type FilterOf<D extends RouteDefinition> = Omit<NonNullable<RouteInput<D>['query']>, 'cursor' | 'limit'>;

/** Keyset pagination over a route of the table: "Load more" asks for the page after `nextCursor`. */
export function usePagedRoute<D extends RouteDefinition>(
  key: readonly unknown[],
  route: D,
  filter: FilterOf<D>,
  enabled = true,
) {
  const result = useInfiniteQuery({
    queryKey: [...key, filter],
    queryFn: ({ pageParam }) =>
      call(route, { query: { limit: 50, ...filter, cursor: pageParam } } as RouteInput<D>) as Promise<
        Page<ItemOf<D>>
      >,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  const items = result.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...result, items };
}
