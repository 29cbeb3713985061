import { Badge } from '@mantine/core';
import type { SeriousHarmStatus, TellingStatus } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';

const STATUS_COLOURS: Record<SeriousHarmStatus, string> = {
  proposed: 'orange',
  authorised: 'red',
  declined: 'gray',
};

const TELLING_COLOURS: Record<TellingStatus, string> = {
  pending: 'orange',
  told: 'teal',
  postponed: 'grape',
};

export function ShareStatusBadge({ status }: { status: SeriousHarmStatus }) {
  const { t } = useTranslation(CASEWORK_NS);
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light">
      {t(`seriousHarm.status.${status}`)}
    </Badge>
  );
}

export function TellingBadge({ status }: { status: TellingStatus }) {
  const { t } = useTranslation(CASEWORK_NS);
  return (
    <Badge color={TELLING_COLOURS[status]} variant="light">
      {t(`seriousHarm.telling.status.${status}`)}
    </Badge>
  );
}
