import { NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type NetworkView, routes } from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { directoryKeys } from '../../../api/directory';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { FormAlert } from '../../../components/FormAlert';
import { useDefinitions } from '../../instruments/api';
import { localized } from '../../instruments/logic';

/**
 * The risk checklist a network's new joint cases are assessed with (README, "Instruments"):
 * changed at once by the system admin or the network's coordinator (the view says who may).
 * Cases already assessed keep theirs, so the hint says so.
 */
export function RiskInstrumentSetting({ network, label = true }: { network: NetworkView; label?: boolean }) {
  const { t, i18n } = useTranslation(CASEWORK_NS);
  const queryClient = useQueryClient();
  const definitions = useDefinitions();
  const change = useMutation({
    mutationFn: (riskInstrumentId: string) =>
      call(routes.admin.updateNetwork, { params: { id: network.id }, body: { riskInstrumentId } }),
    onSuccess: (changed) => {
      void queryClient.invalidateQueries({ queryKey: directoryKeys.networks });
      notifications.show({ color: 'indigo', message: t('networkSettings.saved', { name: changed.name }) });
    },
  });
  const checklists = (definitions.data ?? []).filter((definition) => definition.kind === 'risk_checklist');
  const options = checklists.map((definition) => ({
    value: definition.id,
    label: localized(definition.title, i18n.language),
  }));
  // The chosen one even before the definitions arrive, or when it is no longer loaded.
  if (!options.some((option) => option.value === network.riskInstrumentId))
    options.unshift({ value: network.riskInstrumentId, label: network.riskInstrumentId });

  return (
    <>
      <NativeSelect
        label={label ? t('networkSettings.riskInstrument') : undefined}
        aria-label={label ? undefined : t('networkSettings.riskInstrumentOf', { name: network.name })}
        description={label ? t('networkSettings.riskInstrumentHint') : undefined}
        data={options}
        value={network.riskInstrumentId}
        disabled={!network.can.changeSettings || change.isPending}
        onChange={(event) => change.mutate(event.currentTarget.value)}
        maw={420}
      />
      <FormAlert error={change.error} />
    </>
  );
}
