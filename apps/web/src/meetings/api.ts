import type { ActionView, JointCaseView, MeetingSummary, MeetingView, Role } from '@tandem/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import type {
  ActionCreateBody,
  ActionUpdateBody,
  AgendaItemBody,
  CaseTeamMember,
  ChildAssessmentBody,
  ChildrenViewData,
  MeetingCloseBody,
  MeetingCreateBody,
  QualitativeNoteBody,
  SafetyPlanKind,
  SafetyPlanViewData,
} from './types';

/**
 * Query keys of meetings, action plans, safety plans and children. The joint case, home, staff
 * and instrument keys are the other pages' own: the same key and request, so one cache.
 */
export const meetingKeys = {
  meetings: (jointCaseId: string) => ['meetings', jointCaseId] as const,
  meeting: (id: string) => ['meeting', id] as const,
  actions: (jointCaseId: string) => ['actions', jointCaseId] as const,
  children: (jointCaseId: string) => ['children', jointCaseId] as const,
  safetyPlan: (personId: string, kind: SafetyPlanKind) => ['safety-plan', personId, kind] as const,
  jointCase: (id: string) => ['joint-case', id] as const,
  staff: (query: { role?: Role }) => ['staff', query] as const,
  home: ['home'] as const,
};

/**
 * Everything a meeting shows, asked again. Called after each change made on the meeting page,
 * so that what the other case manager recorded meanwhile comes in too (there is no polling:
 * the client never keeps an idle session alive by itself).
 */
export function useRefreshCase() {
  const queryClient = useQueryClient();
  return (jointCaseId: string, meetingId?: string) => {
    const keys: (readonly unknown[])[] = [
      meetingKeys.meetings(jointCaseId),
      meetingKeys.actions(jointCaseId),
      meetingKeys.children(jointCaseId),
      meetingKeys.jointCase(jointCaseId),
      meetingKeys.home,
      ['joint-risk', jointCaseId],
      ['recidivism', jointCaseId],
      ['impact', jointCaseId],
      ['due'],
    ];
    if (meetingId) keys.push(meetingKeys.meeting(meetingId));
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  };
}

export function useCaseMeetings(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.meetings(jointCaseId ?? ''),
    queryFn: async () =>
      (await api.get<{ items: MeetingSummary[] }>(`/api/joint-cases/${jointCaseId}/meetings`)).items,
    enabled: Boolean(jointCaseId),
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.meeting(id ?? ''),
    queryFn: () => api.get<MeetingView>(`/api/meetings/${id}`),
    enabled: Boolean(id),
  });
}

export function useCallMeeting(jointCaseId: string) {
  const refresh = useRefreshCase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingCreateBody) =>
      api.post<MeetingView>(`/api/joint-cases/${jointCaseId}/meetings`, body),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.meeting(meeting.id), meeting);
      refresh(jointCaseId);
    },
  });
}

/** A change to a meeting: the answer is the whole meeting, stored at once; the rest is asked again. */
function useMeetingChange<Body>(meeting: MeetingView, request: (body: Body) => Promise<MeetingView>) {
  const queryClient = useQueryClient();
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: request,
    onSuccess: (next) => {
      queryClient.setQueryData(meetingKeys.meeting(meeting.id), next);
      refresh(meeting.jointCaseId);
    },
  });
}

export function useUpdateAgendaItem(meeting: MeetingView) {
  return useMeetingChange(meeting, ({ item, ...body }: AgendaItemBody & { item: string }) =>
    api.put<MeetingView>(`/api/meetings/${meeting.id}/agenda/${item}`, body),
  );
}

export function useAddQualitativeNote(meeting: MeetingView) {
  return useMeetingChange(meeting, (body: QualitativeNoteBody) =>
    api.post<MeetingView>(`/api/meetings/${meeting.id}/qualitative-notes`, body),
  );
}

export function useCloseMeeting(meeting: MeetingView) {
  return useMeetingChange(meeting, (body: MeetingCloseBody) =>
    api.post<MeetingView>(`/api/meetings/${meeting.id}/close`, body),
  );
}

export function useActions(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.actions(jointCaseId ?? ''),
    queryFn: async () =>
      (await api.get<{ items: ActionView[] }>(`/api/joint-cases/${jointCaseId}/actions`)).items,
    enabled: Boolean(jointCaseId),
  });
}

export function useCreateAction(jointCaseId: string, meetingId?: string) {
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: (body: ActionCreateBody) =>
      api.post<ActionView>(`/api/joint-cases/${jointCaseId}/actions`, body),
    onSuccess: () => refresh(jointCaseId, meetingId),
  });
}

export function useUpdateAction(jointCaseId: string, meetingId?: string) {
  const refresh = useRefreshCase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ActionUpdateBody & { id: string }) =>
      api.patch<ActionView>(`/api/actions/${id}`, body),
    onSuccess: (updated) => {
      queryClient.setQueryData<ActionView[]>(meetingKeys.actions(jointCaseId), (current) =>
        current?.map((action) => (action.id === updated.id ? updated : action)),
      );
      refresh(jointCaseId, meetingId);
    },
  });
}

export function useChildren(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.children(jointCaseId ?? ''),
    queryFn: () => api.get<ChildrenViewData>(`/api/joint-cases/${jointCaseId}/children`),
    enabled: Boolean(jointCaseId),
  });
}

export function useRecordChildAssessment(jointCaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ childId, ...body }: ChildAssessmentBody & { childId: string }) =>
      api.post<{ id: string }>(`/api/children/${childId}/assessments`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingKeys.children(jointCaseId) }),
  });
}

export function useSafetyPlan(personId: string | undefined, kind: SafetyPlanKind, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.safetyPlan(personId ?? '', kind),
    queryFn: () => api.get<SafetyPlanViewData>(`/api/victims/${personId}/safety-plans/${kind}`),
    enabled: Boolean(personId) && enabled,
  });
}

export function useSaveSafetyPlan(personId: string, kind: SafetyPlanKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: SafetyPlanViewData['plan']) =>
      api.put<SafetyPlanViewData>(`/api/victims/${personId}/safety-plans/${kind}`, plan),
    onSuccess: (saved) => queryClient.setQueryData(meetingKeys.safetyPlan(personId, kind), saved),
  });
}

/** The joint case as the casework pages read it (same key, same request: one cache). */
export function useJointCaseView(id: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.jointCase(id ?? ''),
    queryFn: () => api.get<JointCaseView>(`/api/joint-cases/${id}`),
    enabled: Boolean(id),
  });
}

interface StaffEntry {
  id: string;
  displayName: string;
  roles: Role[];
  agencyId: string;
}

/** Active staff of one agency, to name the person responsible for an action. */
export function useAgencyStaff(agencyId: string | undefined) {
  return useQuery({
    queryKey: ['staff', { agencyId }] as const,
    queryFn: async () => (await api.get<{ items: StaffEntry[] }>('/api/staff', { agencyId })).items,
    enabled: Boolean(agencyId),
    staleTime: 5 * 60_000,
  });
}

/**
 * The people who run the case's meetings — the two case managers and the partner-contact
 * worker — as the meeting itself names them (with their account ids), for the attendance list.
 */
export function useCaseTeam(meeting: { jointCaseId: string; team: CaseTeamMember[] }) {
  const jointCase = useJointCaseView(meeting.jointCaseId);
  return { team: meeting.team, isPending: false, error: jointCase.error, jointCase: jointCase.data };
}
