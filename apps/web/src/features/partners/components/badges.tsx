import { Badge } from '@mantine/core';
import type { PartnerContactOutcome } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';

const OUTCOME_COLOURS: Record<PartnerContactOutcome, string> = {
  reached: 'teal',
  declined: 'gray',
  unreachable: 'orange',
};

export function OutcomeBadge({ outcome }: { outcome: PartnerContactOutcome }) {
  const { t } = useTranslation(CASEWORK_NS);
  return (
    <Badge color={OUTCOME_COLOURS[outcome]} variant="light" style={{ minWidth: 'max-content' }}>
      {t(`enums.outcome.${outcome}`)}
    </Badge>
  );
}
