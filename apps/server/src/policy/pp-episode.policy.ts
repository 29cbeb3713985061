import { PP_TRANSITIONS, type PpStatus } from '@tandem/shared';
import { type Actor, hasRole } from './actor.js';
import { subjectColumn, subjectVia, worksOnCases } from './case-roles.js';
import { anyOf, granted, noRows, ofActorAgency, type RowFilter, related, when } from './row-filter.js';
import type { TablePolicy } from './table-policy.js';

/**
 * His programme episode (status, attendance, release, the partners he named): the programme's
 * perpetrator side owns it; the victim side and other agencies see it through grants from his
 * release and the joint case.
 */
const readEpisode = (actor: Actor): RowFilter => {
  if (!worksOnCases(actor)) return noRows;
  return anyOf(
    when(actor.side === 'perpetrator', ofActorAgency('agency_id', actor)),
    granted('person_id', 'programme', actor),
  );
};

const herServiceOfReferral = (actor: Actor): RowFilter =>
  when(
    worksOnCases(actor) && actor.side === 'victim',
    anyOf(
      ofActorAgency('partner_contact_agency_id', actor),
      granted('partner_person_id', 'victim_core', actor),
    ),
  );

const manageEpisode = (actor: Actor): RowFilter =>
  when(ppEpisodePolicy.canRefer(actor), ofActorAgency('agency_id', actor));

/** A row that belongs to an episode: read and written as the episode is. */
const partOfEpisode = (): TablePolicy => ({
  holds: 'client',
  subject: subjectVia('episode_id', 'pp_episode', 'person_id'),
  read: (actor: Actor): RowFilter => related('episode_id', 'pp_episode', readEpisode(actor)),
  write: (actor: Actor): RowFilter => related('episode_id', 'pp_episode', manageEpisode(actor)),
});

export const ppEpisodePolicy = {
  table: {
    holds: 'client',
    subject: subjectColumn('person_id'),
    read: readEpisode,
    write: manageEpisode,
  } satisfies TablePolicy,

  statusChanges: partOfEpisode(),
  attendance: partOfEpisode(),
  release: partOfEpisode(),

  /**
   * A partner he named. The programme keeps a label and never the link to her record; the
   * victim-side service that contacts her sees the referral, and her record through it.
   */
  partnerReferrals: {
    holds: 'client',
    subject: subjectColumn('partner_person_id'),
    read: (actor: Actor): RowFilter =>
      anyOf(related('episode_id', 'pp_episode', readEpisode(actor)), herServiceOfReferral(actor)),
    fields: {
      // The link to her record: for the service that contacts her or holds her file, and for an
      // agency her consent lets open her record (a contact grant) — never the perpetrator side.
      partner_person_id: (actor: Actor): RowFilter =>
        anyOf(
          herServiceOfReferral(actor),
          when(
            worksOnCases(actor) && actor.side !== 'perpetrator',
            granted('partner_person_id', 'victim_contact', actor),
          ),
        ),
    },
    write: (actor: Actor): RowFilter => related('episode_id', 'pp_episode', manageEpisode(actor)),
  } satisfies TablePolicy,

  canRefer(actor: Actor): boolean {
    return worksOnCases(actor) && actor.side === 'perpetrator' && hasRole(actor, 'pp_case_manager');
  },

  /**
   * The list of programme episodes: the perpetrator side's caseworkers read their agency's, an
   * agency of neither side the ones his release and the case agreements share with it. The
   * victim side reaches his programme through the partners he named, not a list of men.
   */
  listsEpisodes(actor: Actor): boolean {
    return worksOnCases(actor) && actor.side !== 'victim';
  },

  /**
   * The partner-contact worker of the service he named her to offers her contact first
   * (docs/domain.md, "Partner contact"): her home page lists the partners not yet contacted.
   */
  contactsNamedPartners(actor: Actor): boolean {
    return worksOnCases(actor) && actor.side === 'victim' && hasRole(actor, 'partner_contact_worker');
  },

  canManage(actor: Actor, episode: { agencyId: string }): boolean {
    return ppEpisodePolicy.canRefer(actor) && actor.agencyId === episode.agencyId;
  },

  /** What the actor may do with one episode (sent with the episode; the server decides again). */
  abilities(actor: Actor, episode: { agencyId: string; status: PpStatus }) {
    const manages = ppEpisodePolicy.canManage(actor, episode);
    return {
      edit: manages,
      changeStatus: manages && PP_TRANSITIONS[episode.status].length > 0,
      recordAttendance: manages && ['intake', 'active'].includes(episode.status),
      recordRelease: manages,
      recordCriticalEvent: worksOnCases(actor),
    };
  },
};
