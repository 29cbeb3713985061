import type {
  AgreementView,
  DutyView,
  HomeView,
  JointCaseView,
  Page,
  PersonView,
  PpEpisodeView,
  Role,
  SearchResult,
  VictimFileView,
} from '@tandem/shared';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client';
import { useAllAgencies } from '../api/lists';
import type { PpEpisodeSummaryView, StaffMember } from './types';

/** Query keys of casework data: one place, so that every change refreshes what it touches. */
export const keys = {
  home: ['home'] as const,
  duties: ['duties'] as const,
  ppEpisodes: ['pp-episodes'] as const,
  ppEpisode: (id: string) => ['pp-episode', id] as const,
  victim: (id: string) => ['victim', id] as const,
  jointCases: ['joint-cases'] as const,
  jointCase: (id: string) => ['joint-case', id] as const,
  herJointCases: (personId: string) => ['her-joint-cases', personId] as const,
  staff: ['staff'] as const,
  agreements: ['agreements'] as const,
  agreement: (id: string) => ['agreement', id] as const,
  phase1: ['phase1-meetings'] as const,
  search: ['people-search'] as const,
  accessLog: (id: string) => ['access-log', id] as const,
};

/** After a change to a case, the lists and pages that show it are asked again. */
export function useRefreshCasework() {
  const queryClient = useQueryClient();
  return (...extra: (readonly unknown[])[]) => {
    for (const key of [keys.home, keys.duties, keys.jointCases, keys.ppEpisodes, ...extra]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };
}

export function useHome(enabled = true) {
  return useQuery({ queryKey: keys.home, queryFn: () => api.get<HomeView>('/api/home'), enabled });
}

export function usePpEpisode(id: string | undefined) {
  return useQuery({
    queryKey: keys.ppEpisode(id ?? ''),
    queryFn: () => api.get<PpEpisodeView>(`/api/pp-episodes/${id}`),
    enabled: Boolean(id),
  });
}

export function useVictimFile(id: string | undefined) {
  return useQuery({
    queryKey: keys.victim(id ?? ''),
    queryFn: () => api.get<VictimFileView>(`/api/victims/${id}`),
    enabled: Boolean(id),
  });
}

export function useJointCase(id: string | undefined) {
  return useQuery({
    queryKey: keys.jointCase(id ?? ''),
    queryFn: () => api.get<JointCaseView>(`/api/joint-cases/${id}`),
    enabled: Boolean(id),
  });
}

export function useAgreement(id: string | undefined) {
  return useQuery({
    queryKey: keys.agreement(id ?? ''),
    queryFn: () => api.get<AgreementView>(`/api/agreements/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

export function useDuties(state: 'open' | 'done' | 'closed', enabled = true) {
  return useQuery({
    queryKey: [...keys.duties, state],
    queryFn: async () => (await api.get<{ items: DutyView[] }>('/api/duties', { state })).items,
    enabled,
  });
}

/** Colleagues' names and roles, to name the case managers of a joint case. */
export function useStaff(query: { agencyId?: string; role?: Role }, enabled = true) {
  return useQuery({
    queryKey: [...keys.staff, query],
    queryFn: async () => (await api.get<{ items: StaffMember[] }>('/api/staff', { ...query })).items,
    enabled,
    staleTime: 5 * 60_000,
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

/** A person's name, as the policy lets this user see the person (his record, a child). */
export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['person', id],
    queryFn: () => api.get<PersonView>(`/api/people/${id}`),
    enabled: Boolean(id),
  });
}

/**
 * The programme episodes this user may see, each read in full. On the victim side these are
 * the episodes whose release named a partner for this service (or that a joint case links).
 * The API has no list of "partners referred to us", so it is assembled from the episodes.
 */
export function useVisibleEpisodes(enabled = true) {
  const list = useQuery({
    queryKey: [...keys.ppEpisodes, 'scan'],
    queryFn: () => api.get<Page<PpEpisodeSummaryView>>('/api/pp-episodes', { limit: 100 }),
    enabled,
    staleTime: 60_000,
  });
  const details = useQueries({
    queries: (list.data?.items ?? []).map((summary) => ({
      queryKey: keys.ppEpisode(summary.id),
      queryFn: () => api.get<PpEpisodeView>(`/api/pp-episodes/${summary.id}`),
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

/** The programme episodes in which he named her (her record id), as far as this user sees them. */
export function useEpisodesNamingHer(personId: string | undefined) {
  const visible = useVisibleEpisodes(Boolean(personId));
  const naming = visible.episodes.filter((episode) =>
    episode.partners.some((partner) => partner.partnerPersonId === personId),
  );
  return { ...visible, naming };
}

/**
 * Her joint cases. Her file does not list them, so they are found the way search finds her:
 * by her name, keeping only the result that is her record.
 */
export function useHerJointCases(person: PersonView | undefined) {
  return useQuery({
    queryKey: keys.herJointCases(person?.id ?? ''),
    queryFn: async () => {
      const result = await api.get<{ items: SearchResult[] }>('/api/people/search', {
        q: `${person?.firstName} ${person?.lastName}`,
        limit: 50,
      });
      return result.items.find((item) => item.personId === person?.id)?.jointCaseIds ?? [];
    },
    enabled: Boolean(person),
    staleTime: 60_000,
  });
}
