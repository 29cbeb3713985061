import type { DutyTrigger } from '@tandem/shared';
import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';
import { contactDetails } from './victim-file.records.js';

export interface DutyFilter {
  state: 'open' | 'done' | 'closed';
  /** Only duties due before this instant (overdue ones, when it is now). */
  dueBefore?: Date | undefined;
  jointCaseId?: string | undefined;
  limit?: number | undefined;
}

/** A duty as its reader sees it, her free text decrypted. */
export interface DutyRecord {
  id: string;
  trigger: DutyTrigger;
  reason: string | null;
  partnerPersonId: string;
  partnerName: string;
  ppEpisodeId: string;
  jointCaseId: string | null;
  raisedAt: Date;
  dueAt: Date;
  state: 'open' | 'done' | 'closed';
  doneOn: string | null;
  doneHow: string | null;
  closedReason: string | null;
  lastContactOutcome: 'reached' | 'declined' | 'unreachable' | null;
  /** Her contact preferences, where she gave them. */
  contact: { safeChannel: string; mayLeaveMessage: boolean; safeTimes?: string; codeWord?: string } | null;
}

export type DutyResolution =
  | { kind: 'done'; doneOn: string; how: string }
  | { kind: 'closed'; reason: string };

/**
 * Duties to inform her (docs/domain.md, "Duties to inform her"), through the scoped handle: only
 * her service reaches them (policy/duty.policy.ts). Each comes with what the worker needs to reach
 * her safely — her safe channel and times, whether a message may be left, the code word — and the
 * outcome of her latest partner contact about the same programme. Raising a duty is a consequence
 * of a recorded fact (services/consequences/duties.ts).
 */
export class DutiesRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  private select() {
    return this.db.query
      .selectFrom('duty_to_inform as d')
      .innerJoin('person as her', 'her.id', 'd.partner_person_id')
      .leftJoin('contact_preference as pref', 'pref.person_id', 'd.partner_person_id')
      .leftJoin('joint_case as jc', (join) =>
        join
          .onRef('jc.pp_episode_id', '=', 'd.episode_id')
          .onRef('jc.partner_person_id', '=', 'd.partner_person_id'),
      )
      .select([
        'd.id',
        'd.trigger',
        'd.reason',
        'd.partner_person_id',
        'd.episode_id',
        'd.raised_at',
        'd.due_at',
        'd.state',
        'd.done_on',
        'd.done_how_enc',
        'd.closed_reason_enc',
        'her.first_name',
        'her.last_name',
        'pref.safe_channel',
        'pref.may_leave_message',
        'pref.details_enc',
        'jc.id as joint_case_id',
      ])
      .select((eb) =>
        eb
          .selectFrom('partner_contact as pc')
          .select('pc.outcome')
          .whereRef('pc.partner_person_id', '=', 'd.partner_person_id')
          .whereRef('pc.episode_id', '=', 'd.episode_id')
          .orderBy('pc.contacted_on', 'desc')
          .orderBy('pc.created_at', 'desc')
          .limit(1)
          .as('last_contact_outcome'),
      );
  }

  async list(filter: DutyFilter): Promise<DutyRecord[]> {
    const rows = await this.select()
      .where('d.state', '=', filter.state)
      .$if(filter.dueBefore !== undefined, (qb) => qb.where('d.due_at', '<', filter.dueBefore!))
      .$if(filter.jointCaseId !== undefined, (qb) => qb.where('jc.id', '=', filter.jointCaseId!))
      .orderBy('d.due_at')
      .orderBy('d.id')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map((row) => this.toRecord(row));
  }

  async find(id: string): Promise<DutyRecord | null> {
    const row = await this.select().where('d.id', '=', id).executeTakeFirst();
    return row ? this.toRecord(row) : null;
  }

  /** Resolves an open duty; false when there is none the actor may resolve. */
  async resolve(id: string, resolution: DutyResolution, at: Date): Promise<boolean> {
    const rows = await this.db.update(
      'duty_to_inform',
      (eb) => eb.and([eb('id', '=', id), eb('state', '=', 'open')]),
      {
        state: resolution.kind,
        ...(resolution.kind === 'done'
          ? { done_on: resolution.doneOn, done_how_enc: this.cipher.encrypt(resolution.how) }
          : { closed_reason_enc: this.cipher.encrypt(resolution.reason) }),
        resolved_by: this.db.actor.userId,
        resolved_at: at,
      },
      { action: resolution.kind === 'done' ? 'duty.done' : 'duty.close' },
    );
    return rows.length > 0;
  }

  private toRecord(
    row: Awaited<ReturnType<ReturnType<DutiesRepository['select']>['executeTakeFirstOrThrow']>>,
  ): DutyRecord {
    const details = row.details_enc ? contactDetails(this.cipher, row.details_enc) : null;
    return {
      id: row.id,
      trigger: row.trigger as DutyTrigger,
      reason: row.reason,
      partnerPersonId: row.partner_person_id,
      partnerName: `${row.first_name} ${row.last_name}`,
      ppEpisodeId: row.episode_id,
      jointCaseId: row.joint_case_id,
      raisedAt: new Date(row.raised_at),
      dueAt: new Date(row.due_at),
      state: row.state as DutyRecord['state'],
      doneOn: row.done_on,
      doneHow: row.done_how_enc ? this.cipher.decrypt(row.done_how_enc) : null,
      closedReason: row.closed_reason_enc ? this.cipher.decrypt(row.closed_reason_enc) : null,
      lastContactOutcome: (row.last_contact_outcome as DutyRecord['lastContactOutcome']) ?? null,
      contact:
        row.safe_channel !== null && row.may_leave_message !== null
          ? {
              safeChannel: row.safe_channel,
              mayLeaveMessage: row.may_leave_message,
              ...(details?.safeTimes && { safeTimes: details.safeTimes }),
              ...(details?.codeWord && { codeWord: details.codeWord }),
            }
          : null,
    };
  }
}
