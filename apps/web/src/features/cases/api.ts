import { type RouteOutput, routes } from '@tandem/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { dutyKeys } from '../duties/api';
import { homeKeys } from '../home/api';
import { programmeKeys } from '../programme/api';

export type JointCaseSummaryView = RouteOutput<typeof routes.cases.list>['items'][number];

/** Query keys of the joint cases. */
export const caseKeys = {
  list: ['joint-cases'] as const,
  case: (id: string) => ['joint-case', id] as const,
};

export function useJointCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.case(id ?? ''),
    queryFn: () => call(routes.cases.get, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

/** After a change to a case, the lists and pages that show it are asked again. */
export function useRefreshCasework() {
  const queryClient = useQueryClient();
  return (...extra: (readonly unknown[])[]) => {
    for (const key of [homeKeys.home, dutyKeys.all, caseKeys.list, programmeKeys.episodes, ...extra]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };
}
