import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Textarea,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type SafetyPlan, SafetyPlan as SafetyPlanSchema } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { MEETINGS_NS } from '../../../app/i18n/namespaces';
import { SchemaFormAlert } from '../../../components/forms/SchemaFormAlert';
import { useSchemaForm } from '../../../components/forms/useSchemaForm';
import { Loading } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { PrintButton } from '../../../components/PrintButton';
import { VictimSideOnly } from '../../../components/VictimSideOnly';
import { useSession } from '../../auth/session';
import { type SafetyPlanKind, useSafetyPlan, useSaveSafetyPlan } from '../api';
import { ItSafetySteps } from '../components/ItSafetySteps';
import { formatDateTime } from '../components/parts';

type Field = keyof SafetyPlan;

/** The plan's fields, grouped and ordered by what each plan is about. */
const LAYOUT: Record<SafetyPlanKind, { group: string; fields: Field[] }[]> = {
  safety: [
    {
      group: 'violence',
      fields: ['stoppingTheViolence', 'protectionMeasures', 'hisAccountability', 'escalationConcerns'],
    },
    { group: 'contact', fields: ['safeCommunicationChannel', 'safeDevice'] },
    { group: 'online', fields: ['onlineAccounts', 'newAccountsAndSafeConnections'] },
  ],
  it_safety: [
    { group: 'contact', fields: ['safeCommunicationChannel', 'safeDevice'] },
    { group: 'online', fields: ['onlineAccounts', 'newAccountsAndSafeConnections'] },
    {
      group: 'violence',
      fields: ['escalationConcerns', 'stoppingTheViolence', 'hisAccountability', 'protectionMeasures'],
    },
  ],
};

export const safetyPlanPath = (personId: string, kind: SafetyPlanKind) =>
  `/victims/${personId}/${kind === 'safety' ? 'safety-plan' : 'it-safety-plan'}`;

/** Whether this user works on her side (her plans are never shown to anyone else). */
export function useVictimSideWorker(): boolean {
  return Boolean(useSession().data?.abilities.supportVictims);
}

/** Her safety plan, or her IT safety plan: victim side only, never shared. */
export function SafetyPlanPage({ kind }: { kind: SafetyPlanKind }) {
  const { id = '' } = useParams();
  const { t } = useTranslation(MEETINGS_NS);
  const victimSide = useVictimSideWorker();
  const plan = useSafetyPlan(id, kind, victimSide);
  const title = t(`safety.title.${kind}`);

  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <Anchor component={Link} to={`/victims/${id}`} size="sm">
          {t('safety.back')}
        </Anchor>
        <Group gap="sm" align="center">
          <PageTitle documentTitle={title}>{title}</PageTitle>
          <VictimSideOnly />
          <PrintButton ml="auto" />
        </Group>
        <Group gap={4} component="nav" aria-label={t('safety.nav')} mt={-8} data-print="hide">
          {(['safety', 'it_safety'] as const).map((other) => (
            <UnstyledButton
              key={other}
              component={Link}
              to={safetyPlanPath(id, other)}
              aria-current={other === kind ? 'page' : undefined}
              px="sm"
              py={6}
              style={{
                borderRadius: 'var(--mantine-radius-sm)',
                borderBottom:
                  other === kind ? '3px solid var(--mantine-color-grape-7)' : '3px solid transparent',
                background: other === kind ? 'var(--mantine-color-grape-0)' : undefined,
              }}
            >
              <Text size="sm" fw={other === kind ? 700 : 500}>
                {t(`safety.title.${other}`)}
              </Text>
            </UnstyledButton>
          ))}
        </Group>
      </div>
      {!victimSide ? (
        <Alert color="blue" variant="light">
          {t('safety.notYours')}
        </Alert>
      ) : (
        <Loading query={plan}>
          {plan.data?.itSafety && <ItSafetySteps itSafety={plan.data.itSafety} />}
          {plan.data && (
            <PlanForm
              key={`${kind}-${plan.data.updatedAt}`}
              personId={id}
              kind={kind}
              initial={plan.data.plan}
              updatedAt={plan.data.updatedAt}
              updatedBy={plan.data.updatedBy}
            />
          )}
        </Loading>
      )}
    </Stack>
  );
}

function PlanForm({
  personId,
  kind,
  initial,
  updatedAt,
  updatedBy,
}: {
  personId: string;
  kind: SafetyPlanKind;
  initial: SafetyPlan;
  updatedAt: string;
  updatedBy: string;
}) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const save = useSaveSafetyPlan(personId, kind);
  const fields = LAYOUT[kind].flatMap((group) => group.fields);
  const form = useSchemaForm({
    schema: SafetyPlanSchema,
    initialValues: Object.fromEntries(fields.map((field) => [field, initial[field] ?? ''])) as Record<
      Field,
      string
    >,
    onSubmit: async (body) => {
      // The saved plan comes back with its new date: the form starts again from it (its key).
      await save.mutateAsync(body);
      notifications.show({ color: 'teal', message: t('safety.saved') });
    },
  });

  return (
    <form onSubmit={form.submit} noValidate aria-label={t(`safety.title.${kind}`)}>
      <Stack gap="lg">
        <Text size="sm" c="dimmed">
          {t(`safety.intro.${kind}`)}{' '}
          {updatedAt
            ? t('safety.lastSaved', { date: formatDateTime(i18n.language, updatedAt), name: updatedBy })
            : t('safety.never')}
        </Text>
        {LAYOUT[kind].map(({ group, fields }) => (
          <Card
            key={group}
            withBorder
            radius="md"
            padding="lg"
            component="section"
            aria-labelledby={`plan-${group}`}
          >
            <Title order={2} size="h4" id={`plan-${group}`} mb="sm">
              {t(`safety.groups.${group}`)}
            </Title>
            <Stack gap="md">
              {fields.map((field) => (
                <Textarea
                  key={field}
                  label={t(`safety.fields.${field}.label`)}
                  description={t(`safety.fields.${field}.hint`)}
                  {...form.getInputProps(field)}
                  autosize
                  minRows={2}
                  maxRows={12}
                  maxLength={field === 'safeCommunicationChannel' || field === 'safeDevice' ? 2000 : 4000}
                />
              ))}
            </Stack>
          </Card>
        ))}
        <SchemaFormAlert form={form} />
        <Group justify="flex-end" gap="sm">
          {form.isDirty() && (
            <Text size="sm" c="dimmed">
              {t('safety.unsaved')}
            </Text>
          )}
          <Button type="submit" loading={save.isPending}>
            {t('safety.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** On her file: the two plans, one click away — victim side only; nothing at all for anyone else. */
/** The two plans, each the page of its own route. */
export const HerSafetyPlanPage = () => <SafetyPlanPage kind="safety" />;
export const ItSafetyPlanPage = () => <SafetyPlanPage kind="it_safety" />;

export function SafetyPlanLinks({ personId }: { personId: string }) {
  const { t } = useTranslation(MEETINGS_NS);
  const victimSide = useVictimSideWorker();
  if (!victimSide) return null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="her-safety-plans">
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ flex: '1 1 16rem' }}>
          <Group gap="xs">
            <Title order={2} size="h4" id="her-safety-plans">
              {t('safety.linksTitle')}
            </Title>
            <VictimSideOnly />
          </Group>
          <Text size="sm" c="dimmed" mt={2}>
            {t('safety.linksDescription')}
          </Text>
        </div>
        <Group gap="sm">
          <Button component={Link} to={safetyPlanPath(personId, 'safety')} variant="light" color="grape">
            {t('safety.title.safety')}
          </Button>
          <Button component={Link} to={safetyPlanPath(personId, 'it_safety')} variant="light" color="grape">
            {t('safety.title.it_safety')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
