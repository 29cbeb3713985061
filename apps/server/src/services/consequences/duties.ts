import type { DutyTrigger } from '@tandem/shared';
import { addWorkingDays } from '../../domain/clock.js';
import type { SystemContext } from './system-context.js';

/**
 * Duties to inform her (docs/domain.md, "Duties to inform her"), raised whenever a triggering
 * fact is recorded — whoever records it — and owned by her partner-contact service: one per
 * partner he named, assigned to the partner-contact worker of her joint case where there is one.
 * The programme that recorded the fact is never told whether or how she was reached.
 */
export async function raiseDuties(
  system: SystemContext,
  input: { episodeId: string; trigger: DutyTrigger; reason: string | null; dueWorkingDays: number },
): Promise<number> {
  const partners = await system.db
    .selectFrom('partner_referral as r')
    .leftJoin('joint_case as jc', (join) =>
      join
        .onRef('jc.pp_episode_id', '=', 'r.episode_id')
        .onRef('jc.partner_person_id', '=', 'r.partner_person_id'),
    )
    .select(['r.partner_person_id', 'r.partner_contact_agency_id', 'jc.partner_contact_worker_id'])
    .where('r.episode_id', '=', input.episodeId)
    .execute();
  const dueAt = addWorkingDays(system.clock.now(), input.dueWorkingDays);
  for (const partner of partners) {
    const row = await system.db
      .insertInto('duty_to_inform')
      .values({
        episode_id: input.episodeId,
        partner_person_id: partner.partner_person_id,
        owner_agency_id: partner.partner_contact_agency_id,
        assigned_user_id: partner.partner_contact_worker_id,
        trigger: input.trigger,
        reason: input.reason,
        due_at: dueAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    system.audit.record({
      action: 'duty.raise',
      outcome: 'success',
      resourceType: 'duty_to_inform',
      resourceId: row.id,
      subjectPersonId: partner.partner_person_id,
      details: { trigger: input.trigger, episodeId: input.episodeId },
    });
  }
  return partners.length;
}
