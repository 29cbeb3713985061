import { QueryClient } from '@tanstack/react-query';
import { configureApi } from '../api/client';
import { isApiError } from '../api/errors';
import { handleSessionEnded, SESSION_KEY } from '../features/auth/session';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Window focus must not count as activity: the idle timeout is a safeguard.
      refetchOnWindowFocus: false,
      // Answers like 401, 403, 404 or 422 do not change by asking again.
      retry: (failureCount, error) =>
        failureCount < 2 && !(isApiError(error) && error.status > 0 && error.status < 500),
    },
  },
});

configureApi({
  getCsrfToken: () => queryClient.getQueryData<{ csrfToken: string } | null>(SESSION_KEY)?.csrfToken ?? null,
  onUnauthorized: (error) => {
    if (error.code === 'unauthenticated' || error.code === 'session_expired') handleSessionEnded(queryClient);
    // The session is at an earlier step (password change, MFA): ask again, the guards redirect.
    else if (error.code.endsWith('_required')) void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  },
});
