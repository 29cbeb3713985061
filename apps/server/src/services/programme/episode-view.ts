import type { InformationKind, PpEpisodeView, PpStatus } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { ppEpisodePolicy } from '../../policy/pp-episode.policy.js';

/**
 * His episode as the actor may see it, composed from the policy-bound repositories; null when
 * the actor may not see it (the caller answers 404 and records the refusal).
 */
export async function findEpisodeView(
  scope: CommandScope,
  id: string,
  /** The episode row where the caller has read it already (the case page), to not read it twice. */
  alreadyRead?: Awaited<ReturnType<CommandScope['repos']['programme']['find']>>,
): Promise<PpEpisodeView | null> {
  const { programme, people } = scope.repos;
  const row = alreadyRead?.id === id ? alreadyRead : await programme.find(id);
  if (!row) return null;
  const [person, history, attendance, release, partners] = await Promise.all([
    people.find(row.person_id),
    programme.statusHistory(id),
    programme.attendance(id),
    programme.release(id),
    programme.partnerReferrals(id),
  ]);
  // Her name, for the victim side that may open her record (the policy hides the link from anyone else).
  const herRecords = await people.findMany(
    partners.flatMap((partner) => (partner.partner_person_id ? [partner.partner_person_id] : [])),
  );
  if (!person) return null;
  return {
    id: row.id,
    person,
    agencyId: row.agency_id,
    pathway: row.pathway as PpEpisodeView['pathway'],
    referringAgencyId: row.referring_agency_id,
    order: (row.court_order as PpEpisodeView['order']) ?? null,
    referralDate: row.referral_date,
    intakeDate: row.intake_date,
    assessment: row.assessment,
    programmeType: row.programme_type as PpEpisodeView['programmeType'],
    plannedSessions: row.planned_sessions,
    plannedEndDate: row.planned_end_date,
    schedule: row.schedule,
    status: row.status as PpStatus,
    caseManagerId: row.case_manager_id,
    statusHistory: history.map((change) => ({
      from: change.from_status as PpStatus | null,
      to: change.to_status as PpStatus,
      date: change.changed_on,
      reason: change.reason,
      changedBy: change.display_name,
    })),
    attendance: attendance.map((session) => ({
      id: session.id,
      sessionDate: session.session_date,
      status: session.status as PpEpisodeView['attendance'][number]['status'],
      note: session.note,
    })),
    release: release
      ? {
          signedOn: release.signed_on,
          scope: release.scope as InformationKind[],
          noPartnersReason: release.no_partners_reason,
        }
      : null,
    partners: partners.map((partner) => {
      const her = herRecords.find((record) => record.id === partner.partner_person_id);
      return {
        id: partner.id,
        relationship: partner.relationship as 'current' | 'former',
        ordinal: partner.ordinal,
        partnerContactAgencyId: partner.partner_contact_agency_id,
        partnerPersonId: partner.partner_person_id,
        herName: her ? `${her.firstName} ${her.lastName}` : null,
      };
    }),
    can: ppEpisodePolicy.abilities(scope.actor, { agencyId: row.agency_id, status: row.status as PpStatus }),
  };
}

export async function episodeView(
  scope: CommandScope,
  id: string,
  action = 'pp_episode.read',
): Promise<PpEpisodeView> {
  const view = await findEpisodeView(scope, id);
  if (!view) throw scope.db.refuse(action, 'pp_episode', id);
  return view;
}

/** The episode if the actor may manage it (the programme's case manager), else the one refusal. */
export async function manageableEpisode(scope: CommandScope, id: string, action: string) {
  const row = await scope.repos.programme.find(id);
  if (!row || !ppEpisodePolicy.canManage(scope.actor, { agencyId: row.agency_id })) {
    throw scope.db.refuse(action, 'pp_episode', id);
  }
  return row;
}
