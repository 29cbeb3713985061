import type { Page } from '@tandem/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Query } from './client';

/** Keyset pagination: "Load more" asks for the page after `nextCursor`. */
export function usePaged<T>(key: readonly unknown[], path: string, query: Query = {}, enabled = true) {
  const result = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam }) => api.get<Page<T>>(path, { limit: 50, ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  const items = result.data?.pages.flatMap((page) => page.items) ?? [];
  return { ...result, items };
}
