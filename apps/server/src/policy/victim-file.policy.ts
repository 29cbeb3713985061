import type { InformationKind, VictimFileAbilities } from '@tandem/shared';
import { type Actor, hasAnyRole } from './actor.js';
import { subjectColumn, subjectVia, worksOnCases } from './case-roles.js';
import { caseRelation, jointCasePolicy, ofJointCase } from './joint-case.policy.js';
import { personPolicy } from './person.policy.js';
import {
  agreementInForce,
  allOf,
  anyOf,
  columnEquals,
  consentInForce,
  granted,
  noRows,
  ofActorAgency,
  type RowFilter,
  related,
  when,
} from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/**
 * Her file on the victim side: support episodes, consents, contact preferences, the partner
 * contact log, her disclosures, her safety plans. Never visible to the perpetrator side
 * (docs/domain.md, information-flow rules 1 and 2).
 */
function herFile(
  actor: Actor,
  personColumn: string,
  kind: InformationKind = 'victim_core',
  agencyColumn = 'owner_agency_id',
): RowFilter {
  if (!worksOnCases(actor) || actor.side === 'perpetrator') return noRows;
  return anyOf(
    when(actor.side === 'victim', ofActorAgency(agencyColumn, actor)),
    granted(personColumn, kind, actor),
  );
}

/** What her own service records about her: written by the victim-side workers of that service. */
function herServiceWrites(actor: Actor, agencyColumn = 'owner_agency_id'): RowFilter {
  return when(victimFilePolicy.canWork(actor), ofActorAgency(agencyColumn, actor));
}

/** Her person record, as far as the decisions about her file need it. */
export interface HerRecord {
  kind: string;
  ownerAgencyId: string;
}

/** A support episode of hers, as the decision to close it needs it. */
export interface SupportEpisodeFacts {
  agencyId: string;
  status: string;
}

const fileTable = (
  personColumn: string,
  kind: InformationKind = 'victim_core',
  agencyColumn = 'owner_agency_id',
): TablePolicy => ({
  holds: 'client',
  subject: subjectColumn(personColumn),
  read: (actor: Actor): RowFilter => herFile(actor, personColumn, kind, agencyColumn),
  write: (actor: Actor): RowFilter => herServiceWrites(actor, agencyColumn),
});

export const victimFilePolicy = {
  supportEpisodes: fileTable('person_id', 'victim_core', 'agency_id'),
  consents: fileTable('person_id'),
  contactPreferences: fileTable('person_id'),
  partnerContacts: fileTable('partner_person_id'),
  disclosures: fileTable('person_id', 'victim_disclosures'),

  /** Her safety plan and IT safety plan: the victim side that holds her file, nobody else, ever. */
  safetyPlans: {
    holds: 'client',
    subject: subjectColumn('person_id'),
    read: (actor: Actor): RowFilter => when(actor.side === 'victim', herFile(actor, 'person_id')),
    write: (actor: Actor): RowFilter =>
      when(
        victimFilePolicy.canWork(actor),
        anyOf(ofActorAgency('owner_agency_id', actor), granted('person_id', 'victim_core', actor)),
      ),
  } satisfies TablePolicy,

  /**
   * That contacting her may be unsafe, and the measures taken: the victim side that holds her
   * file only, never an agency by a grant (it says how she can and cannot be reached).
   */
  contactSafetyConcerns: {
    holds: 'client',
    subject: subjectColumn('person_id'),
    read: (actor: Actor): RowFilter => when(actor.side === 'victim', herFile(actor, 'person_id')),
    write: (actor: Actor): RowFilter => herServiceWrites(actor),
  } satisfies TablePolicy,

  /**
   * What was shared of hers: readable by its recipient only while its basis is in force — the
   * consent it rests on, the case-level agreement, and the joint case with her consent to it.
   * A revocation hides it from every recipient at once; the record of the share stays.
   */
  sharedItems: {
    holds: 'client',
    subject: subjectVia('disclosure_id', 'disclosure', 'person_id'),
    read: (actor: Actor): RowFilter =>
      anyOf(
        victimFilePolicy.sharedBy(actor),
        when(
          worksOnCases(actor),
          allOf(
            ofActorAgency('recipient_agency_id', actor),
            columnEquals('recipient_side', actor.side),
            consentInForce('consent_id', actor.today),
            agreementInForce('agreement_id', actor.today),
            ofJointCase(allOf(columnEquals('status', 'open'), consentInForce('consent_id', actor.today))),
          ),
        ),
      ),
    fields: {
      // The link back to what she disclosed stays with her service.
      disclosure_id: (actor: Actor): RowFilter => victimFilePolicy.sharedBy(actor),
    },
    write: (actor: Actor): RowFilter =>
      when(victimFilePolicy.canShare(actor), victimFilePolicy.sharedBy(actor)),
  } satisfies TablePolicy,

  /** Shares made by her own service (it sees and records them). */
  sharedBy(actor: Actor): RowFilter {
    return when(
      worksOnCases(actor) && actor.side === 'victim',
      related('disclosure_id', 'disclosure', ofActorAgency('owner_agency_id', actor)),
    );
  },

  /** Support, consent, contact preferences and partner contact are the victim side's work. */
  canWork(actor: Actor): boolean {
    return (
      worksOnCases(actor) &&
      actor.side === 'victim' &&
      hasAnyRole(actor, ['vss_case_manager', 'partner_contact_worker'])
    );
  },

  /** Only her case manager decides that something she disclosed may be shared (with her consent). */
  canShare(actor: Actor): boolean {
    return worksOnCases(actor) && actor.side === 'victim' && hasAnyRole(actor, ['vss_case_manager']);
  },

  /**
   * Whether the actor sees her file at all: her own service's victim side, or whoever holds a
   * victim_core grant about her today (`held`: the kinds the actor holds about her). The same
   * rule as the read filter of her file's tables, for one person.
   */
  seesFile(actor: Actor, her: HerRecord, held: ReadonlySet<InformationKind>): boolean {
    if (her.kind !== 'partner' || !worksOnCases(actor) || actor.side === 'perpetrator') return false;
    return (actor.side === 'victim' && actor.agencyId === her.ownerAgencyId) || held.has('victim_core');
  },

  /** Records on her file are written by her own service's victim-side workers (the tables' write filter). */
  canWorkOn(actor: Actor, her: HerRecord): boolean {
    return victimFilePolicy.canWork(actor) && her.kind === 'partner' && actor.agencyId === her.ownerAgencyId;
  },

  /** Sharing what she disclosed: her case manager at her own service. */
  canShareFrom(actor: Actor, her: HerRecord): boolean {
    return victimFilePolicy.canShare(actor) && victimFilePolicy.canWorkOn(actor, her);
  },

  /** Her support episode is closed by the victim-side workers of the service that gives it. */
  canCloseSupport(actor: Actor, episode: Pick<SupportEpisodeFacts, 'agencyId'>): boolean {
    return victimFilePolicy.canWork(actor) && episode.agencyId === actor.agencyId;
  },

  /** Her safety plans: the victim side that sees her file, nobody else, ever. */
  seesSafetyPlans(actor: Actor, her: HerRecord, held: ReadonlySet<InformationKind>): boolean {
    return actor.side === 'victim' && victimFilePolicy.seesFile(actor, her, held);
  },

  canEditSafetyPlans(actor: Actor, her: HerRecord, held: ReadonlySet<InformationKind>): boolean {
    return victimFilePolicy.canWork(actor) && victimFilePolicy.seesFile(actor, her, held);
  },

  /** What the actor may do on her file, for the web app (each command decides again). */
  abilities(
    actor: Actor,
    her: HerRecord,
    held: ReadonlySet<InformationKind>,
    episodes: readonly SupportEpisodeFacts[],
  ): VictimFileAbilities {
    const sees = victimFilePolicy.seesFile(actor, her, held);
    const works = victimFilePolicy.canWorkOn(actor, her);
    return {
      openSupport: sees && victimFilePolicy.canWork(actor),
      recordConsent: works,
      revokeConsent: works,
      setContactPreferences: works,
      logContact: works,
      recordDisclosure: works,
      share: victimFilePolicy.canShareFrom(actor, her),
      editSafetyPlans: victimFilePolicy.canEditSafetyPlans(actor, her, held),
      openJointCase: sees && jointCasePolicy.canCreate(actor),
      closeSupport: episodes.some(
        (episode) => episode.status === 'open' && victimFilePolicy.canCloseSupport(actor, episode),
      ),
      // Her record is always a victim-side service's: the database refuses it to the perpetrator
      // side, and only victim-side services create it (his release names her to one; support).
      editContactDetails: personPolicy.canEditContact(actor, { ...her, ownerSide: 'victim' }),
    };
  },

  /** Joint cases in which the actor is her service (for pages that show her side). */
  herServiceCase: (actor: Actor) => ofJointCase(caseRelation.herService(actor)),
};
