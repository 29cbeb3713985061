import { Button, Code, CopyButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { VictimFileView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { Loading } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { PrintButton } from '../../../components/PrintButton';
import { VictimSideOnly } from '../../../components/VictimSideOnly';
import { SafetyPlanLinks } from '../../meetings/pages/SafetyPlanPage';
import { SeriousHarmSection } from '../../serious-harm/components/SeriousHarmSection';
import { useVictimFile } from '../api';
import { ConsentsSection } from '../components/ConsentsSection';
import { ContactSafetySection } from '../components/ContactSafetySection';
import { ContactDetailsSection, SafeContactSection } from '../components/ContactSections';
import { DisclosuresSection } from '../components/DisclosuresSection';
import { HerJointCasesSection } from '../components/HerJointCasesSection';
import { PartnerContactSection } from '../components/PartnerContactSection';
import { SupportSection } from '../components/SupportSection';

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
  const name = `${file.person.firstName} ${file.person.lastName}`;
  const { can } = file;

  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm" align="center">
          <PageTitle documentTitle={t('victim.documentTitle', { name })}>{name}</PageTitle>
          <VictimSideOnly />
          <PrintButton ml="auto" />
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
          <SafeContactSection file={file} canEdit={can.setContactPreferences} />
          <ContactSafetySection file={file} canRecord={can.logContact} />
          <ContactDetailsSection person={file.person} canEdit={can.editContactDetails} />
          <ConsentsSection file={file} canRecord={can.recordConsent} canRevoke={can.revokeConsent} />
        </Stack>
        <Stack gap="lg">
          <PartnerContactSection file={file} canEdit={can.logContact} episodeHint={episodeHint} />
          <SupportSection file={file} canEdit={can.openSupport} canClose={can.closeSupport} />
          <HerJointCasesSection file={file} canOpen={can.openJointCase} />
        </Stack>
      </SimpleGrid>
      <SafetyPlanLinks personId={file.person.id} />
      <DisclosuresSection file={file} canRecord={can.recordDisclosure} canShare={can.share} />
      <SeriousHarmSection file={file} />
    </Stack>
  );
}
