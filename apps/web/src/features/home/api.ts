import { routes } from '@tandem/shared';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/** Query keys of the home page: one answer with the duties, meetings and what is due. */
export const homeKeys = {
  home: ['home'] as const,
};

export function useHome(enabled = true) {
  return useQuery({ queryKey: homeKeys.home, queryFn: () => call(routes.cases.home), enabled });
}
