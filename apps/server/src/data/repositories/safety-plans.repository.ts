import type { SAFETY_PLAN_KINDS, SafetyPlan } from '@tandem/shared';
import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

export type SafetyPlanKind = (typeof SAFETY_PLAN_KINDS)[number];

/**
 * Her safety plan and IT safety plan (docs/domain.md, "The tools"), encrypted at rest and
 * read only by the victim side that holds her file (policy/victim-file.policy.ts, safetyPlans).
 */
export class SafetyPlansRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  async find(personId: string, kind: SafetyPlanKind) {
    const row = await this.db.query
      .selectFrom('safety_plan as s')
      .leftJoin('app_user as u', 'u.id', 's.updated_by')
      .select(['s.content_enc', 's.updated_at', 'u.display_name'])
      .where('s.person_id', '=', personId)
      .where('s.kind', '=', kind)
      .executeTakeFirst();
    if (!row) return null;
    return {
      plan: JSON.parse(this.cipher.decrypt(row.content_enc)) as SafetyPlan,
      updatedAt: new Date(row.updated_at),
      updatedBy: row.display_name ?? '',
    };
  }

  /**
   * Saves the plan. It belongs to the service that owns her record (`ownerAgencyId`), whoever
   * writes it: a service working on her file by a grant never takes it away from her own.
   */
  async save(
    personId: string,
    kind: SafetyPlanKind,
    ownerAgencyId: string,
    plan: SafetyPlan,
    at: Date,
  ): Promise<void> {
    const values = {
      content_enc: this.cipher.encrypt(JSON.stringify(plan)),
      updated_by: this.db.actor.userId,
      updated_at: at,
    };
    const audit = { action: 'safety_plan.save', details: { kind } };
    const updated = await this.db.update(
      'safety_plan',
      (eb) => eb.and([eb('person_id', '=', personId), eb('kind', '=', kind)]),
      values,
      audit,
    );
    if (updated.length > 0) return;
    await this.db.insert(
      'safety_plan',
      { person_id: personId, kind, owner_agency_id: ownerAgencyId, ...values },
      audit,
    );
  }
}
