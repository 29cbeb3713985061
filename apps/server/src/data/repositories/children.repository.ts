import type { Insertable } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

type AssessmentRow = Insertable<DB['child_assessment_record']>;

/** An assessment record as it is written: the free text in clear, encrypted on the way in. */
export type NewChildAssessment = Omit<
  AssessmentRow,
  'support_person_enc' | 'professional_gender_chosen_enc' | 'needs_considered_enc'
> & {
  supportPerson?: string | undefined;
  professionalGenderChosen?: string | undefined;
  needsConsidered?: string | undefined;
};

/**
 * The children of a joint case and the record of how each was assessed (docs/domain.md,
 * "Children"). Plain table access through the scoped handle: the policy gives the records to
 * her side and to agencies holding the children grant, never to the programme.
 */
export class ChildrenRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  /** The children named on the case, as far as the actor may see the case. */
  async childIdsOf(jointCaseId: string): Promise<string[]> {
    const rows = await this.db.query
      .selectFrom('joint_case_child')
      .select('child_person_id')
      .where('joint_case_id', '=', jointCaseId)
      .execute();
    return rows.map((row) => row.child_person_id);
  }

  async add(jointCaseId: string, childIds: readonly string[]) {
    await this.db.insert(
      'joint_case_child',
      childIds.map((childId) => ({ joint_case_id: jointCaseId, child_person_id: childId })),
      { action: 'joint_case.child_add' },
    );
  }

  async remove(jointCaseId: string, childId: string): Promise<boolean> {
    const rows = await this.db.delete(
      'joint_case_child',
      (eb) => eb('joint_case_id', '=', jointCaseId).and('child_person_id', '=', childId),
      { action: 'joint_case.child_remove' },
    );
    return rows.length > 0;
  }

  /** What was written about how the child was assessed is encrypted at rest. */
  async insertAssessment(assessment: NewChildAssessment) {
    const { supportPerson, professionalGenderChosen, needsConsidered, ...values } = assessment;
    return this.db.insertOne(
      'child_assessment_record',
      {
        ...values,
        support_person_enc: this.encrypt(supportPerson),
        professional_gender_chosen_enc: this.encrypt(professionalGenderChosen),
        needs_considered_enc: this.encrypt(needsConsidered),
      },
      { action: 'child_assessment.record' },
    );
  }

  async assessments(jointCaseId: string) {
    const rows = await this.db.query
      .selectFrom('child_assessment_record')
      .selectAll()
      .where('joint_case_id', '=', jointCaseId)
      .orderBy('assessed_on')
      .orderBy('created_at')
      .execute();
    return rows.map(
      ({ support_person_enc, professional_gender_chosen_enc, needs_considered_enc, ...row }) => ({
        ...row,
        supportPerson: this.decrypt(support_person_enc),
        professionalGenderChosen: this.decrypt(professional_gender_chosen_enc),
        needsConsidered: this.decrypt(needs_considered_enc),
      }),
    );
  }

  private encrypt(value: string | undefined): string | null {
    return value === undefined ? null : this.cipher.encrypt(value);
  }

  private decrypt(value: string | null): string | null {
    return value === null ? null : this.cipher.decrypt(value);
  }
}
