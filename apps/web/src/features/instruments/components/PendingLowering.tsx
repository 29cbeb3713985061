import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { InstrumentDefinition, JointRiskView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import { INSTRUMENTS_NS } from '../../../app/i18n/namespaces';
import { FormAlert } from '../../../components/FormAlert';
import { useConfirmLowering } from '../api';
import { formatDate, levelLabel, notifySaved } from './parts';

/** A lower level one case manager proposed: in force only once the other side's case manager confirms. */
export function PendingLowering({
  jointCaseId,
  view,
  definition,
}: {
  jointCaseId: string;
  view: JointRiskView;
  definition: InstrumentDefinition;
}) {
  const { t, i18n } = useTranslation(INSTRUMENTS_NS);
  const confirm = useConfirmLowering(jointCaseId);
  const pending = view.pendingLowering;
  if (!pending) return null;
  const language = i18n.language;
  return (
    <Alert color="orange" variant="light" title={t('joint.pendingTitle')} data-testid="pending-lowering">
      <Stack gap="xs">
        <Text size="sm">
          {t('joint.pendingBody', {
            from: levelLabel(definition.levels, pending.fromLevel, language),
            level: levelLabel(definition.levels, pending.level, language),
            date: formatDate(language, pending.proposedOn),
            rationale: pending.rationale,
          })}
        </Text>
        <FormAlert error={confirm.error} />
        {view.can.confirmLowering && (
          <Group>
            <Button
              color="orange"
              loading={confirm.isPending}
              onClick={() =>
                confirm.mutate(pending.id, { onSuccess: () => notifySaved(t('joint.loweringConfirmed')) })
              }
            >
              {t('joint.confirmLowering')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
