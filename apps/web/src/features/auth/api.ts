import { systemApi } from '@tandem/shared';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

/** `GET /api/public/config`: what the sign-in page needs before anyone is signed in. */
export function usePublicConfig() {
  return useQuery({
    queryKey: ['public-config'],
    queryFn: () => call(systemApi.publicConfig),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
