import { Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AgreedLevelCreate, InstrumentDefinition, JointRiskView } from '@tandem/shared';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { MEETINGS_NS } from '../../../../app/i18n/namespaces';
import { seenDescription } from '../../../../components/SeenByProgramme';
import { useAgreeLevel } from '../../../instruments/api';
import { levelLabel } from '../../../instruments/components/parts';
import { levelPosition, localized } from '../../../instruments/logic';
import type { AgendaContext } from './context';

type Levels = NonNullable<InstrumentDefinition['levels']>;
export type AgreementBody = Omit<z.input<typeof AgreedLevelCreate>, 'confirmHerDetails'>;

/** The higher of the levels given (safety first: the agreed level starts there). */
export function higherLevel(levels: Levels, ...candidates: (string | null | undefined)[]): string | null {
  return candidates.reduce<string | null>((best, level) => {
    if (!level) return best;
    if (!best) return level;
    return (levelPosition(levels, level) ?? -1) > (levelPosition(levels, best) ?? -1) ? level : best;
  }, null);
}

/**
 * Records the agreed level from the meeting: her details are checked in the rationale (joint
 * text), a lower level stays a proposal until the other side confirms it, and a level that takes
 * effect addresses the agenda item with the level and its rationale in the minutes (`keepOpen`:
 * the item stays expanded, e.g. after the checklist's dialog, to show both levels and the agreed one).
 */
export function useRecordAgreement(context: AgendaContext, levels: Levels, keepOpen = false) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  const { meeting, herDetails } = context;
  const agree = useAgreeLevel(meeting.jointCaseId);
  const itemOpen = meeting.agenda.find((item) => item.item === 'joint_risk_assessment')?.status === 'open';
  const record = async (body: AgreementBody) => {
    let confirmed = false;
    const next = await herDetails.send((confirmHerDetails) => {
      confirmed = confirmHerDetails === true;
      return agree.mutateAsync({ ...body, confirmHerDetails });
    });
    const label = levelLabel(levels, body.level, i18n.language);
    if (next.pendingLowering?.level === body.level && next.agreed?.level !== body.level) {
      notifications.show({ color: 'orange', message: t('risk.loweringProposed', { level: label }) });
      context.refresh();
      return;
    }
    notifications.show({ color: 'teal', message: t('risk.agreedSaved', { level: label }) });
    if (itemOpen)
      await context.address(
        'joint_risk_assessment',
        t('risk.agreedNote', { level: label, rationale: body.rationale }),
        confirmed,
        keepOpen,
      );
    else context.refresh();
  };
  return { record, pending: agree.isPending, itemOpen };
}

export interface AgreementDraft {
  level: string;
  rationale: string;
}

/**
 * The agreed level inside the checklist's dialog, when the other side's checklist is in: the
 * second checklist and the agreement are one step of the meeting. Left without a rationale, only
 * the checklist is saved and the level is agreed on the agenda item as before.
 */
export function AgreeInDialog({
  levels,
  startsAt,
  draft,
  onChange,
}: {
  levels: Levels;
  /** The higher of the other side's level and the one this checklist gives so far. */
  startsAt: string | null;
  draft: AgreementDraft;
  onChange: (draft: AgreementDraft) => void;
}) {
  const { t, i18n } = useTranslation(MEETINGS_NS);
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0" component="section" aria-labelledby="agree-in-dialog">
      <Stack gap="xs">
        <Text fw={600} id="agree-in-dialog">
          {t('risk.agreeTitle')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('risk.agreeInDialogHint')}
        </Text>
        <Radio.Group
          label={t('risk.agreedLevel')}
          description={t('risk.startsHigher')}
          value={draft.level || startsAt || ''}
          onChange={(level) => onChange({ ...draft, level })}
        >
          <Group gap="md" mt={6}>
            {levels.map((candidate) => (
              <Radio
                key={candidate.id}
                value={candidate.id}
                label={localized(candidate.label, i18n.language)}
              />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('risk.rationale')}
          description={seenDescription(t('risk.rationaleHint'))}
          value={draft.rationale}
          onChange={(event) => onChange({ ...draft, rationale: event.currentTarget.value })}
          autosize
          minRows={2}
          maxLength={4000}
        />
      </Stack>
    </Paper>
  );
}

/** The body for the agreement made with a checklist just saved (`saved`), beside the other side's. */
export function agreementWith(
  view: JointRiskView,
  levels: Levels,
  draft: AgreementDraft,
  saved: { id: string; level: string | null },
  today: string,
): AgreementBody {
  const mineIsPp = view.can.recordChecklistFor === 'perpetrator';
  const other = mineIsPp ? view.victimSide : view.perpetratorSide;
  return {
    level: draft.level || higherLevel(levels, saved.level, other?.level) || '',
    rationale: draft.rationale,
    agreedOn: today,
    ...(mineIsPp
      ? { ppResponseId: saved.id, ...(other && { vssResponseId: other.id }) }
      : { vssResponseId: saved.id, ...(other && { ppResponseId: other.id }) }),
  };
}
