import { authApi } from '@tandem/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { clearEverythingBut, type SignOutReason, setSignOutReason } from './session';

/** Sign out (this session, or every session of the user), forget all cached data, go to sign-in. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);

  const signOut = useCallback(
    async (
      everywhere = false,
      reason: SignOutReason = everywhere ? 'signed_out_everywhere' : 'signed_out',
    ) => {
      setPending(true);
      try {
        await call(everywhere ? authApi.logoutAll : authApi.logout);
      } catch {
        // Signed out already (or the server is unreachable): the local state is cleared either way.
      } finally {
        setSignOutReason(reason);
        clearEverythingBut(queryClient, null);
        setPending(false);
        navigate('/sign-in', { replace: true });
      }
    },
    [queryClient, navigate],
  );
  return { signOut, pending };
}
