import {
  type ActionView,
  type JointCaseView,
  type MeetingView,
  type RouteOutput,
  routes,
  type SAFETY_PLAN_KINDS,
} from '@tandem/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BodyOf, call } from '../../api/client';
import { useStaff } from '../../api/directory';
import { caseKeys, useJointCase } from '../cases/api';
import { homeKeys } from '../home/api';
import { instrumentKeys } from '../instruments/api';

export type SafetyPlanKind = (typeof SAFETY_PLAN_KINDS)[number];
export type SafetyPlanViewData = RouteOutput<typeof routes.victim.safetyPlan>;
export type ChildrenViewData = RouteOutput<typeof routes.cases.children>;
/** One of the people who run a joint case's meetings, as the meeting names them. */
export type CaseTeamMember = MeetingView['team'][number];

/**
 * Query keys of meetings, action plans, safety plans and children. The joint case, home, staff
 * and instrument keys are the other features' own: the same key and request, so one cache.
 */
export const meetingKeys = {
  meetings: (jointCaseId: string) => ['meetings', jointCaseId] as const,
  meeting: (id: string) => ['meeting', id] as const,
  actions: (jointCaseId: string) => ['actions', jointCaseId] as const,
  children: (jointCaseId: string) => ['children', jointCaseId] as const,
  childrenRisk: ['children-risk'] as const,
  safetyPlan: (personId: string, kind: SafetyPlanKind) => ['safety-plan', personId, kind] as const,
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
      caseKeys.case(jointCaseId),
      homeKeys.home,
      instrumentKeys.risk(jointCaseId),
      instrumentKeys.recidivismOf(jointCaseId),
      instrumentKeys.impact(jointCaseId),
      instrumentKeys.due,
    ];
    if (meetingId) keys.push(meetingKeys.meeting(meetingId));
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  };
}

export function useCaseMeetings(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.meetings(jointCaseId ?? ''),
    queryFn: async () =>
      (await call(routes.meetings.listOfCase, { params: { id: jointCaseId ?? '' } })).items,
    enabled: Boolean(jointCaseId),
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.meeting(id ?? ''),
    queryFn: () => call(routes.meetings.get, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useCallMeeting(jointCaseId: string) {
  const refresh = useRefreshCase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.meetings.call>) =>
      call(routes.meetings.call, { params: { id: jointCaseId }, body }),
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.meeting(meeting.id), meeting);
      refresh(jointCaseId);
    },
  });
}

/** The case managers' answer to a meeting the system proposed: accepted with a date, or declined. */
export function useDecideProposal(meeting: MeetingView) {
  return useMeetingChange(meeting, (body: BodyOf<typeof routes.meetings.decideProposal>) =>
    call(routes.meetings.decideProposal, { params: { id: meeting.id }, body }),
  );
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
  return useMeetingChange(
    meeting,
    ({
      item,
      ...body
    }: BodyOf<typeof routes.meetings.updateAgendaItem> & { item: MeetingView['agenda'][number]['item'] }) =>
      call(routes.meetings.updateAgendaItem, { params: { id: meeting.id, item }, body }),
  );
}

export function useAddQualitativeNote(meeting: MeetingView) {
  return useMeetingChange(meeting, (body: BodyOf<typeof routes.meetings.addQualitativeNote>) =>
    call(routes.meetings.addQualitativeNote, { params: { id: meeting.id }, body }),
  );
}

export function useCloseMeeting(meeting: MeetingView) {
  return useMeetingChange(meeting, (body: BodyOf<typeof routes.meetings.close>) =>
    call(routes.meetings.close, { params: { id: meeting.id }, body }),
  );
}

export function useActions(jointCaseId: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.actions(jointCaseId ?? ''),
    queryFn: async () =>
      (await call(routes.meetings.actionsOfCase, { params: { id: jointCaseId ?? '' } })).items,
    enabled: Boolean(jointCaseId),
  });
}

export function useCreateAction(jointCaseId: string, meetingId?: string) {
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: (body: BodyOf<typeof routes.meetings.createAction>) =>
      call(routes.meetings.createAction, { params: { id: jointCaseId }, body }),
    onSuccess: () => refresh(jointCaseId, meetingId),
  });
}

export function useUpdateAction(jointCaseId: string, meetingId?: string) {
  const refresh = useRefreshCase();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof routes.meetings.updateAction> & { id: string }) =>
      call(routes.meetings.updateAction, { params: { id }, body }),
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
    queryFn: () => call(routes.cases.children, { params: { id: jointCaseId ?? '' } }),
    enabled: Boolean(jointCaseId),
  });
}

/** Each child's newest level across the cases the reader's grants reach (the child-protection lead's view). */
export function useChildrenRisk() {
  return useQuery({
    queryKey: meetingKeys.childrenRisk,
    queryFn: () => call(routes.cases.childrenRisk),
  });
}

export function useRecordChildAssessment(jointCaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      childId,
      ...body
    }: BodyOf<typeof routes.cases.recordChildAssessment> & { childId: string }) =>
      call(routes.cases.recordChildAssessment, { params: { id: childId }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: meetingKeys.children(jointCaseId) });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.childrenRisk });
    },
  });
}

/** A child joins the open joint case: recorded first if new, then added (the grants follow at once). */
export function useAddChild(jointCaseId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: async (
      input: { childId: string } | { child: BodyOf<typeof routes.people.recordChild> },
    ): Promise<JointCaseView> => {
      const childId =
        'childId' in input
          ? input.childId
          : (await call(routes.people.recordChild, { body: input.child })).id;
      return call(routes.cases.addChild, { params: { id: jointCaseId }, body: { childId } });
    },
    onSuccess: (view) => {
      queryClient.setQueryData(caseKeys.case(jointCaseId), view);
      refresh(jointCaseId);
    },
  });
}

/** A child leaves the joint case (the records stay; the grants follow at once). */
export function useRemoveChild(jointCaseId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshCase();
  return useMutation({
    mutationFn: (childId: string) => call(routes.cases.removeChild, { params: { id: jointCaseId, childId } }),
    onSuccess: (view) => {
      queryClient.setQueryData(caseKeys.case(jointCaseId), view);
      refresh(jointCaseId);
    },
  });
}

export function useSafetyPlan(personId: string | undefined, kind: SafetyPlanKind, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.safetyPlan(personId ?? '', kind),
    queryFn: () => call(routes.victim.safetyPlan, { params: { id: personId ?? '', kind } }),
    enabled: Boolean(personId) && enabled,
  });
}

export function useSaveSafetyPlan(personId: string, kind: SafetyPlanKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: BodyOf<typeof routes.victim.saveSafetyPlan>) =>
      call(routes.victim.saveSafetyPlan, { params: { id: personId, kind }, body: plan }),
    onSuccess: (saved) => queryClient.setQueryData(meetingKeys.safetyPlan(personId, kind), saved),
  });
}

/** The joint case as the cases feature reads it (its key and request: one cache). */
export const useJointCaseView = useJointCase;

/** Active staff of one agency, to name the person responsible for an action. */
export function useAgencyStaff(agencyId: string | undefined) {
  return useStaff({ agencyId }, Boolean(agencyId));
}

/**
 * The people who run the case's meetings — the two case managers and the partner-contact
 * worker — as the meeting itself names them (with their account ids), for the attendance list.
 */
export function useCaseTeam(meeting: { jointCaseId: string; team: CaseTeamMember[] }) {
  const jointCase = useJointCaseView(meeting.jointCaseId);
  return { team: meeting.team, isPending: false, error: jointCase.error, jointCase: jointCase.data };
}
