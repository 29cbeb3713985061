import type { RecidivismComparison, RecidivismCreate } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import type { RecidivismRecord } from '../../data/repositories/recidivism.repository.js';
import { forbidden, invalidInput } from '../../domain/errors.js';
import { instrumentPolicy } from '../../policy/instrument.policy.js';
import { checkIncidentTriggers } from '../consequences/escalation.js';
import { instrumentCase } from './case-of-instrument.js';

type Period = RecidivismComparison['period'];
type Episode = RecidivismComparison['episodes'][number];
type PeriodCounts = RecidivismComparison['periods'][number];

/**
 * Recidivism by source (docs/domain.md, "Recidivism"). Who may record an episode with which
 * source is the write policy's: what she reported is recorded by her service (or a reader her
 * consent reaches), an agency records its own reports; anything else is refused as a 404, audited.
 */
export async function recordRecidivism(
  scope: CommandScope,
  jointCaseId: string,
  input: z.infer<typeof RecidivismCreate>,
): Promise<{ id: string }> {
  const { actor, repos } = scope;
  const jointCase = await instrumentCase(scope, jointCaseId, 'recidivism.record');
  if (!instrumentPolicy.canRecord(actor) || !actor.agencyId) {
    scope.db.refuse('recidivism.record', 'joint_case', jointCase.id);
    throw forbidden();
  }
  if (input.source === 'her' && !instrumentPolicy.recordsWhatSheSaid(actor))
    throw invalidInput('source', 'What she reports is recorded by the victim side');
  if (input.source === 'agency' && !input.sourceAgencyId)
    throw invalidInput('sourceAgencyId', 'Name the agency that reported it');
  if (input.source === 'agency' && !(await repos.directory.agencyKind(input.sourceAgencyId!)))
    throw invalidInput('sourceAgencyId', 'No such agency');
  const id = await repos.recidivism.insert({
    jointCaseId: jointCase.id,
    occurredOn: input.occurredOn,
    forms: input.forms,
    severity: input.severity,
    source: input.source,
    sourceAgencyId: input.source === 'agency' ? input.sourceAgencyId! : null,
    policeInvolved: input.policeInvolved,
    description: input.description ?? null,
    ownerAgencyId: actor.agencyId,
    ownerSide: actor.side,
  });
  await checkIncidentTriggers(scope, jointCase, {
    id,
    occurredOn: input.occurredOn,
    severity: input.severity,
    source: input.source,
  });
  return { id };
}

const periodOf = (date: string, period: Period) =>
  period === 'month'
    ? date.slice(0, 7)
    : `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * What each source reports per period, as this reader may learn it (instrumentPolicy.recidivismSources):
 *
 * - her service: every episode by source, and counts for him, her, the agencies, other sources;
 * - a reader her consent reaches: her reports and the agencies' merged as "another source", one
 *   count for both, no agency named;
 * - anyone else: only the rows the policy lets it read (hers are not among them) and a count of
 *   the agencies' — never a total that includes hers, so nothing can be subtracted to find them.
 *
 * An episode she or an agency reported is flagged as possible minimisation when any of its forms
 * is one he did not report in that period: a form he did report does not cancel the others.
 * Flags are computed over the rows the reader has, so they cannot betray a report it cannot see.
 */
export async function recidivismView(
  scope: CommandScope,
  jointCaseId: string,
  period: Period,
): Promise<RecidivismComparison> {
  const jointCase = await instrumentCase(scope, jointCaseId, 'recidivism.read', 'recidivism');
  const mode = instrumentPolicy.recidivismSources(jointCase.reader);
  const all = await scope.repos.recidivism.ofCase(jointCase.id);
  // The policy already hides her reports from such a reader; a row it recorded itself is not counted either.
  const rows = mode === 'visible_only' ? all.filter((row) => row.source !== 'her') : all;
  const hisForms = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.source !== 'him') continue;
    const forms = hisForms.get(periodOf(row.occurredOn, period)) ?? new Set<string>();
    for (const form of row.forms) forms.add(form);
    hisForms.set(periodOf(row.occurredOn, period), forms);
  }
  const minimised = (row: RecidivismRecord) =>
    row.source !== 'him' &&
    row.forms.some((form) => !hisForms.get(periodOf(row.occurredOn, period))?.has(form));
  const ownedByReader = (row: RecidivismRecord) =>
    row.ownerAgencyId === scope.actor.agencyId && row.ownerSide === scope.actor.side;
  const episodes: Episode[] = rows.map((row) => {
    const merged = mode === 'merged' && row.source !== 'him';
    return {
      id: row.id,
      occurredOn: row.occurredOn,
      forms: row.forms as Episode['forms'],
      severity: row.severity as Episode['severity'],
      source: merged ? 'another_source' : (row.source as Episode['source']),
      policeInvolved: row.policeInvolved,
      // Merged, a description present on some and absent on others would tell them apart.
      description: merged && !ownedByReader(row) ? null : row.description,
      possibleMinimisation: minimised(row),
    };
  });
  const periods = [...new Set(rows.map((row) => periodOf(row.occurredOn, period)))].sort();
  return {
    period,
    episodes,
    periods: periods.map((name): PeriodCounts => {
      const inPeriod = rows.filter((row) => periodOf(row.occurredOn, period) === name);
      const count = (source: string) => inPeriod.filter((row) => row.source === source).length;
      const base = { period: name, him: count('him'), possibleMinimisation: inPeriod.some(minimised) };
      if (mode === 'by_source')
        return {
          ...base,
          her: count('her'),
          agencies: count('agency'),
          otherSources: count('her') + count('agency'),
        };
      if (mode === 'merged') return { ...base, otherSources: count('her') + count('agency') };
      return { ...base, agencies: count('agency') };
    }),
    can: instrumentPolicy.recidivismAbilities(scope.actor, jointCase.reader),
  };
}
