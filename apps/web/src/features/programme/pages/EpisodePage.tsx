import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { PpEpisodeView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { formatDate } from '../../../components/format';
import { Loading, Section } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { usePpEpisode } from '../api';
import { AttendanceSection } from '../components/AttendanceSection';
import { CriticalEventForm } from '../components/CriticalEventForm';
import { DetailsSection } from '../components/EpisodeDetails';
import { PpStatusBadge } from '../components/PpStatusBadge';
import { ReleaseSection } from '../components/ReleaseSection';
import { StatusSection } from '../components/StatusSection';

/** His programme episode: details, status, attendance, release and partners, critical events. */
export function EpisodePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const episode = usePpEpisode(id);
  const name = episode.data ? `${episode.data.person.firstName} ${episode.data.person.lastName}` : '';

  return (
    <Stack maw={1200}>
      <Loading query={episode}>
        {episode.data && (
          <>
            <div>
              <PageTitle documentTitle={t('episode.documentTitle', { name })}>{name}</PageTitle>
              <Group gap="xs" mt={-8}>
                <PpStatusBadge status={episode.data.status} />
                <Text c="dimmed">
                  {t('episode.subtitle', {
                    pathway: t(`enums.pathway.${episode.data.pathway}`),
                    date: formatDate(i18n.language, episode.data.referralDate),
                  })}
                </Text>
              </Group>
            </div>
            <EpisodeBody episode={episode.data} />
          </>
        )}
      </Loading>
    </Stack>
  );
}

function EpisodeBody({ episode }: { episode: PpEpisodeView }) {
  const { t } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <DetailsSection episode={episode} />
        <StatusSection episode={episode} />
      </SimpleGrid>
      <ReleaseSection episode={episode} myAgencyId={session?.user.agencyId ?? null} />
      <AttendanceSection episode={episode} />
      {episode.can.recordCriticalEvent && (
        <Section id="episode-event" title={t('events.title')} description={t('events.intro')}>
          <CriticalEventForm episodeId={episode.id} />
        </Section>
      )}
    </Stack>
  );
}
