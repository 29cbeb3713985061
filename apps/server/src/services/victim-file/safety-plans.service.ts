import type { SafetyPlan, SafetyPlanView } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import type { SafetyPlanKind } from '../../data/repositories/safety-plans.repository.js';
import { victimFilePolicy } from '../../policy/victim-file.policy.js';
import { findHerFile } from './her-file.js';
import { itSafetyOf } from './it-safety-steps.js';

type PlanView = z.infer<typeof SafetyPlanView>;

/**
 * Her safety plan and IT safety plan (docs/domain.md, "The tools"): read by the victim side
 * that sees her file, written by its victim-side workers, never seen by anyone else.
 */
export async function safetyPlan(
  scope: CommandScope,
  personId: string,
  kind: SafetyPlanKind,
): Promise<PlanView> {
  const file = await findHerFile(scope, personId);
  if (!file || !victimFilePolicy.seesSafetyPlans(scope.actor, file.her, file.held)) {
    throw scope.db.refuse('safety_plan.read', 'person', personId, { kind });
  }
  return planView(scope, personId, kind);
}

export async function saveSafetyPlan(
  scope: CommandScope,
  personId: string,
  kind: SafetyPlanKind,
  plan: SafetyPlan,
): Promise<PlanView> {
  const file = await findHerFile(scope, personId);
  if (!file || !victimFilePolicy.canEditSafetyPlans(scope.actor, file.her, file.held)) {
    throw scope.db.refuse('safety_plan.save', 'person', personId, { kind });
  }
  await scope.repos.safetyPlans.save(personId, kind, file.her.ownerAgencyId, plan, scope.clock.now());
  return planView(scope, personId, kind);
}

async function planView(scope: CommandScope, personId: string, kind: SafetyPlanKind): Promise<PlanView> {
  const saved = await scope.repos.safetyPlans.find(personId, kind);
  const view: PlanView = saved
    ? { kind, plan: saved.plan, updatedAt: saved.updatedAt.toISOString(), updatedBy: saved.updatedBy }
    : { kind, plan: {}, updatedAt: '', updatedBy: '' };
  // The IT safety plan starts from her newest digital-violence identification (it-safety-steps.ts).
  return kind === 'it_safety' ? { ...view, itSafety: await itSafetyOf(scope, personId) } : view;
}
