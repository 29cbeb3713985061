import { Anchor, Badge, Button, Group, Stack } from '@mantine/core';
import type { Page, VictimFileView } from '@tandem/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { keys, useHerJointCases } from '../../../casework/api';
import { Empty, Section } from '../../../casework/components';
import { CASEWORK_NS } from '../../../casework/i18n';
import type { JointCaseSummaryView } from '../../../casework/types';

/** Her joint cases (number and status), found by her record; opening a new one for her case manager. */
export function useHerCaseSummaries(file: VictimFileView) {
  const ids = useHerJointCases(file.person);
  const summaries = useQuery({
    queryKey: [...keys.jointCases, 'summaries', 100],
    queryFn: () => api.get<Page<JointCaseSummaryView>>('/api/joint-cases', { limit: 100 }),
    enabled: (ids.data?.length ?? 0) > 0,
  });
  const cases = (ids.data ?? []).map(
    (id) =>
      summaries.data?.items.find((c) => c.id === id) ?? {
        id,
        caseNumber: '',
        status: 'open' as const,
        reassessmentDue: false,
        createdAt: '',
      },
  );
  const hasIds = (ids.data?.length ?? 0) > 0;
  return {
    cases: hasIds && summaries.isPending ? [] : cases,
    isPending: ids.isPending || (hasIds && summaries.isPending),
  };
}

export function HerJointCasesSection({ file, canOpen }: { file: VictimFileView; canOpen: boolean }) {
  const { t } = useTranslation(CASEWORK_NS);
  const { cases, isPending } = useHerCaseSummaries(file);
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
      {!isPending && cases.length === 0 && <Empty>{t('victim.noJointCases')}</Empty>}
      <Stack gap={6}>
        {cases.map((c) => (
          <Group key={c.id} gap="xs">
            <Anchor component={Link} to={`/cases/${c.id}`} fw={600}>
              {c.caseNumber || t('cases.aCase')}
            </Anchor>
            <Badge variant="light" color={c.status === 'open' ? 'teal' : 'gray'}>
              {t(`enums.caseStatus.${c.status}`)}
            </Badge>
            {c.reassessmentDue && (
              <Badge variant="light" color="orange">
                {t('cases.reassessmentDue')}
              </Badge>
            )}
          </Group>
        ))}
      </Stack>
    </Section>
  );
}
