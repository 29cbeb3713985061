import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../app/i18n/namespaces';

/** Marks what only the victim side sees. */
export function VictimSideOnly() {
  const { t } = useTranslation(CASEWORK_NS);
  return (
    <Badge color="grape" variant="light" title={t('common.victimSideOnlyHint')}>
      {t('common.victimSideOnly')}
    </Badge>
  );
}
