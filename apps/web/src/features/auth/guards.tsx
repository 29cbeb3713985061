import { Center, Loader } from '@mantine/core';
import type { SessionStage, SessionView } from '@tandem/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet } from 'react-router';
import { FormAlert } from '../../components/FormAlert';
import { STAGE_PATHS, useSession } from './session';

/** While the session or a page's code is loading: a quiet placeholder, never a blank screen. */
export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** Renders its routes only for a fully signed-in (`active`) session; otherwise sends to the right step. */
export function RequireActiveSession() {
  const session = useSession();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError)
    return (
      <Center mih="100vh" p="md">
        <FormAlert error={session.error} />
      </Center>
    );
  // No "return to" address: whoever signs in next starts on their own home.
  if (!session.data) return <Navigate to="/sign-in" replace />;
  if (session.data.stage !== 'active') return <Navigate to={STAGE_PATHS[session.data.stage]} replace />;
  return <Outlet />;
}

/** A step of signing in (password change, MFA): only for a session at exactly that stage. */
export function RequireStage({
  stage,
  children,
}: {
  stage: SessionStage;
  children: (session: SessionView) => ReactNode;
}) {
  const session = useSession();
  if (session.isPending) return <FullPageLoader />;
  if (!session.data) return <Navigate to="/sign-in" replace />;
  if (session.data.stage !== stage) return <Navigate to={STAGE_PATHS[session.data.stage]} replace />;
  return <>{children(session.data)}</>;
}
