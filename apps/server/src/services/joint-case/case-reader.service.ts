import type { Selectable } from 'kysely';
import type { CommandScope } from '../../data/command-scope.js';
import type { JointCase } from '../../db/schema.generated.js';
import { type CaseReader, caseReaderOf } from '../../policy/case-reader.js';

export type JointCaseRow = Selectable<JointCase>;

/** One joint case as the actor reads it, with who the actor is to it (computed once). */
export interface ReadCase {
  row: JointCaseRow;
  reader: CaseReader;
  /** Him, where the actor may see his episode. */
  himId: string | null;
  /** Her, where the policy lets the link to her record through (never on the perpetrator side). */
  herId: string | null;
}

/** Who the actor is to this case: its facts, and the grants the actor holds about him and her today. */
export async function readerOfCase(scope: CommandScope, row: JointCaseRow): Promise<ReadCase> {
  const episode = await scope.repos.programme.find(row.pp_episode_id);
  const himId = episode?.person_id ?? null;
  // The column reads as NULL where the policy hides the link to her record.
  const herId = (row.partner_person_id as string | null) ?? null;
  const held = await scope.repos.grants.kindsHeld([himId, herId].filter((id): id is string => id !== null));
  const reader = caseReaderOf(
    scope.actor,
    {
      id: row.id,
      ppAgencyId: row.pp_agency_id,
      vssAgencyId: row.vss_agency_id,
      ppCaseManagerId: row.pp_case_manager_id,
      vssCaseManagerId: row.vss_case_manager_id,
      partnerContactWorkerId: row.partner_contact_worker_id,
    },
    {
      aboutHim: (himId && held.get(himId)) || new Set(),
      aboutHer: (herId && held.get(herId)) || new Set(),
    },
  );
  return { row, reader, himId, herId };
}

/** The joint case if the actor may see it, else the one refusal (404, audited). */
export async function readCase(scope: CommandScope, id: string, action: string): Promise<ReadCase> {
  const row = await scope.repos.jointCases.find(id);
  if (!row) throw scope.db.refuse(action, 'joint_case', id);
  return readerOfCase(scope, row);
}
