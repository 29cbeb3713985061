import type { ChildAssessmentCreate, SafetyPlan } from '@tandem/shared';
import type { z } from 'zod';
import { forbidden, notFound } from '../http/errors.js';
import { personPolicy, safetyPlanPolicy } from '../policy/index.js';
import type { FieldCipher } from '../security/field-encryption.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';
import type { VictimFileRepository } from './victim-file.repository.js';

/** Her safety plan and IT safety plan (victim side only), and the record of each child's assessment. */
export class SafetyPlanRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly cipher: FieldCipher,
    private readonly victimFiles: VictimFileRepository,
  ) {}

  async get(personId: string, kind: 'safety' | 'it_safety') {
    const sees = await this.victimFiles.canSeeFile(personId);
    if (!safetyPlanPolicy.canRead(this.ctx.actor, sees)) {
      this.ctx.audit.record({
        action: 'safety_plan.read',
        outcome: 'denied',
        resourceType: 'person',
        resourceId: personId,
      });
      throw notFound();
    }
    const row = await this.ctx.trx
      .selectFrom('safety_plan as s')
      .innerJoin('app_user as u', 'u.id', 's.updated_by')
      .select(['s.content_enc', 's.updated_at', 'u.display_name'])
      .where('s.person_id', '=', personId)
      .where('s.kind', '=', kind)
      .executeTakeFirst();
    this.ctx.audit.record({
      action: 'safety_plan.read',
      outcome: 'success',
      resourceType: 'person',
      resourceId: personId,
      subjectPersonId: personId,
      details: { kind },
    });
    return row
      ? {
          kind,
          plan: JSON.parse(this.cipher.decrypt(row.content_enc)) as SafetyPlan,
          updatedAt: new Date(row.updated_at).toISOString(),
          updatedBy: row.display_name,
        }
      : { kind, plan: {}, updatedAt: '', updatedBy: '' };
  }

  async save(personId: string, kind: 'safety' | 'it_safety', plan: SafetyPlan) {
    const sees = await this.victimFiles.canSeeFile(personId);
    if (!safetyPlanPolicy.canWrite(this.ctx.actor, sees)) {
      this.ctx.audit.record({
        action: 'safety_plan.save',
        outcome: 'denied',
        resourceType: 'person',
        resourceId: personId,
      });
      throw notFound();
    }
    const values = {
      owner_agency_id: this.ctx.actor.agencyId!,
      content_enc: this.cipher.encrypt(JSON.stringify(plan)),
      updated_by: this.ctx.actor.userId,
      updated_at: new Date(),
    };
    await this.ctx.trx
      .insertInto('safety_plan')
      .values({ person_id: personId, kind, ...values })
      .onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet(values))
      .execute();
    this.ctx.audit.record({
      action: 'safety_plan.save',
      outcome: 'success',
      resourceType: 'person',
      resourceId: personId,
      subjectPersonId: personId,
      details: { kind },
    });
    return this.get(personId, kind);
  }

  /** A record that the child-assessment principles were followed (the database refuses one where they were not). */
  async recordChildAssessment(childId: string, input: z.infer<typeof ChildAssessmentCreate>) {
    const child = await this.ctx.trx
      .selectFrom('person')
      .select(['person.id', 'person.kind'])
      .where('person.id', '=', childId)
      .where((eb) => rowFilterToSql(eb, personPolicy.visibleRows(this.ctx.actor), 'person'))
      .executeTakeFirst();
    const inCase = child
      ? await this.ctx.trx
          .selectFrom('joint_case_child')
          .select('child_person_id')
          .where('joint_case_id', '=', input.jointCaseId)
          .where('child_person_id', '=', childId)
          .executeTakeFirst()
      : undefined;
    if (!child || child.kind !== 'child' || !inCase) throw notFound();
    if (this.ctx.actor.side === 'perpetrator')
      throw forbidden('Children are assessed by the victim side or child protection');
    const row = await this.ctx.trx
      .insertInto('child_assessment_record')
      .values({
        child_person_id: childId,
        joint_case_id: input.jointCaseId,
        assessed_on: input.assessedOn,
        parent_consent_from: input.parentConsentFrom,
        child_informed: input.childInformed,
        child_told_may_withdraw: input.childToldMayWithdraw,
        child_told_how_recorded: input.childToldHowRecorded,
        support_person: input.supportPerson ?? null,
        professional_gender_chosen: input.professionalGenderChosen ?? null,
        needs_considered: input.needsConsidered ?? null,
        owner_agency_id: this.ctx.actor.agencyId!,
        owner_side: this.ctx.actor.side,
        recorded_by: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'child_assessment.record',
      outcome: 'success',
      resourceType: 'child_assessment_record',
      resourceId: row.id,
      subjectPersonId: childId,
    });
    return row.id;
  }

  async childAssessments(jointCaseId: string) {
    if (this.ctx.actor.side === 'perpetrator' || !this.ctx.actor.agencyId) return [];
    const rows = await this.ctx.trx
      .selectFrom('child_assessment_record')
      .selectAll()
      .where('joint_case_id', '=', jointCaseId)
      .orderBy('assessed_on')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      jointCaseId: row.joint_case_id,
      childPersonId: row.child_person_id,
      assessedOn: row.assessed_on,
      parentConsentFrom: row.parent_consent_from as 'mother' | 'father' | 'both' | 'court',
      childInformed: true as const,
      childToldMayWithdraw: true as const,
      childToldHowRecorded: true as const,
      ...(row.support_person && { supportPerson: row.support_person }),
      ...(row.professional_gender_chosen && { professionalGenderChosen: row.professional_gender_chosen }),
      ...(row.needs_considered && { needsConsidered: row.needs_considered }),
    }));
  }
}
