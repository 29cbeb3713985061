import type { CommandScope } from '../../data/command-scope.js';
import { instrumentPolicy } from '../../policy/instrument.policy.js';
import { definitionsOf, instrumentCase, RISK_CHECKLIST, readsAboutHim } from './case-of-instrument.js';
import { responseView } from './responses.service.js';

export interface SectionPoint {
  date: string;
  side: string;
  yesCount: number;
  unknownCount: number;
}

/**
 * One section of each checklist of a joint case over time — Section B, the children
 * (`b_children`), on the children's page: how many of its items were "yes" and "unknown". The
 * answers are counted as the reader sees them (responses.service.ts responseView); a checklist
 * withheld from the reader is left out, since counts of nothing would read as "no concerns".
 * The caller has shown the case to the reader; a reader its grants keep from the risk gets none.
 */
export async function sectionOverTime(
  scope: CommandScope,
  jointCaseId: string,
  sectionId: string,
): Promise<SectionPoint[]> {
  const jointCase = await instrumentCase(scope, jointCaseId, 'risk.children');
  // A part of the children's page: a reader its grants keep from the risk sees the page without it.
  if (!readsAboutHim(jointCase.reader, 'risk')) return [];
  const rows = await scope.repos.responses.ofCase(jointCase.id, RISK_CHECKLIST);
  const definitionFor = await definitionsOf(scope, rows);
  const points: SectionPoint[] = [];
  for (const row of rows) {
    const definition = definitionFor(row);
    const view = responseView(scope, jointCase.reader, row, definition);
    const full = instrumentPolicy.readsInFull(scope.actor, jointCase.reader, row);
    if (instrumentPolicy.withholds(row, { full, herRiskShared: jointCase.reader.herRiskShared })) continue;
    const itemIds =
      definition.sections.find((section) => section.id === sectionId)?.items.map((item) => item.id) ?? [];
    points.push({
      date: row.completedOn,
      side: row.ownerSide,
      yesCount: itemIds.filter((id) => view.answers[id]?.value === 'yes').length,
      unknownCount: itemIds.filter((id) => view.answers[id]?.value === 'unknown').length,
    });
  }
  return points;
}
