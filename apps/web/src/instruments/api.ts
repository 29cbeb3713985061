import type {
  AgreedLevelCreate,
  DueItem,
  HomeView,
  ImpactView,
  InstrumentDefinition,
  JointCaseView,
  JointRiskView,
  RecidivismComparison,
  RecidivismCreate,
  ResponseView,
} from '@tandem/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../api/client';
import type { ResponseBody } from './logic';

/** Query keys of instrument data (the joint case and home keys are the casework pages' own). */
export const instrumentKeys = {
  definitions: ['instruments'] as const,
  definition: (id: string, version: number) => ['instrument', id, version] as const,
  risk: (jointCaseId: string) => ['joint-risk', jointCaseId] as const,
  recidivism: (jointCaseId: string, period: string) => ['recidivism', jointCaseId, period] as const,
  impact: (jointCaseId: string) => ['impact', jointCaseId] as const,
  due: ['due'] as const,
  home: ['home'] as const,
  jointCase: (id: string) => ['joint-case', id] as const,
};

/** The newest version of every instrument (definitions are data: cached for the session). */
export function useDefinitions() {
  return useQuery({
    queryKey: instrumentKeys.definitions,
    queryFn: async () => (await api.get<{ items: InstrumentDefinition[] }>('/api/instruments')).items,
    staleTime: 30 * 60_000,
  });
}

/** One version of an instrument: old answers are read with the version they were given under. */
export function useDefinition(id: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: instrumentKeys.definition(id ?? '', version ?? 0),
    queryFn: () =>
      api.get<InstrumentDefinition>(`/api/instruments/${encodeURIComponent(id ?? '')}/versions/${version}`),
    enabled: Boolean(id && version),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useJointRisk(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: instrumentKeys.risk(jointCaseId ?? ''),
    queryFn: () => api.get<JointRiskView>(`/api/joint-cases/${jointCaseId}/risk`),
    enabled: Boolean(jointCaseId),
  });
}

export function useRecidivism(jointCaseId: string | undefined, period: 'month' | 'quarter') {
  return useQuery({
    queryKey: instrumentKeys.recidivism(jointCaseId ?? '', period),
    queryFn: () => api.get<RecidivismComparison>(`/api/joint-cases/${jointCaseId}/recidivism`, { period }),
    enabled: Boolean(jointCaseId),
  });
}

export function useImpact(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: instrumentKeys.impact(jointCaseId ?? ''),
    queryFn: () => api.get<ImpactView>(`/api/joint-cases/${jointCaseId}/impact`),
    enabled: Boolean(jointCaseId),
  });
}

/** The case number for the page title (the joint case as the casework pages read it, same cache). */
export function useJointCaseHeader(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: instrumentKeys.jointCase(jointCaseId ?? ''),
    queryFn: () => api.get<JointCaseView>(`/api/joint-cases/${jointCaseId}`),
    enabled: Boolean(jointCaseId),
    select: (view) => ({ id: view.id, caseNumber: view.caseNumber, status: view.status }),
  });
}

/** What is due in my joint cases, from the home view (shared with the home page's other cards). */
export function useDueFromHome(enabled = true) {
  return useQuery({
    queryKey: instrumentKeys.home,
    queryFn: () => api.get<HomeView>('/api/home'),
    enabled,
    select: (home): DueItem[] => home.due,
  });
}

/** After a change, every view that shows it is asked again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (jointCaseId: string) => {
    for (const key of [
      instrumentKeys.risk(jointCaseId),
      ['recidivism', jointCaseId],
      instrumentKeys.impact(jointCaseId),
      instrumentKeys.jointCase(jointCaseId),
      instrumentKeys.due,
      instrumentKeys.home,
      ['joint-cases'],
    ]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };
}

export function useRecordResponse(jointCaseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ResponseBody) => api.post<ResponseView>('/api/instrument-responses', body),
    onSuccess: () => refresh(jointCaseId),
  });
}

export function useAgreeLevel(jointCaseId: string) {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof AgreedLevelCreate>) =>
      api.post<JointRiskView>(`/api/joint-cases/${jointCaseId}/agreed-level`, body),
    onSuccess: (view) => {
      queryClient.setQueryData(instrumentKeys.risk(jointCaseId), view);
      refresh(jointCaseId);
    },
  });
}

export function useRecordRecidivism(jointCaseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: z.input<typeof RecidivismCreate>) =>
      api.post<{ id: string }>(`/api/joint-cases/${jointCaseId}/recidivism`, body),
    onSuccess: () => refresh(jointCaseId),
  });
}
