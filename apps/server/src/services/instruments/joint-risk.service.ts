import { type JointRiskView, levelRank, type VisibleAnswer } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { checklistPairs } from '../../domain/risk-divergence.js';
import { instrumentPolicy } from '../../policy/instrument.policy.js';
import {
  definitionsOf,
  type InstrumentCase,
  instrumentCase,
  RISK_CHECKLIST,
  riskChecklistOf,
} from './case-of-instrument.js';
import { responseView } from './responses.service.js';

type Answer = z.infer<typeof VisibleAnswer>;

/**
 * The joint risk assessment (docs/domain.md, "Joint risk assessment"): both sides' latest
 * checklists item by item as this reader may see them, the divergences, the agreed level with
 * any lowering that awaits the other side, and the levels over time.
 */
export async function jointRiskView(scope: CommandScope, jointCaseId: string): Promise<JointRiskView> {
  const jointCase = await instrumentCase(scope, jointCaseId, 'risk.joint_view', 'risk');
  return riskViewOf(scope, jointCase);
}

export async function riskViewOf(scope: CommandScope, jointCase: InstrumentCase): Promise<JointRiskView> {
  const { repos } = scope;
  const { reader } = jointCase;
  const [rows, agreedRows, proposal, definition, consulting] = await Promise.all([
    repos.responses.ofCase(jointCase.id, RISK_CHECKLIST),
    repos.agreedLevels.ofCase(jointCase.id),
    repos.agreedLevels.pendingProposal(jointCase.id),
    riskChecklistOf(scope, jointCase),
    repos.consultations.ofCase(jointCase.id),
  ]);
  const definitionFor = await definitionsOf(scope, rows);
  const latest = (side: string) => rows.filter((row) => row.ownerSide === side).at(-1);
  const pp = latest('perpetrator');
  const vss = latest('victim');
  const ppView = pp ? responseView(scope, reader, pp, definitionFor(pp)) : null;
  const vssView = vss ? responseView(scope, reader, vss, definitionFor(vss)) : null;
  const known = (answer: Answer | null): answer is Answer =>
    Boolean(answer && !answer.withheld && answer.value !== null && answer.value !== 'unknown');
  const items = definition.sections
    .flatMap((section) => section.items)
    .map((item) => {
      const left = ppView?.answers[item.id] ?? null;
      const right = vssView?.answers[item.id] ?? null;
      return {
        itemId: item.id,
        perpetratorSide: left,
        victimSide: right,
        diverges: known(left) && known(right) && left.value !== right.value,
      };
    });
  const agreed = agreedRows.at(-1);
  const rank = (level: string | null | undefined) => (level ? levelRank(definition, level) : -1);
  const dates = [
    ...new Set([...rows.map((row) => row.completedOn), ...agreedRows.map((row) => row.agreed_on)]),
  ].sort();
  const levelOn = (side: string, date: string) => {
    const row = rows
      .filter((candidate) => candidate.ownerSide === side && candidate.completedOn <= date)
      .at(-1);
    return row ? (row.judgedLevel ?? row.computedLevel) : null;
  };
  scope.audit.record({
    action: 'risk.joint_view',
    outcome: 'success',
    resourceType: 'joint_case',
    resourceId: jointCase.id,
    details: { herItemsShared: reader.herRiskShared },
  });
  const pending = proposal
    ? { proposedSide: proposal.proposed_side, proposedBy: proposal.proposed_by }
    : null;
  // From the same rows and levels as `history`: a pair shows no level the reader could not read there.
  const divergence = checklistPairs(
    rows.map((row) => {
      const level = row.judgedLevel ?? row.computedLevel;
      return {
        id: row.id,
        side: row.ownerSide,
        completedOn: row.completedOn,
        level,
        rank: level ? levelRank(definitionFor(row), level) : -1,
        instrumentId: row.instrumentId,
      };
    }),
  ).map((pair) => ({
    date: pair.date,
    perpetratorSide: pair.perpetratorSide.level,
    victimSide: pair.victimSide.level,
    difference: pair.difference,
  }));
  const agreedById = new Map(agreedRows.map((row) => [row.id, row]));
  return {
    instrumentId: definition.id,
    version: definition.version,
    perpetratorSide: ppView,
    victimSide: vssView,
    items,
    levelsDiverge: Boolean(ppView?.level && vssView?.level && ppView.level !== vssView.level),
    perpetratorSideLower: Boolean(
      ppView?.level && vssView?.level && rank(ppView.level) < rank(vssView.level),
    ),
    agreed: agreed
      ? {
          id: agreed.id,
          level: agreed.level,
          rationale: agreed.rationale,
          agreedOn: agreed.agreed_on,
          nextReassessmentOn: agreed.next_reassessment_on,
        }
      : null,
    pendingLowering: proposal
      ? {
          id: proposal.id,
          level: proposal.level,
          fromLevel: proposal.from_level,
          rationale: proposal.rationale,
          proposedOn: proposal.proposed_on,
          proposedSide: proposal.proposed_side as 'perpetrator' | 'victim',
        }
      : null,
    reassessmentDueSince: jointCase.reassessmentDueSince
      ? jointCase.reassessmentDueSince.toISOString()
      : null,
    nextReassessmentOn: jointCase.nextReassessmentOn,
    history: dates.map((date) => ({
      date,
      perpetratorSide: levelOn('perpetrator', date),
      victimSide: levelOn('victim', date),
      agreed: agreedRows.filter((row) => row.agreed_on <= date).at(-1)?.level ?? null,
    })),
    divergence,
    consultation: {
      proposed: instrumentPolicy.proposesConsultation(divergence.at(-1)?.difference),
      agencies: consulting.agencies,
      records: consulting.consultations.map((row) => {
        const agreedAfter = row.agreed_level_id ? agreedById.get(row.agreed_level_id) : undefined;
        return {
          id: row.id,
          agency: { id: row.consulted_agency_id, name: row.agency_name, kind: row.agency_kind },
          consultedOn: String(row.consulted_on),
          reply: row.reply,
          difference: row.difference,
          agreedLevel: agreedAfter
            ? { id: agreedAfter.id, level: agreedAfter.level, agreedOn: agreedAfter.agreed_on }
            : null,
        };
      }),
    },
    can: instrumentPolicy.riskAbilities(scope.actor, reader, jointCase, pending),
  };
}
