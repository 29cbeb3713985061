import { type DueItem, routes } from '@tandem/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BodyOf, call } from '../../api/client';
import { caseKeys } from '../cases/api';
import { homeKeys } from '../home/api';

/** Query keys of instrument data (the joint case and the home view are the cases' and home's own). */
export const instrumentKeys = {
  definitions: ['instruments'] as const,
  definition: (id: string, version: number) => ['instrument', id, version] as const,
  risk: (jointCaseId: string) => ['joint-risk', jointCaseId] as const,
  recidivismOf: (jointCaseId: string) => ['recidivism', jointCaseId] as const,
  recidivism: (jointCaseId: string, period: string) => ['recidivism', jointCaseId, period] as const,
  impact: (jointCaseId: string) => ['impact', jointCaseId] as const,
  hisRiskFactors: (jointCaseId: string) => ['his-risk-factors', jointCaseId] as const,
  digitalViolence: (jointCaseId: string) => ['digital-violence', jointCaseId] as const,
  due: ['due'] as const,
};

/** The newest version of every instrument (definitions are data: cached for the session). */
export function useDefinitions() {
  return useQuery({
    queryKey: instrumentKeys.definitions,
    queryFn: async () => (await call(routes.instruments.definitions)).items,
    staleTime: 30 * 60_000,
  });
}

/** One version of an instrument: old answers are read with the version they were given under. */
export function useDefinition(id: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: instrumentKeys.definition(id ?? '', version ?? 0),
    queryFn: () =>
      call(routes.instruments.definition, { params: { instrumentId: id ?? '', version: version ?? 0 } }),
    enabled: Boolean(id && version),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useJointRisk(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: instrumentKeys.risk(jointCaseId ?? ''),
    queryFn: () => call(routes.instruments.jointRisk, { params: { id: jointCaseId ?? '' } }),
    enabled: Boolean(jointCaseId),
  });
}

export function useRecidivism(jointCaseId: string | undefined, period: 'month' | 'quarter') {
  return useQuery({
    queryKey: instrumentKeys.recidivism(jointCaseId ?? '', period),
    queryFn: () =>
      call(routes.instruments.recidivism, { params: { id: jointCaseId ?? '' }, query: { period } }),
    enabled: Boolean(jointCaseId),
  });
}

export function useImpact(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: instrumentKeys.impact(jointCaseId ?? ''),
    queryFn: () => call(routes.instruments.impact, { params: { id: jointCaseId ?? '' } }),
    enabled: Boolean(jointCaseId),
  });
}

/** His risk factors: the latest answers and what they raised, with the server's `can`. */
export function useHisRiskFactors(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: instrumentKeys.hisRiskFactors(jointCaseId ?? ''),
    queryFn: () => call(routes.instruments.hisRiskFactors, { params: { id: jointCaseId ?? '' } }),
    enabled: Boolean(jointCaseId),
  });
}

/** Her digital-violence identifications (her service only: anyone else gets the server's 404). */
export function useDigitalViolence(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: instrumentKeys.digitalViolence(jointCaseId ?? ''),
    queryFn: () => call(routes.instruments.digitalViolence, { params: { id: jointCaseId ?? '' } }),
    enabled: Boolean(jointCaseId),
  });
}

/** The case number for the page title (the joint case as the casework pages read it, same cache). */
export function useJointCaseHeader(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: caseKeys.case(jointCaseId ?? ''),
    queryFn: () => call(routes.cases.get, { params: { id: jointCaseId ?? '' } }),
    enabled: Boolean(jointCaseId),
    select: (view) => ({ id: view.id, caseNumber: view.caseNumber, status: view.status }),
  });
}

/** What is due in my joint cases, from the home view (shared with the home page's other cards). */
export function useDueFromHome(enabled = true) {
  return useQuery({
    queryKey: homeKeys.home,
    queryFn: () => call(routes.cases.home),
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
      instrumentKeys.recidivismOf(jointCaseId),
      instrumentKeys.impact(jointCaseId),
      instrumentKeys.hisRiskFactors(jointCaseId),
      instrumentKeys.digitalViolence(jointCaseId),
      caseKeys.case(jointCaseId),
      instrumentKeys.due,
      homeKeys.home,
      caseKeys.list,
    ]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };
}

export function useRecordResponse(jointCaseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.instruments.record>) => call(routes.instruments.record, { body }),
    onSuccess: () => refresh(jointCaseId),
  });
}

export function useAgreeLevel(jointCaseId: string) {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.instruments.agreeLevel>) =>
      call(routes.instruments.agreeLevel, { params: { id: jointCaseId }, body }),
    onSuccess: (view) => {
      queryClient.setQueryData(instrumentKeys.risk(jointCaseId), view);
      refresh(jointCaseId);
    },
  });
}

/** A case manager records consulting another agency of the case while the two sides diverge. */
export function useRecordConsultation(jointCaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.instruments.recordConsultation>) =>
      call(routes.instruments.recordConsultation, { params: { id: jointCaseId }, body }),
    onSuccess: (view) => queryClient.setQueryData(instrumentKeys.risk(jointCaseId), view),
  });
}

/** The other side's case manager confirms a lower level proposed: it then takes effect. */
export function useConfirmLowering(jointCaseId: string) {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proposalId: string) =>
      call(routes.instruments.confirmLowering, { params: { id: jointCaseId }, body: { proposalId } }),
    onSuccess: (view) => {
      queryClient.setQueryData(instrumentKeys.risk(jointCaseId), view);
      refresh(jointCaseId);
    },
  });
}

export function useRecordRecidivism(jointCaseId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.instruments.recordRecidivism>) =>
      call(routes.instruments.recordRecidivism, { params: { id: jointCaseId }, body }),
    onSuccess: () => refresh(jointCaseId),
  });
}
