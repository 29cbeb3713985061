import { type DirectoryEntryView, type RouteInput, routes } from '@tandem/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BodyOf, call } from '../../api/client';
import { usePagedRoute } from '../../api/usePaged';

/** Query keys of the service directory (organisation data: nothing of a client). */
export const directoryEntryKeys = {
  all: ['directory'] as const,
  page: ['directory', 'page'] as const,
  entry: (agencyId: string) => ['directory', 'entry', agencyId] as const,
};

export type DirectoryFilter = Omit<
  NonNullable<RouteInput<typeof routes.directory.list>['query']>,
  'limit' | 'cursor'
>;

/** The listed entries, page by page ("Load more"), as filtered. */
export function useDirectoryPage(filter: DirectoryFilter) {
  return usePagedRoute(directoryEntryKeys.page, routes.directory.list, filter);
}

/** One agency's entry (its own admins also get it unlisted or blank; others: not found). */
export function useDirectoryEntry(agencyId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: directoryEntryKeys.entry(agencyId ?? ''),
    queryFn: () => call(routes.directory.get, { params: { agencyId: agencyId ?? '' } }),
    enabled: enabled && Boolean(agencyId),
    retry: false,
  });
}

export function useSaveDirectoryEntry(agencyId: string, onSaved?: (entry: DirectoryEntryView) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.directory.update>) =>
      call(routes.directory.update, { params: { id: agencyId }, body }),
    onSuccess: (entry) => {
      void queryClient.invalidateQueries({ queryKey: directoryEntryKeys.all });
      onSaved?.(entry);
    },
  });
}
