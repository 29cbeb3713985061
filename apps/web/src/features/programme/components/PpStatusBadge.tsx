import { Badge } from '@mantine/core';
import type { PpStatus } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';

const STATUS_COLOURS: Record<PpStatus, string> = {
  referred: 'gray',
  intake: 'blue',
  active: 'teal',
  suspended: 'orange',
  completed: 'indigo',
  dropped_out: 'red',
  excluded: 'red',
};

export function PpStatusBadge({ status }: { status: PpStatus }) {
  const { t } = useTranslation(CASEWORK_NS);
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" style={{ minWidth: 'max-content' }}>
      {t(`enums.ppStatus.${status}`)}
    </Badge>
  );
}
