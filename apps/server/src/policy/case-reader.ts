import type { InformationKind } from '@tandem/shared';
import type { Actor } from './actor.js';
import { worksOnCases } from './case-roles.js';

/** The facts of a joint case that decide how one actor reads it. */
export interface JointCaseFacts {
  id: string;
  ppAgencyId: string;
  vssAgencyId: string;
  ppCaseManagerId: string;
  vssCaseManagerId: string;
  partnerContactWorkerId: string | null;
}

/**
 * Who the actor is to one joint case, computed once per case and passed on as a value: the
 * sections of the case page, the projection of her answers and the actions offered all follow
 * from it. It agrees with the row filters of policy/joint-case.policy.ts (`caseRelation`),
 * which decide the same questions inside SQL.
 */
export interface CaseReader {
  readonly jointCaseId: string;
  /** The programme that runs his episode (its perpetrator side). */
  readonly hisProgramme: boolean;
  /** Her support service: the case's VSS, or a victim-side service holding her file. */
  readonly herService: boolean;
  /** Kinds of information the actor holds about him, and about her, today. */
  readonly aboutHim: ReadonlySet<InformationKind>;
  readonly aboutHer: ReadonlySet<InformationKind>;
  /** Her consent to share risk information (unattributed) reaches this reader. */
  readonly herRiskShared: boolean;
  /** Named on the case as one of its two case managers. */
  readonly caseManager: boolean;
  /** Named on the case: a case manager or its partner-contact worker. */
  readonly namedOn: boolean;
}

export function caseReaderOf(
  actor: Actor,
  jointCase: JointCaseFacts,
  held: { aboutHim: ReadonlySet<InformationKind>; aboutHer: ReadonlySet<InformationKind> },
): CaseReader {
  const working = worksOnCases(actor);
  const herService =
    working &&
    actor.side === 'victim' &&
    (actor.agencyId === jointCase.vssAgencyId || held.aboutHer.has('victim_core'));
  const caseManager = [jointCase.ppCaseManagerId, jointCase.vssCaseManagerId].includes(actor.userId);
  return {
    jointCaseId: jointCase.id,
    hisProgramme: working && actor.side === 'perpetrator' && actor.agencyId === jointCase.ppAgencyId,
    herService,
    aboutHim: held.aboutHim,
    aboutHer: held.aboutHer,
    herRiskShared: herService || held.aboutHer.has('shared_risk'),
    caseManager,
    namedOn: caseManager || jointCase.partnerContactWorkerId === actor.userId,
  };
}
