import { sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.generated.js';
import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

export interface ActionListFilter {
  jointCaseId?: string | undefined;
  childPersonId?: string | undefined;
  /** Open actions past their term (before this date) that this user owns or whose case they manage. */
  overdueFor?: { userId: string; before: string } | undefined;
  limit: number;
}

export interface NewAction {
  jointCaseId: string;
  need: string;
  action: string;
  term: string;
  responsibleAgencyId: string;
  responsibleUserId: string | null;
  childPersonId: string | null;
  victimSideOnly: boolean;
  meetingId: string | null;
  reviewedAt: Date | null;
}

/** What may change on an action (the columns, with no text among them). */
export type ActionChange = Pick<
  Updateable<DB['action_item']>,
  'status' | 'term' | 'responsible_user_id' | 'last_reviewed_meeting_id' | 'last_reviewed_at'
>;

/**
 * The joint action plan (docs/domain.md, "Phase 2"): need → action → term → responsible person
 * and agency, status. Plain table access through the scoped handle: the policy keeps her own
 * safety measures from the perpetrator side and shows other agencies the rows assigned to them.
 * The need and the action are free text that may say where she is: encrypted at rest.
 */
export class ActionsRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  private select() {
    return this.db.query
      .selectFrom('action_item as a')
      .innerJoin('joint_case as jc', 'jc.id', 'a.joint_case_id')
      .leftJoin('app_user as u', 'u.id', 'a.responsible_user_id')
      .select([
        'a.id',
        'a.joint_case_id',
        'a.need_enc',
        'a.action_enc',
        'a.term',
        'a.responsible_agency_id',
        'a.responsible_user_id',
        'a.child_person_id',
        'a.victim_side_only',
        'a.status',
        'a.last_reviewed_at',
        'a.last_reviewed_meeting_id',
        'a.level_action_key',
        'jc.case_number',
        'u.display_name as responsible_name',
      ]);
  }

  async find(id: string) {
    const row = await this.select().where('a.id', '=', id).executeTakeFirst();
    return row ? this.decrypted(row) : null;
  }

  async list(filter: ActionListFilter) {
    const overdue = filter.overdueFor;
    const rows = await this.select()
      .$if(filter.jointCaseId !== undefined, (qb) => qb.where('a.joint_case_id', '=', filter.jointCaseId!))
      .$if(filter.childPersonId !== undefined, (qb) =>
        qb.where('a.child_person_id', '=', filter.childPersonId!),
      )
      .$if(overdue !== undefined, (qb) =>
        qb
          .where('a.status', 'in', ['open', 'in_progress'])
          .where('a.term', '<', overdue!.before)
          // Driven by indexes from both ends: the rows assigned to the user, and the rows of the
          // cases the user manages (an array the planner computes first, not a join it must scan).
          .where((eb) =>
            eb.or([
              eb('a.responsible_user_id', '=', overdue!.userId),
              eb(
                'a.joint_case_id',
                '=',
                sql<string>`ANY(ARRAY(${eb
                  .selectFrom('joint_case as mine')
                  .select('mine.id')
                  .where((inner) =>
                    inner.or([
                      inner('mine.pp_case_manager_id', '=', overdue!.userId),
                      inner('mine.vss_case_manager_id', '=', overdue!.userId),
                    ]),
                  )}))`,
              ),
            ]),
          ),
      )
      .orderBy('a.term')
      .orderBy('a.id')
      .limit(filter.limit)
      .execute();
    return rows.map((row) => this.decrypted(row));
  }

  /** An active staff member's agency, if the actor may see the account. */
  async activeStaffAgency(userId: string): Promise<string | null> {
    const row = await this.db.query
      .selectFrom('app_user')
      .select('agency_id')
      .where('id', '=', userId)
      .where('active', '=', true)
      .executeTakeFirst();
    return row?.agency_id ?? null;
  }

  async isChildOfCase(jointCaseId: string, childPersonId: string): Promise<boolean> {
    const row = await this.db.query
      .selectFrom('joint_case_child')
      .select('child_person_id')
      .where('joint_case_id', '=', jointCaseId)
      .where('child_person_id', '=', childPersonId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insert(action: NewAction): Promise<string> {
    const row = await this.db.insertOne(
      'action_item',
      {
        joint_case_id: action.jointCaseId,
        need_enc: this.cipher.encrypt(action.need),
        action_enc: this.cipher.encrypt(action.action),
        term: action.term,
        responsible_agency_id: action.responsibleAgencyId,
        responsible_user_id: action.responsibleUserId,
        child_person_id: action.childPersonId,
        victim_side_only: action.victimSideOnly,
        created_in_meeting_id: action.meetingId,
        last_reviewed_meeting_id: action.meetingId,
        last_reviewed_at: action.reviewedAt,
        owner_side: this.db.actor.side,
        created_by: this.db.actor.userId,
      },
      {
        action: 'action.create',
        details: { jointCaseId: action.jointCaseId, victimSideOnly: action.victimSideOnly },
      },
    );
    return row.id;
  }

  async update(id: string, set: ActionChange): Promise<boolean> {
    const rows = await this.db.update('action_item', (eb) => eb('id', '=', id), set, {
      action: 'action.update',
      details: { fields: Object.keys(set) },
    });
    return rows.length > 0;
  }

  private decrypted<R extends { need_enc: string; action_enc: string }>(row: R) {
    const { need_enc, action_enc, ...rest } = row;
    return { ...rest, need: this.cipher.decrypt(need_enc), action: this.cipher.decrypt(action_enc) };
  }
}
