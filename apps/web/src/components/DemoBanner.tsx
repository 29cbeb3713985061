import { Alert } from '@mantine/core';
import type { SessionView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';

/** Says plainly when a demo account got in without a second factor. */
export function DemoBanner({ session }: { session: Pick<SessionView, 'demoMode' | 'mfaSkipped'> }) {
  const { t } = useTranslation();
  if (!session.demoMode || !session.mfaSkipped) return null;
  return (
    <Alert color="red" variant="filled" title={t('demo.bannerTitle')} data-testid="demo-banner" role="note">
      {t('demo.banner')}
    </Alert>
  );
}
