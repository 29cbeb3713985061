import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { NoAccess } from '../../../components/NotFound';
import { Empty } from '../../../components/PageParts';
import { PageTitle } from '../../../components/PageTitle';
import { useSession } from '../../auth/session';
import { useMyNetworks } from '../api';
import { EscalationTriggersSetting } from '../components/EscalationTriggersSetting';
import { RiskInstrumentSetting } from '../components/RiskInstrumentSetting';

/** The settings a coordinator tunes for the networks of their agency: the risk checklist and the escalation triggers. */
export function NetworkSettingsPage() {
  const { t } = useTranslation(CASEWORK_NS);
  const session = useSession().data;
  const networks = useMyNetworks();
  if (!session?.abilities.coordinateNetwork) return <NoAccess />;
  return (
    <Stack maw={900}>
      <div>
        <PageTitle documentTitle={t('networkSettings.title')}>{t('networkSettings.title')}</PageTitle>
        <Text c="dimmed" mt={-8}>
          {t('networkSettings.intro')}
        </Text>
      </div>
      {!networks.isPending && networks.list.length === 0 && <Empty>{t('networkSettings.empty')}</Empty>}
      {networks.list.map((network) => (
        <Paper key={network.id} withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            {network.name}
          </Title>
          <RiskInstrumentSetting network={network} />
          <EscalationTriggersSetting network={network} />
        </Paper>
      ))}
    </Stack>
  );
}
