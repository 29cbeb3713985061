import { routes } from '@tandem/shared';
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
