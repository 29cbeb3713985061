import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack } from '@mantine/core';
import type { SessionView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { Empty, Loading, Section } from '../../../components/PageParts';
import { CaseList } from '../../cases/components/CaseList';
import { DutyItem } from '../../duties/components/DutyItem';
import { DueCard } from '../../instruments/components/DueList';
import { SeriousHarmWork } from '../../serious-harm/components/SeriousHarmWork';
import { useHome } from '../api';
import { NewReferrals } from './NewReferrals';
import { SafetyPlansDue } from './SafetyPlansDue';

/** The home page's work: duties to inform her, reassessments due, my joint cases. */
export function HomeWork({ session }: { session: SessionView }) {
  const { t } = useTranslation(CASEWORK_NS);
  const { abilities } = session;
  const home = useHome(abilities.casework);
  // Each duty comes with her contact hints and what this user may do with it.
  const duties = home.data?.duties ?? [];

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
        {home.data?.seriousHarm && <SeriousHarmWork items={home.data.seriousHarm} />}
        {home.data?.newReferrals && <NewReferrals referrals={home.data.newReferrals} />}
        {home.data?.safetyPlansDue && <SafetyPlansDue items={home.data.safetyPlansDue} />}
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
              sortedDuties.map((duty) => <DutyItem key={duty.id} duty={duty} />)
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
              <DutyItem key={duty.id} duty={duty} />
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
