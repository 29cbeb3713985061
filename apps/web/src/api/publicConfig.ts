import type { PublicConfig } from '@tandem/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** `GET /api/public/config`: what the sign-in page needs before anyone is signed in. */
export function usePublicConfig() {
  return useQuery({
    queryKey: ['public-config'],
    queryFn: () => api.get<PublicConfig>('/api/public/config'),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}
