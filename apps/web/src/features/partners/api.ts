import { routes } from '@tandem/shared';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useVisibleEpisodes } from '../programme/api';

/** Query keys of her file (the victim side). */
export const partnerKeys = {
  victim: (id: string) => ['victim', id] as const,
};

export function useVictimFile(id: string | undefined) {
  return useQuery({
    queryKey: partnerKeys.victim(id ?? ''),
    queryFn: () => call(routes.victim.get, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

/** The programme episodes in which he named her (her record id), as far as this user sees them. */
export function useEpisodesNamingHer(personId: string | undefined) {
  const visible = useVisibleEpisodes(Boolean(personId));
  const naming = visible.episodes.filter((episode) =>
    episode.partners.some((partner) => partner.partnerPersonId === personId),
  );
  return { ...visible, naming };
}
