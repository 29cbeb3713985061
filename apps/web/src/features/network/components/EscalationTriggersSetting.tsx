import { Button, Checkbox, Group, NumberInput, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type EscalationTrigger, type NetworkView, routes } from '@tandem/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { directoryKeys } from '../../../api/directory';
import { CASEWORK_NS } from '../../../app/i18n/namespaces';
import { FormAlert } from '../../../components/FormAlert';

type Row = { trigger: EscalationTrigger; on: boolean };

/** The figures of a trigger a network may tune, by kind: the names are the rules file's. */
const FIGURES = {
  repeat_incident: ['withinMonths'],
  escalating_incidents: ['withinMonths', 'minIncidents'],
  checklist_count: ['atLeast'],
} as const satisfies Record<EscalationTrigger['kind'], readonly string[]>;

/**
 * A network's escalation triggers (README, "Escalation triggers"): each switched on or off and its
 * figures tuned, saved as the network's own list; the installation's rules file applies again on
 * "Use the installation's triggers". The server validates the list with the rules file's schema.
 */
export function EscalationTriggersSetting({ network }: { network: NetworkView }) {
  const { t } = useTranslation(CASEWORK_NS);
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Row[]>(() =>
    network.escalationTriggers.map((trigger) => ({ trigger, on: true })),
  );
  const save = useMutation({
    mutationFn: (escalationTriggers: EscalationTrigger[] | null) =>
      call(routes.admin.updateNetwork, { params: { id: network.id }, body: { escalationTriggers } }),
    onSuccess: (changed) => {
      setRows(changed.escalationTriggers.map((trigger) => ({ trigger, on: true })));
      void queryClient.invalidateQueries({ queryKey: directoryKeys.networks });
      notifications.show({
        color: 'indigo',
        message: t('networkSettings.triggers.saved', { name: changed.name }),
      });
    },
  });
  const disabled = !network.can.changeSettings || save.isPending;
  const change = (index: number, next: Partial<Row>) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...next } : row)));
  const setFigure = (index: number, figure: string, value: number | boolean) =>
    change(index, { trigger: { ...rows[index]!.trigger, [figure]: value } as EscalationTrigger });

  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h5">
        {t('networkSettings.triggers.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t(
          network.ownEscalationTriggers
            ? 'networkSettings.triggers.own'
            : 'networkSettings.triggers.installation',
        )}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('networkSettings.triggers.trigger')}</Table.Th>
            <Table.Th>{t('networkSettings.triggers.figures')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={row.trigger.id}>
              <Table.Td>
                <Switch
                  checked={row.on}
                  disabled={disabled}
                  onChange={(event) => change(index, { on: event.currentTarget.checked })}
                  label={t(`networkSettings.triggers.kind.${row.trigger.kind}`)}
                  description={row.trigger.id}
                />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" align="end">
                  {FIGURES[row.trigger.kind].map((figure) => (
                    <NumberInput
                      key={figure}
                      label={t(`networkSettings.triggers.figure.${figure}`)}
                      value={(row.trigger as Record<string, unknown>)[figure] as number}
                      onChange={(value) => typeof value === 'number' && setFigure(index, figure, value)}
                      min={1}
                      allowDecimal={false}
                      disabled={disabled || !row.on}
                      w={150}
                    />
                  ))}
                  {row.trigger.kind === 'escalating_incidents' && (
                    <Checkbox
                      label={t('networkSettings.triggers.figure.severityRise')}
                      checked={row.trigger.severityRise}
                      disabled={disabled || !row.on}
                      onChange={(event) => setFigure(index, 'severityRise', event.currentTarget.checked)}
                    />
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {network.can.changeSettings && (
        <Group>
          <Button
            onClick={() => save.mutate(rows.filter((row) => row.on).map((row) => row.trigger))}
            loading={save.isPending}
          >
            {t('networkSettings.triggers.save')}
          </Button>
          {network.ownEscalationTriggers && (
            <Button variant="default" onClick={() => save.mutate(null)} disabled={save.isPending}>
              {t('networkSettings.triggers.reset')}
            </Button>
          )}
        </Group>
      )}
      <FormAlert error={save.error} />
    </Stack>
  );
}
