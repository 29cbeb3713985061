import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { SessionView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHome } from '../../casework/api';
import { Empty, Loading, Section } from '../../casework/components';
import { DutyItem } from '../../casework/DutyItem';
import { formatDate } from '../../casework/format';
import { CASEWORK_NS } from '../../casework/i18n';
import type { JointCaseSummaryView } from '../../casework/types';
import { DueCard } from '../../instruments/DueList';

/** The home page's work: duties to inform her, reassessments due, my joint cases. */
export function HomeWork({ session }: { session: SessionView }) {
  const { t } = useTranslation(CASEWORK_NS);
  const { abilities } = session;
  const home = useHome(abilities.casework);

  if (!abilities.casework) {
    return abilities.coordinateNetwork ? (
      <Section id="home-network" title={t('home.network.title')} description={t('home.network.description')}>
        <Group>
          <Button component={Link} to="/network/agreements" variant="default">
            {t('nav.agreements')}
          </Button>
          <Button component={Link} to="/network/phase1" variant="default">
            {t('nav.phase1')}
          </Button>
        </Group>
      </Section>
    ) : null;
  }

  const duties = home.data?.duties ?? [];
  const overdue = home.data?.overdueDuties ?? [];
  const sortedDuties = [...duties].sort((a, b) => Number(b.overdue) - Number(a.overdue));

  return (
    <Loading query={home}>
      <Stack gap="lg">
        {overdue.length > 0 && (
          <Alert
            color="red"
            variant="filled"
            title={t('home.overdueTitle', { count: overdue.length })}
            role="alert"
          >
            {t('home.overdueBody')}
          </Alert>
        )}
        {abilities.referPerpetrators && (
          <Group>
            <Button component={Link} to="/programme/new">
              {t('programme.newReferral')}
            </Button>
            <Button component={Link} to="/programme" variant="default">
              {t('nav.programme')}
            </Button>
          </Group>
        )}
        {abilities.supportVictims && (
          <Section
            id="home-duties"
            title={t('home.duties.title')}
            description={t('home.duties.description')}
            actions={
              duties.length > 0 ? (
                <Badge size="lg" variant="light" color={overdue.length ? 'red' : 'indigo'}>
                  {t('home.duties.count', { count: duties.length })}
                </Badge>
              ) : undefined
            }
          >
            {sortedDuties.length === 0 ? (
              <Empty>{t('home.duties.empty')}</Empty>
            ) : (
              sortedDuties.map((duty) => <DutyItem key={duty.id} duty={duty} canResolve />)
            )}
          </Section>
        )}
        {!abilities.supportVictims && overdue.length > 0 && (
          <Section
            id="home-overdue"
            title={t('home.overdueDuties.title')}
            description={t('home.overdueDuties.description')}
          >
            {overdue.map((duty) => (
              <DutyItem key={duty.id} duty={duty} canResolve={false} />
            ))}
          </Section>
        )}
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {/* Reassessments (after critical events, scheduled, never done) and IMPACT questionnaires due. */}
          <DueCard />
          <Section
            id="home-cases"
            title={t('home.myCases.title')}
            description={t('home.myCases.description')}
          >
            <CaseList cases={home.data?.myCases ?? []} empty={t('home.myCases.empty')} />
            <Anchor component={Link} to="/cases" size="sm">
              {t('home.myCases.all')}
            </Anchor>
          </Section>
        </SimpleGrid>
      </Stack>
    </Loading>
  );
}

export function CaseList({ cases, empty }: { cases: JointCaseSummaryView[]; empty: string }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  if (cases.length === 0) return <Empty>{empty}</Empty>;
  return (
    <Table verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cases.columns.number')}</Table.Th>
          <Table.Th>{t('cases.columns.status')}</Table.Th>
          <Table.Th>{t('cases.columns.opened')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cases.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Anchor component={Link} to={`/cases/${c.id}`} fw={600}>
                {c.caseNumber}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <Badge
                  variant="light"
                  color={c.status === 'open' ? 'teal' : 'gray'}
                  style={{ minWidth: 'max-content' }}
                >
                  {t(`enums.caseStatus.${c.status}`)}
                </Badge>
                {c.reassessmentDue && (
                  <Badge variant="light" color="orange" style={{ minWidth: 'max-content' }}>
                    {t('cases.reassessmentDue')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDate(i18n.language, c.createdAt)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
