import type { CommandScope } from '../../data/command-scope.js';
import { jointRiskView } from '../instruments/joint-risk.service.js';
import { recidivismView } from '../instruments/recidivism.service.js';
import { heading, keyValues, type Labels, table } from './pdf-blocks.js';

/**
 * The risk levels and recidivism by source for the minutes, from the same views as the joint
 * risk and recidivism pages — so each reader gets exactly the projection the policy gives them
 * there (source-protected for the programme, her counts only for her service).
 */
export async function riskSections(scope: CommandScope, jointCaseId: string, t: Labels) {
  const [risk, recidivism] = await Promise.all([
    jointRiskView(scope, jointCaseId),
    recidivismView(scope, jointCaseId, 'month'),
  ]);
  const level = (value: string | null | undefined) => (value ? t(value) : t('none'));
  // Only the counts this reader's view carries are printed (docs/domain.md, "Information-flow rules", 6).
  const counts = (['her', 'agencies', 'otherSources'] as const).filter((key) =>
    recidivism.periods.some((period) => period[key] !== undefined),
  );
  return [
    heading(t('riskLevels')),
    keyValues([
      [t('programmeSide'), level(risk.perpetratorSide?.level)],
      [t('victimSide'), level(risk.victimSide?.level)],
      [
        t('agreed'),
        risk.agreed ? `${t(risk.agreed.level)} — ${t('rationale')}: ${risk.agreed.rationale}` : t('none'),
      ],
    ]),
    heading(t('recidivism')),
    table(
      [t('period'), t('him'), ...counts.map((key) => t(key)), t('possibleMinimisation')],
      recidivism.periods.map((period) => [
        period.period,
        String(period.him),
        ...counts.map((key) => String(period[key] ?? 0)),
        period.possibleMinimisation ? t('yes') : t('none'),
      ]),
    ),
  ];
}
