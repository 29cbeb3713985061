import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

/** PLACEHOLDER: filled in by the migration of this domain to the scoped handle. */
export class JointCasesRepository {
  constructor(
    readonly db: ScopedDb,
    readonly cipher: FieldCipher,
  ) {}

  /** The joint cases the actor may see that name these people (him or her). */
  async casesOfPeople(personIds: readonly string[]) {
    if (personIds.length === 0) return [];
    return this.db.query
      .selectFrom('joint_case')
      .innerJoin('pp_episode', 'pp_episode.id', 'joint_case.pp_episode_id')
      .select(['joint_case.id', 'joint_case.partner_person_id', 'pp_episode.person_id'])
      .where((eb) =>
        eb.or([
          eb('joint_case.partner_person_id', 'in', [...personIds]),
          eb('pp_episode.person_id', 'in', [...personIds]),
        ]),
      )
      .execute();
  }
}
