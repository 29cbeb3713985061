import { type PpEpisodeView, routes } from '@tandem/shared';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Query keys of his programme: one place, so that every change refreshes what it touches. */
export const programmeKeys = {
  /** Every list of episodes (the paged list, the scan below). */
  episodes: ['pp-episodes'] as const,
  episode: (id: string) => ['pp-episode', id] as const,
};

export function usePpEpisode(id: string | undefined) {
  return useQuery({
    queryKey: programmeKeys.episode(id ?? ''),
    queryFn: () => call(routes.programme.get, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

/** After a command answered the episode, show the answer without asking again. */
export function useStoreEpisode() {
  const queryClient = useQueryClient();
  return (episode: PpEpisodeView) => queryClient.setQueryData(programmeKeys.episode(episode.id), episode);
}

/**
 * The programme episodes this user may see, each read in full. On the victim side these are
 * the episodes whose release named a partner for this service (or that a joint case links).
 * The API has no list of "partners referred to us", so it is assembled from the episodes.
 */
export function useVisibleEpisodes(enabled = true) {
  const list = useQuery({
    queryKey: [...programmeKeys.episodes, 'scan'],
    queryFn: () => call(routes.programme.list, { query: { limit: 100 } }),
    enabled,
    staleTime: 60_000,
  });
  const details = useQueries({
    queries: (list.data?.items ?? []).map((summary) => ({
      queryKey: programmeKeys.episode(summary.id),
      queryFn: () => call(routes.programme.get, { params: { id: summary.id } }),
      staleTime: 60_000,
    })),
  });
  const episodes = details.flatMap((d) => (d.data ? [d.data] : []));
  return {
    list,
    episodes,
    isPending: list.isPending || details.some((d) => d.isPending),
    error: list.error ?? details.find((d) => d.error)?.error ?? null,
    truncated: Boolean(list.data?.nextCursor),
  };
}
