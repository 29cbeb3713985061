import type { Language } from '@tandem/shared';
import type { DataScope } from '../data/data-scope.js';
import { notFound } from '../http/errors.js';
import { labelsFor } from '../pdf/labels.js';
import { type PdfContent, renderPdf } from '../pdf/pdf-renderer.js';

/**
 * Printable records. Each PDF is composed only from what the repositories return to this
 * user — the same policy-filtered views as the pages — so a PDF made for a perpetrator-side
 * user can contain nothing the policy hides from them.
 */
export async function meetingMinutesPdf(
  scope: DataScope,
  meetingId: string,
  language: Language,
): Promise<Buffer> {
  const t = labelsFor(language);
  const meeting = await scope.meetings.get(meetingId);
  const risk = await scope.instruments.jointRisk(meeting.jointCaseId);
  const recidivism = await scope.instruments.recidivism(meeting.jointCaseId, 'month');
  const actions = await scope.actionPlan.list({ jointCaseId: meeting.jointCaseId });
  const content: PdfContent = [
    { text: t('minutesTitle'), style: 'title' },
    { text: t('confidential'), style: 'small', margin: [0, 0, 0, 8] },
    keyValues([
      [t('case'), meeting.caseNumber],
      [t('date'), meeting.scheduledFor.slice(0, 16).replace('T', ' ')],
      [t('kind'), t(meeting.kind)],
      [t('mode'), t(meeting.mode)],
      [t('place'), meeting.place ?? t('none')],
      [t('attendance'), meeting.attendance.map((person) => person.name).join(', ') || t('none')],
    ]),
    { text: t('agenda'), style: 'heading' },
    table(
      [t('agenda'), t('status'), t('minutes')],
      meeting.agenda.map((item) => [
        t(item.item),
        t(item.status),
        item.status === 'deferred' ? `${t('reason')}: ${item.deferredReason ?? ''}` : (item.notes ?? ''),
      ]),
    ),
    { text: t('riskLevels'), style: 'heading' },
    keyValues([
      [t('programmeSide'), t(risk.perpetratorSide?.level ?? 'none')],
      [t('victimSide'), t(risk.victimSide?.level ?? 'none')],
      [
        t('agreed'),
        risk.agreed ? `${t(risk.agreed.level)} — ${t('rationale')}: ${risk.agreed.rationale}` : t('none'),
      ],
    ]),
    { text: t('recidivism'), style: 'heading' },
    table(
      [t('period'), t('him'), t('otherSources'), t('possibleMinimisation')],
      recidivism.periods.map((period) => [
        period.period,
        String(period.him),
        String(period.otherSources),
        period.possibleMinimisation ? t('yes') : t('none'),
      ]),
    ),
    { text: t('concerns'), style: 'heading' },
    table(
      [t('responsible'), t('concern'), t('minutes')],
      meeting.qualitativeNotes.map((note) => [note.authorName, t(note.concernLevel), note.text]),
    ),
    { text: t('joint_action_plan'), style: 'heading' },
    actionTable(actions, t),
    { text: t('decisions'), style: 'heading' },
    { text: meeting.decisions ?? t('none') },
    { text: t('minutes'), style: 'heading' },
    { text: meeting.minutes ?? t('none') },
  ];
  return renderPdf(`${t('minutesTitle')} ${meeting.caseNumber}`, content);
}

export async function actionPlanPdf(
  scope: DataScope,
  jointCaseId: string,
  language: Language,
): Promise<Buffer> {
  const t = labelsFor(language);
  const jointCase = (await scope.jointCases.list({ limit: 1, only: jointCaseId })).items[0];
  const actions = await scope.actionPlan.list({ jointCaseId });
  if (!jointCase) throw notFound();
  const caseNumber = jointCase.caseNumber;
  return renderPdf(`${t('actionPlanTitle')} ${caseNumber}`, [
    { text: `${t('actionPlanTitle')} — ${caseNumber}`, style: 'title' },
    { text: t('confidential'), style: 'small', margin: [0, 0, 0, 8] },
    actionTable(actions, t),
  ]);
}

function actionTable(
  actions: Awaited<ReturnType<DataScope['actionPlan']['list']>>,
  t: (key: string) => string,
) {
  return table(
    [t('need'), t('action'), t('term'), t('responsible'), t('status')],
    actions.map((action) => [
      action.need,
      action.action,
      action.term,
      action.responsibleName ?? '',
      t(action.status),
    ]),
  );
}

function keyValues(rows: Array<[string, string]>) {
  return {
    table: { widths: [120, '*'], body: rows.map(([key, value]) => [{ text: key, bold: true }, value]) },
    layout: 'noBorders',
  };
}

function table(header: string[], rows: string[][]) {
  if (rows.length === 0) return { text: '—' };
  return {
    table: {
      headerRows: 1,
      widths: header.map(() => '*'),
      body: [header.map((text) => ({ text, bold: true })), ...rows],
    },
    layout: 'lightHorizontalLines',
  };
}
