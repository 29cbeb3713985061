import { Anchor, Badge, Button, Group, Stack } from '@mantine/core';
import type { VictimFileView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { Empty, Section } from '../../../components/PageParts';

/** Her joint cases (number and status, as her file lists them); opening a new one for her case manager. */
export function HerJointCasesSection({ file, canOpen }: { file: VictimFileView; canOpen: boolean }) {
  const { t } = useTranslation(CASEWORK_NS);
  const cases = file.jointCases;
  const hasOpen = cases.some((c) => c.status === 'open');
  return (
    <Section
      id="her-joint-cases"
      title={t('victim.jointCases')}
      description={t('victim.jointCasesHint')}
      actions={
        canOpen && (
          <Button
            size="xs"
            variant={hasOpen ? 'default' : 'filled'}
            component={Link}
            to={`/victims/${file.person.id}/joint-case/new`}
          >
            {t('jointCaseNew.open')}
          </Button>
        )
      }
    >
      {cases.length === 0 && <Empty>{t('victim.noJointCases')}</Empty>}
      <Stack gap={6}>
        {cases.map((c) => (
          <Group key={c.id} gap="xs">
            <Anchor component={Link} to={`/cases/${c.id}`} fw={600}>
              {c.caseNumber || t('cases.aCase')}
            </Anchor>
            <Badge variant="light" color={c.status === 'open' ? 'teal' : 'gray'}>
              {t(`enums.caseStatus.${c.status}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
