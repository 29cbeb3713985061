import { Button, Code, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { VictimFileView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useVictimFile } from '../../casework/api';
import { Loading, VictimSideOnly } from '../../casework/components';
import { CASEWORK_NS } from '../../casework/i18n';
import { PageTitle } from '../../components/PageTitle';
import { SafetyPlanLinks } from '../meetings/SafetyPlanPage';
import { ConsentsSection } from './victim/ConsentsSection';
import { ContactDetailsSection, SafeContactSection } from './victim/ContactSections';
import { DisclosuresSection } from './victim/DisclosuresSection';
import { HerJointCasesSection } from './victim/HerJointCasesSection';
import { PartnerContactSection } from './victim/PartnerContactSection';
import { SupportSection } from './victim/SupportSection';

/** Her file, on the victim side only: how to reach her safely, her consents, contacts, support. */
export function VictimFilePage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const file = useVictimFile(id);
  return (
    <Stack maw={1300}>
      <Loading query={file}>
        {file.data && <FileBody file={file.data} episodeHint={params.get('episode')} />}
      </Loading>
    </Stack>
  );
}

function FileBody({ file, episodeHint }: { file: VictimFileView; episodeHint: string | null }) {
  const { t } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const name = `${file.person.firstName} ${file.person.lastName}`;
  const canWork = Boolean(session?.abilities.supportVictims);
  const isCaseManager = Boolean(session?.user.roles.includes('vss_case_manager'));
  const ownsRecord = session?.user.agencyId === file.person.ownerAgencyId;

  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm" align="center">
          <PageTitle documentTitle={t('victim.documentTitle', { name })}>{name}</PageTitle>
          <VictimSideOnly />
        </Group>
        <Group gap="xs" mt={-8}>
          <Text size="sm" c="dimmed">
            {t('victim.reference')}
          </Text>
          <Code>{file.person.id}</Code>
          <CopyButton value={file.person.id}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="subtle" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('victim.referenceHint')}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" verticalSpacing="lg">
        <Stack gap="lg">
          <SafeContactSection file={file} canEdit={canWork} />
          <ContactDetailsSection person={file.person} canEdit={canWork && ownsRecord} />
          <ConsentsSection file={file} canEdit={canWork} />
        </Stack>
        <Stack gap="lg">
          <PartnerContactSection file={file} canEdit={canWork} episodeHint={episodeHint} />
          <SupportSection file={file} canEdit={canWork} />
          <HerJointCasesSection file={file} canOpen={isCaseManager} />
        </Stack>
      </SimpleGrid>
      <SafetyPlanLinks personId={file.person.id} />
      <DisclosuresSection file={file} canRecord={canWork} canShare={isCaseManager} />
    </Stack>
  );
}
