import type { InformationKind, InstrumentDefinition } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { invalidInput } from '../../domain/errors.js';
import {
  definitionKey,
  getDefinition,
  getDefinitions,
  latestDefinitionOf,
  networkRiskInstrumentOf,
} from '../../instruments/registry.js';
import type { CaseReader } from '../../policy/case-reader.js';
import { caseReaderFor } from '../joint-case/case-reader.service.js';

export const RISK_CHECKLIST = 'risk_checklist';
/** The risk checklist of a network that has chosen none (network.risk_instrument_id). */
export const DEFAULT_RISK_INSTRUMENT = 'asap-risk-checklist';
export const QUESTIONNAIRE = 'questionnaire';

/** A joint case as the instruments read it, with who the actor is to it (passed on as a value). */
export interface InstrumentCase {
  id: string;
  caseNumber: string;
  status: string;
  ppEpisodeId: string;
  ppAgencyId: string;
  vssAgencyId: string;
  ppCaseManagerId: string;
  vssCaseManagerId: string;
  /** Null where the actor may not read his episode. */
  himId: string | null;
  /** Null for the perpetrator side, which never learns who she is. */
  herId: string | null;
  reassessmentDueSince: Date | null;
  nextReassessmentOn: string | null;
  /** His episode's dates, where the actor may read them (the IMPACT schedule follows them). */
  episode: {
    status: string;
    referralDate: string;
    intakeDate: string | null;
    plannedEndDate: string | null;
  } | null;
  reader: CaseReader;
}

type CaseRow = NonNullable<Awaited<ReturnType<CommandScope['repos']['agreedLevels']['jointCase']>>>;

/**
 * The joint case if the actor may see it, else the one refusal (404, audited). With `needs`, a
 * reader that is neither his programme nor her service must also hold that kind of information
 * about him (his release and the case-level agreement decide), as for the risk page (`risk`).
 */
export async function instrumentCase(
  scope: CommandScope,
  jointCaseId: string,
  action: string,
  needs?: InformationKind,
): Promise<InstrumentCase> {
  const row = await scope.repos.agreedLevels.jointCase(jointCaseId);
  if (!row) throw scope.db.refuse(action, 'joint_case', jointCaseId);
  const found = await withReader(scope, row);
  const { reader } = found;
  if (needs && !readsAboutHim(reader, needs)) {
    throw scope.db.refuse(action, 'joint_case', jointCaseId);
  }
  return found;
}

/** His programme and her service read the case's instruments; anyone else as far as its grants about him go. */
export const readsAboutHim = (reader: CaseReader, kind: InformationKind): boolean =>
  reader.hisProgramme || reader.herService || reader.aboutHim.has(kind);

/** Who the actor is to the case: from its facts and the actor's grants about him and her. */
async function withReader(scope: CommandScope, row: CaseRow): Promise<InstrumentCase> {
  const himId = row.him_id ?? null;
  const herId = row.partner_person_id ?? null;
  // Her consent reaches the programme as a grant on her; it finds it by the case it was given for.
  const reader = await caseReaderFor(scope, row, { himId, herId }, { herGrantsThroughCase: true });
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status,
    ppEpisodeId: row.pp_episode_id,
    ppAgencyId: row.pp_agency_id,
    vssAgencyId: row.vss_agency_id,
    ppCaseManagerId: row.pp_case_manager_id,
    vssCaseManagerId: row.vss_case_manager_id,
    himId,
    herId,
    reassessmentDueSince: row.reassessment_due_since ? new Date(row.reassessment_due_since) : null,
    nextReassessmentOn: row.next_reassessment_on,
    episode:
      row.pp_status && row.referral_date
        ? {
            status: row.pp_status,
            referralDate: row.referral_date,
            intakeDate: row.intake_date ?? null,
            plannedEndDate: row.planned_end_date ?? null,
          }
        : null,
    reader,
  };
}

/** One definition, or a 400 naming the field (definitions are organisation data: read through the scoped handle). */
export async function definitionOf(
  scope: CommandScope,
  instrumentId: string,
  version: number,
  path = 'instrumentId',
): Promise<InstrumentDefinition> {
  const definition = await getDefinition(scope.db.query, instrumentId, version);
  if (!definition) throw invalidInput(path, `No instrument ${instrumentId} version ${version}`);
  return definition;
}

/** The definitions the responses were given under, in one query. */
export async function definitionsOf(
  scope: CommandScope,
  responses: ReadonlyArray<{ instrumentId: string; version: number }>,
) {
  const distinct = [...new Map(responses.map((r) => [definitionKey(r.instrumentId, r.version), r])).values()];
  const definitions = await getDefinitions(scope.db.query, distinct);
  return (response: { instrumentId: string; version: number }): InstrumentDefinition => {
    const definition = definitions.get(definitionKey(response.instrumentId, response.version));
    // Responses reference their version by a foreign key: a missing one is a broken database.
    if (!definition)
      throw new Error(`Instrument ${response.instrumentId} v${response.version} is not loaded`);
    return definition;
  };
}

/**
 * The risk checklist a case is assessed with: the one of its newest checklist, so a case keeps
 * its instrument when the network changes its choice; else the newest version of the one the
 * network of his programme chose (network.risk_instrument_id, set by networks.service), else
 * the ASAP checklist. Never "whichever file was loaded first": adding an instrument changes no case.
 */
export async function riskChecklistOf(
  scope: CommandScope,
  jointCase: string | Pick<InstrumentCase, 'id' | 'ppAgencyId'>,
): Promise<InstrumentDefinition> {
  const jointCaseId = typeof jointCase === 'string' ? jointCase : jointCase.id;
  const newest = await scope.repos.responses.newestVersionOf(jointCaseId, RISK_CHECKLIST);
  if (newest) return definitionOf(scope, newest.instrument_id, newest.version);
  const ppAgencyId =
    typeof jointCase === 'string'
      ? (await scope.repos.agreedLevels.jointCase(jointCaseId))?.pp_agency_id
      : jointCase.ppAgencyId;
  const chosen = ppAgencyId ? await networkRiskInstrumentOf(scope.db.query, ppAgencyId) : null;
  if (chosen?.kind === RISK_CHECKLIST) return chosen;
  const standard = await riskChecklistNamed(scope, DEFAULT_RISK_INSTRUMENT);
  if (!standard) throw invalidInput('level', 'No risk checklist is loaded');
  return standard;
}

/** The newest version of this instrument if it is a loaded risk checklist, else null. */
export async function riskChecklistNamed(
  scope: CommandScope,
  instrumentId: string,
): Promise<InstrumentDefinition | null> {
  const definition = await latestDefinitionOf(scope.db.query, instrumentId);
  return definition?.kind === RISK_CHECKLIST ? definition : null;
}
