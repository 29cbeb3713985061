import type { Answers } from '@tandem/shared';
import type { Insertable, Selectable } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

type AssessmentRow = Insertable<DB['child_assessment_record']>;

/** An assessment record as it is written: the free text in clear, encrypted on the way in. */
export type NewChildAssessment = Omit<
  AssessmentRow,
  | 'support_person_enc'
  | 'professional_gender_chosen_enc'
  | 'needs_considered_enc'
  | 'answers_enc'
  | 'judgement_reason_enc'
> & {
  supportPerson?: string | undefined;
  professionalGenderChosen?: string | undefined;
  needsConsidered?: string | undefined;
  answers?: Answers | undefined;
  judgementReason?: string | undefined;
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
    const { supportPerson, professionalGenderChosen, needsConsidered, answers, judgementReason, ...values } =
      assessment;
    return this.db.insertOne(
      'child_assessment_record',
      {
        ...values,
        support_person_enc: this.encrypt(supportPerson),
        professional_gender_chosen_enc: this.encrypt(professionalGenderChosen),
        needs_considered_enc: this.encrypt(needsConsidered),
        answers_enc: this.encrypt(answers === undefined ? undefined : JSON.stringify(answers)),
        judgement_reason_enc: this.encrypt(judgementReason),
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
    return rows.map((row) => this.readable(row));
  }

  /**
   * Each child's newest scored assessment, over every record the actor may read: the read
   * policy (the children grant of the actor's agency, or its own records) decides which.
   */
  async newestScoredPerChild() {
    const rows = await this.db.query
      .selectFrom('child_assessment_record')
      .selectAll()
      .where('level', 'is not', null)
      .orderBy('child_person_id')
      .orderBy('assessed_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
    const newest = rows.filter(
      (row, index) => index === 0 || rows[index - 1]!.child_person_id !== row.child_person_id,
    );
    return newest.map((row) => this.readable(row));
  }

  private readable({
    support_person_enc,
    professional_gender_chosen_enc,
    needs_considered_enc,
    answers_enc,
    judgement_reason_enc,
    ...row
  }: Selectable<DB['child_assessment_record']>) {
    const answers = this.decrypt(answers_enc);
    return {
      ...row,
      supportPerson: this.decrypt(support_person_enc),
      professionalGenderChosen: this.decrypt(professional_gender_chosen_enc),
      needsConsidered: this.decrypt(needs_considered_enc),
      answers: answers === null ? null : (JSON.parse(answers) as Answers),
      judgementReason: this.decrypt(judgement_reason_enc),
    };
  }

  private encrypt(value: string | undefined): string | null {
    return value === undefined ? null : this.cipher.encrypt(value);
  }

  private decrypt(value: string | null): string | null {
    return value === null ? null : this.cipher.decrypt(value);
  }
}
