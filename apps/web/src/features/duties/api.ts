import { type DutyView, type RouteOutput, routes } from '@tandem/shared';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Query keys of the duties to inform her. */
export const dutyKeys = {
  all: ['duties'] as const,
  list: (state: 'open' | 'done' | 'closed') => ['duties', state] as const,
};

export function useDuties(state: 'open' | 'done' | 'closed', enabled = true) {
  return useQuery({
    queryKey: dutyKeys.list(state),
    queryFn: async () => (await call(routes.duties.list, { query: { state } })).items,
    enabled,
  });
}

/** A duty as the duties routes send it: her contact hints and what the actor may do with it. */
export type DutyItemView = RouteOutput<typeof routes.duties.list>['items'][number];
/** A duty as other views send it (the home page, the joint case): perhaps without hints or abilities. */
export type AnyDuty = DutyView &
  Partial<Pick<DutyItemView, 'safeTimes' | 'codeWord' | 'mayLeaveMessage' | 'can'>>;

/**
 * Duties as other views list them, each with its contact hints and abilities where the duties
 * list (her service's) has it. The joint case and the home view send duties without them.
 */
export function useDutyItems(duties: readonly DutyView[], enabled: boolean): AnyDuty[] {
  const open = useDuties('open', enabled && duties.some((duty) => duty.state === 'open'));
  const byId = new Map((open.data ?? []).map((item) => [item.id, item]));
  return duties.map((duty) => byId.get(duty.id) ?? duty);
}
