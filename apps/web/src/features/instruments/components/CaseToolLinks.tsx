import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';

/** Links from a joint case to its joint risk assessment, recidivism log and IMPACT questionnaires. */
export function CaseToolLinks({
  jointCaseId,
  identifyDigitalViolence = false,
}: {
  jointCaseId: string;
  /** The server's ability: her digital-violence identification (her service's victim side). */
  identifyDigitalViolence?: boolean;
}) {
  const { t } = useTranslation(INSTRUMENTS_NS);
  return (
    <Group gap="sm" component="nav" aria-label={t('frame.tools')}>
      {(['risk', 'recidivism', 'impact'] as const).map((tool) => (
        <Button key={tool} component={Link} to={`/joint-cases/${jointCaseId}/${tool}`} variant="light">
          {t(`frame.${tool}`)}
        </Button>
      ))}
      {identifyDigitalViolence && (
        <Button
          component={Link}
          to={`/joint-cases/${jointCaseId}/digital-violence`}
          variant="light"
          color="grape"
        >
          {t('frame.digital-violence')}
        </Button>
      )}
    </Group>
  );
}
