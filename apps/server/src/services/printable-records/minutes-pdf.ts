import type { Language, MeetingView } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { labelsFor } from '../../pdf/labels.js';
import { renderPdf } from '../../pdf/pdf-renderer.js';
import { actionsOfCase } from '../meetings/action-plan.service.js';
import { localDateTime } from '../meetings/meeting-time.js';
import { meetingView } from '../meetings/meeting-view.js';
import { actionTable, header, heading, keyValues, type Labels, table } from './pdf-blocks.js';
import { riskSections } from './risk-sections.js';

/**
 * The minutes of a Phase 2 meeting as a PDF, in the reader's language and the meeting's zone.
 * Composed only from the reader's own views — the same service functions the pages use, each
 * through the reader's policy — so a PDF made for the perpetrator side can hold nothing the
 * policy hides from it (docs/domain.md, "Information-flow rules", 1).
 */
export async function meetingMinutesPdf(scope: CommandScope, meetingId: string, language: Language) {
  const t = labelsFor(language);
  const meeting = await meetingView(scope, meetingId);
  const [actions, risk] = await Promise.all([
    actionsOfCase(scope, meeting.jointCaseId),
    riskSections(scope, meeting.jointCaseId, t),
  ]);
  const zone = meeting.timeZone;
  const at = (iso: string) => `${localDateTime(new Date(iso), zone)} (${zone})`;
  const title = `${t('minutesTitle')} ${meeting.caseNumber}`;
  const content = [
    ...header(t('minutesTitle'), at(scope.clock.now().toISOString()), t),
    keyValues([
      [t('case'), meeting.caseNumber],
      ...(meeting.heldAt ? ([[t('heldAt'), at(meeting.heldAt)]] as const) : []),
      [t('plannedFor'), at(meeting.scheduledFor)],
      [t('timeZone'), zone],
      [t('kind'), t(meeting.kind)],
      [t('mode'), t(meeting.mode)],
      [t('place'), meeting.place ?? t('none')],
      [t('attendance'), meeting.attendance.map((person) => person.name).join(', ') || t('none')],
    ]),
    heading(t('agenda')),
    table(
      [t('agenda'), t('status'), t('minutes')],
      meeting.agenda.map((item) => [
        t(item.item),
        t(item.status),
        item.status === 'deferred' ? `${t('reason')}: ${item.deferredReason ?? ''}` : (item.notes ?? ''),
      ]),
    ),
    ...risk,
    heading(t('concerns')),
    concernTable(meeting, t),
    heading(t('joint_action_plan')),
    actionTable(actions, t),
    heading(t('decisions')),
    { text: meeting.decisions ?? t('none') },
    heading(t('minutes')),
    { text: meeting.minutes ?? t('none') },
  ];
  return { bytes: await renderPdf(title, content), filename: `minutes-${meeting.id}.pdf` };
}

/** The qualitative notes; her side's own (present only for readers the policy gives them) marked as such. */
function concernTable(meeting: MeetingView, t: Labels) {
  const rows = [
    ...meeting.qualitativeNotes.map((note) => [note.authorName, t(note.concernLevel), note.text]),
    ...meeting.victimSideNotes.map((note) => [
      `${note.authorName} (${t('victimSideOnly')})`,
      t(note.concernLevel),
      note.text,
    ]),
  ];
  return table([t('responsible'), t('concern'), t('minutes')], rows);
}
