import type { InformationKind } from '@tandem/shared';
import type { Selectable } from 'kysely';
import type { CommandScope } from '../../data/command-scope.js';
import type { JointCase, PpEpisode } from '../../db/schema.generated.js';
import { type CaseReader, caseReaderOf } from '../../policy/case-reader.js';

export type JointCaseRow = Selectable<JointCase>;

/** One joint case as the actor reads it, with who the actor is to it (computed once). */
export interface ReadCase {
  row: JointCaseRow;
  /** His episode, as the policy lets the actor read it (read once, for the reader and the page). */
  episode: Selectable<PpEpisode> | undefined;
  reader: CaseReader;
  /** Him, where the actor may see his episode. */
  himId: string | null;
  /** Her, where the policy lets the link to her record through (never on the perpetrator side). */
  herId: string | null;
}

/** The columns of a joint case that decide how one actor reads it. */
export type CaseFactsRow = Pick<
  JointCaseRow,
  | 'id'
  | 'pp_agency_id'
  | 'vss_agency_id'
  | 'pp_case_manager_id'
  | 'vss_case_manager_id'
  | 'partner_contact_worker_id'
>;

/**
 * Who the actor is to a case: its facts, and the grants the actor holds about him and her today.
 * With `herGrantsThroughCase`, a reader who may not see the link to her record (the programme)
 * still finds her consent: it reaches them as a grant on her, found by the case it was given for.
 */
export async function caseReaderFor(
  scope: CommandScope,
  row: CaseFactsRow,
  people: { himId: string | null; herId: string | null },
  options: { herGrantsThroughCase?: boolean } = {},
): Promise<CaseReader> {
  const { himId, herId } = people;
  const held = await scope.repos.grants.kindsHeld([himId, herId].filter((id): id is string => id !== null));
  const aboutHim = (himId && held.get(himId)) || new Set<InformationKind>();
  const aboutHer =
    (herId && held.get(herId)) ||
    (options.herGrantsThroughCase
      ? await scope.repos.grants.kindsHeldThroughCase(row.id)
      : new Set<InformationKind>());
  return caseReaderOf(
    scope.actor,
    {
      id: row.id,
      ppAgencyId: row.pp_agency_id,
      vssAgencyId: row.vss_agency_id,
      ppCaseManagerId: row.pp_case_manager_id,
      vssCaseManagerId: row.vss_case_manager_id,
      partnerContactWorkerId: row.partner_contact_worker_id,
    },
    { aboutHim, aboutHer },
  );
}

/** One case as the actor reads it: him where the actor may see his episode, her where the policy lets her through. */
export async function readerOfCase(scope: CommandScope, row: JointCaseRow): Promise<ReadCase> {
  const episode = await scope.repos.programme.find(row.pp_episode_id);
  const himId = episode?.person_id ?? null;
  // The column reads as NULL where the policy hides the link to her record.
  const herId = (row.partner_person_id as string | null) ?? null;
  const reader = await caseReaderFor(scope, row, { himId, herId });
  return { row, episode, reader, himId, herId };
}

/** The joint case if the actor may see it, else the one refusal (404, audited). */
export async function readCase(scope: CommandScope, id: string, action: string): Promise<ReadCase> {
  const row = await scope.repos.jointCases.find(id);
  if (!row) throw scope.db.refuse(action, 'joint_case', id);
  return readerOfCase(scope, row);
}
