import type { Language } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { labelsFor } from '../../pdf/labels.js';
import { renderPdf } from '../../pdf/pdf-renderer.js';
import { actionsOfCase } from '../meetings/action-plan.service.js';
import { localDateTime } from '../meetings/meeting-time.js';
import { actionTable, header, keyValues } from './pdf-blocks.js';

/**
 * The joint action plan of a case as a PDF, in the reader's language and zone, composed from
 * the same policy-filtered view as the page: her own safety measures appear only for the
 * victim side (docs/domain.md, "Information-flow rules", 1).
 */
export async function actionPlanPdf(scope: CommandScope, jointCaseId: string, language: Language) {
  const t = labelsFor(language);
  const jointCase = await scope.repos.meetings.jointCase(jointCaseId);
  if (!jointCase) throw scope.db.refuse('action_plan.print', 'joint_case', jointCaseId);
  const actions = await actionsOfCase(scope, jointCaseId);
  const zone = scope.actor.timeZone;
  const title = `${t('actionPlanTitle')} ${jointCase.case_number}`;
  const content = [
    ...header(
      `${t('actionPlanTitle')} — ${jointCase.case_number}`,
      `${localDateTime(scope.clock.now(), zone)} (${zone})`,
      t,
    ),
    keyValues([
      [t('case'), jointCase.case_number],
      [t('timeZone'), zone],
    ]),
    actionTable(actions, t),
  ];
  return { bytes: await renderPdf(title, content), filename: `action-plan-${jointCaseId}.pdf` };
}
