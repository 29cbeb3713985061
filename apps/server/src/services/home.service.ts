import { DutyView, type HomeView, type NewReferralItem, type SafetyPlanDueItem } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../data/command-scope.js';
import { ppEpisodePolicy } from '../policy/pp-episode.policy.js';
import { listDuties } from './duties.service.js';
import { dueForMe } from './instruments/due.service.js';
import { summaryOf } from './joint-case/case-view.js';
import { overdueActionsForMe } from './meetings/action-plan.service.js';
import { meetingsThisWeek } from './meetings/meeting-view.js';
import { seriousHarmWorkItems } from './victim-file/serious-harm.service.js';

/** How many of the actor's cases the home page lists at most. */
const HOME_LIST_LIMIT = 50;

/**
 * The caseworker's home page: everything that needs doing now, each list from its own domain's
 * service and so through its own policy (duties, for instance, reach the victim side only).
 */
export async function homeWorklist(scope: CommandScope): Promise<z.input<typeof HomeView>> {
  const { actor, repos } = scope;
  const [
    due,
    duties,
    overdueDuties,
    meetings,
    overdueActions,
    reassessmentsDue,
    myCases,
    newReferrals,
    safetyPlansDue,
    seriousHarm,
  ] = await Promise.all([
    dueForMe(scope),
    listDuties(scope, { state: 'open' }),
    listDuties(scope, { state: 'open', overdueOnly: true }),
    meetingsThisWeek(scope),
    overdueActionsForMe(scope),
    repos.jointCases.list({ limit: HOME_LIST_LIMIT, reassessmentDue: true }),
    repos.jointCases.list({ limit: HOME_LIST_LIMIT, namedUserId: actor.userId }),
    referralsAwaitingContact(scope),
    safetyPlansToEnsure(scope),
    seriousHarmWorkItems(scope),
  ]);
  return {
    due,
    // With her safe times and code word: the partner-contact worker needs them before reaching her.
    duties: duties.map((duty) => DutyView.parse(duty)),
    overdueDuties: overdueDuties.map((duty) => DutyView.parse(duty)),
    reassessmentsDue: reassessmentsDue.items.map(summaryOf),
    myCases: myCases.items.map(summaryOf),
    meetingsThisWeek: meetings,
    overdueActions,
    ...(newReferrals && { newReferrals }),
    ...(safetyPlansDue && { safetyPlansDue }),
    ...(seriousHarm && { seriousHarm }),
  };
}

/** For the partner-contact worker: the partners newly named to her service, not yet contacted. */
async function referralsAwaitingContact(scope: CommandScope): Promise<NewReferralItem[] | null> {
  const { actor } = scope;
  if (!ppEpisodePolicy.contactsNamedPartners(actor) || !actor.agencyId) return null;
  const rows = await scope.repos.jointCases.referralsAwaitingContact(actor.agencyId);
  return rows.map((row) => ({
    referralId: row.id,
    ppEpisodeId: row.episode_id,
    partnerPersonId: row.partner_person_id,
    partnerName: `${row.first_name} ${row.last_name}`,
    relationship: row.relationship as NewReferralItem['relationship'],
    referredAt: new Date(row.created_at).toISOString(),
  }));
}

/**
 * For the partner-contact worker: the partners named to her service with no open support episode
 * and no safety plan (docs/domain.md, "Partner contact"). Where no victim service supports her,
 * the programme's partner contact — always on the victim side here — still sees that she has a
 * safety plan. A woman whose latest answer was "she declined" is not listed: it is her choice.
 */
async function safetyPlansToEnsure(scope: CommandScope): Promise<SafetyPlanDueItem[] | null> {
  const { actor } = scope;
  if (!ppEpisodePolicy.contactsNamedPartners(actor) || !actor.agencyId) return null;
  const rows = await scope.repos.victimFile.namedWithoutSafetyPlan(actor.agencyId);
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    if (row.latest_outcome === 'declined' || seen.has(row.partner_person_id)) return [];
    seen.add(row.partner_person_id);
    return [
      {
        ppEpisodeId: row.episode_id,
        partnerPersonId: row.partner_person_id,
        partnerName: `${row.first_name} ${row.last_name}`,
        relationship: row.relationship as SafetyPlanDueItem['relationship'],
        referredAt: new Date(row.created_at).toISOString(),
      },
    ];
  });
}
