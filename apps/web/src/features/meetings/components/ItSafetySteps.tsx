import { Anchor, Card, List, Text, Title } from '@mantine/core';
import type { SafetyPlanView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { localized } from '../../instruments/logic';

type ItSafety = NonNullable<SafetyPlanView['itSafety']>;

/**
 * The IT safety plan's first steps, as the server draws them (README, "Digital violence"):
 * "document before you act" always first, then the steps her identification's "yes" answers draw in.
 */
export function ItSafetySteps({ itSafety }: { itSafety: ItSafety }) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const { identification } = itSafety;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="it-safety-steps">
      <Title order={2} size="h4" id="it-safety-steps" mb="xs">
        {t('safety.steps.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {identification
          ? t('safety.steps.from', { date: formatDate(i18n.language, identification.completedOn) })
          : t('safety.steps.noIdentification')}{' '}
        {identification?.jointCaseId && (
          <Anchor component={Link} to={`/joint-cases/${identification.jointCaseId}/digital-violence`}>
            {t('safety.steps.open')}
          </Anchor>
        )}
      </Text>
      <List type="ordered" spacing="xs" size="sm">
        {itSafety.steps.map((step) => (
          <List.Item key={step.id}>
            {step.text ? (
              localized(step.text as { en: string }, i18n.language)
            ) : (
              <>
                <Text span fw={700} size="sm">
                  {t('safety.steps.document.title')}
                </Text>{' '}
                {t('safety.steps.document.text')}
              </>
            )}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
