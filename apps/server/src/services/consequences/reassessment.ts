import { sql } from 'kysely';
import type { SystemContext } from './system-context.js';

/**
 * A critical event (a new incident, a breach, a dropout...) makes every open joint case of his
 * episode due for reassessment now, whoever recorded it (docs/domain.md, "Critical events").
 */
export async function markReassessmentDue(system: SystemContext, episodeId: string): Promise<void> {
  const marked = await system.db
    .updateTable('joint_case')
    .set({ reassessment_due_since: sql`coalesce(reassessment_due_since, ${system.clock.now()})` })
    .where('pp_episode_id', '=', episodeId)
    .where('status', '=', 'open')
    .returning('id')
    .execute();
  for (const row of marked) {
    system.audit.record({
      action: 'risk.reassessment_due',
      outcome: 'success',
      resourceType: 'joint_case',
      resourceId: row.id,
    });
  }
}
