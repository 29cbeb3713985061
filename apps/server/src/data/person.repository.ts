import type { ContactDetails, PersonKind, PersonView, SearchResult, Side } from '@tandem/shared';
import { CONTACT_FIELDS } from '@tandem/shared';
import { sql } from 'kysely';
import { forbidden, invalidInput, notFound } from '../http/errors.js';
import { personPolicy } from '../policy/index.js';
import type { FieldCipher } from '../security/field-encryption.js';
import type { CaseAccess } from './case-access.repository.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';

/** Lower case without accents, so "Zoe Muller" finds "Zoë Müller". */
export function normaliseName(...parts: string[]): string {
  return parts
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

interface PersonRow {
  id: string;
  kind: string;
  owner_agency_id: string;
  owner_side: string;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  contact_enc: string | null;
}

const PERSON_COLUMNS = [
  'person.id',
  'person.kind',
  'person.owner_agency_id',
  'person.owner_side',
  'person.first_name',
  'person.last_name',
  'person.date_of_birth',
  'person.contact_enc',
] as const;

export interface NewPerson {
  kind: PersonKind;
  ownerAgencyId: string;
  ownerSide: Side;
  firstName: string;
  lastName: string;
  dateOfBirth?: string | undefined;
  contact?: ContactDetails | undefined;
  motherId?: string | undefined;
  fatherId?: string | undefined;
}

/**
 * People, with the policy applied to rows (who may see whom) and to fields (her location and
 * contact details are decrypted only for users the policy allows, and otherwise never leave
 * this class). Every read and write is audited against the person it is about.
 */
export class PersonRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly cipher: FieldCipher,
    private readonly access: CaseAccess,
  ) {}

  private selectVisible() {
    return this.ctx.trx
      .selectFrom('person')
      .select(PERSON_COLUMNS)
      .where((eb) => rowFilterToSql(eb, personPolicy.visibleRows(this.ctx.actor), 'person'));
  }

  /** Views of people the actor may see, contact details only where allowed. */
  async toViews(rows: PersonRow[]): Promise<PersonView[]> {
    const contactGrants = await this.access.heldBy(
      this.ctx.actor,
      rows.map((row) => row.id),
      'victim_contact',
    );
    return rows.map((row) => {
      const facts = {
        kind: row.kind as PersonKind,
        ownerAgencyId: row.owner_agency_id,
        ownerSide: row.owner_side as Side,
      };
      const showContact = personPolicy.canSeeContact(this.ctx.actor, facts, contactGrants.has(row.id));
      return {
        id: row.id,
        kind: row.kind as PersonKind,
        firstName: row.first_name,
        lastName: row.last_name,
        dateOfBirth: row.date_of_birth,
        ownerAgencyId: row.owner_agency_id,
        ...(showContact && {
          contact: row.contact_enc
            ? (JSON.parse(this.cipher.decrypt(row.contact_enc)) as ContactDetails)
            : {},
        }),
      };
    });
  }

  async get(id: string, action = 'person.read'): Promise<PersonView> {
    const row = await this.selectVisible().where('person.id', '=', id).executeTakeFirst();
    if (!row) {
      this.ctx.audit.record({ action, outcome: 'denied', resourceType: 'person', resourceId: id });
      throw notFound();
    }
    const [view] = await this.toViews([row]);
    this.ctx.audit.record({
      action,
      outcome: 'success',
      resourceType: 'person',
      resourceId: id,
      subjectPersonId: id,
      details: { contactShown: view!.contact !== undefined },
    });
    return view!;
  }

  async getMany(ids: readonly string[]): Promise<PersonView[]> {
    if (ids.length === 0) return [];
    const rows = await this.selectVisible()
      .where('person.id', 'in', [...ids])
      .execute();
    for (const row of rows) {
      this.ctx.audit.record({
        action: 'person.read',
        outcome: 'success',
        resourceType: 'person',
        resourceId: row.id,
        subjectPersonId: row.id,
      });
    }
    return this.toViews(rows);
  }

  /**
   * Writes a person record. Callers (referral, release, support episode, child) have already
   * been authorised for the command; the invariants of who may own whom are checked here too.
   */
  async insert(person: NewPerson): Promise<string> {
    if (person.kind === 'partner' && person.ownerSide === 'perpetrator') throw forbidden();
    if (person.kind === 'child' && person.ownerSide === 'perpetrator' && person.contact?.childrensSchool) {
      throw invalidInput('childrensSchool', 'The perpetrator side does not record where the children are');
    }
    const row = await this.ctx.trx
      .insertInto('person')
      .values({
        kind: person.kind,
        owner_agency_id: person.ownerAgencyId,
        owner_side: person.ownerSide,
        first_name: person.firstName,
        last_name: person.lastName,
        date_of_birth: person.dateOfBirth ?? null,
        search_name: normaliseName(person.firstName, person.lastName),
        contact_enc: encryptContact(this.cipher, person.contact),
        mother_id: person.motherId ?? null,
        father_id: person.fatherId ?? null,
        created_by: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'person.create',
      outcome: 'success',
      resourceType: 'person',
      resourceId: row.id,
      subjectPersonId: row.id,
      details: { kind: person.kind },
    });
    return row.id;
  }

  async updateContact(id: string, contact: ContactDetails): Promise<PersonView> {
    const row = await this.selectVisible().where('person.id', '=', id).executeTakeFirst();
    const facts = row && {
      kind: row.kind as PersonKind,
      ownerAgencyId: row.owner_agency_id,
      ownerSide: row.owner_side as Side,
    };
    if (!row || !facts || !personPolicy.canEditContact(this.ctx.actor, facts)) {
      this.ctx.audit.record({
        action: 'person.contact_update',
        outcome: 'denied',
        resourceType: 'person',
        resourceId: id,
      });
      throw notFound();
    }
    await this.ctx.trx
      .updateTable('person')
      .set({ contact_enc: encryptContact(this.cipher, contact) })
      .where('id', '=', id)
      .execute();
    this.ctx.audit.record({
      action: 'person.contact_update',
      outcome: 'success',
      resourceType: 'person',
      resourceId: id,
      subjectPersonId: id,
      details: { fields: Object.keys(contact) },
    });
    return this.get(id);
  }

  /**
   * Search by name (accent- and typo-tolerant), date of birth or case number. Results pass the
   * same row policy as pages, so a perpetrator-side user searching her name finds nothing.
   * The search itself is audited, without the search terms (they may be her name).
   */
  async search(query: {
    q?: string | undefined;
    dateOfBirth?: string | undefined;
    caseNumber?: string | undefined;
    agencyId?: string | undefined;
    limit: number;
  }): Promise<SearchResult[]> {
    const term = query.q ? normaliseName(query.q) : undefined;
    if (!term && !query.dateOfBirth && !query.caseNumber)
      throw invalidInput('q', 'Enter a name, a date of birth or a case number');
    const rows = await this.selectVisible()
      .$if(term !== undefined, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('person.search_name', 'like', `%${term!.replace(/[%_\\]/g, (c) => `\\${c}`)}%`),
            // `<%` (word similarity above pg_trgm's threshold) is served by the trigram index.
            sql<boolean>`${term} <% person.search_name`,
          ]),
        ),
      )
      .$if(query.dateOfBirth !== undefined, (qb) => qb.where('person.date_of_birth', '=', query.dateOfBirth!))
      .$if(query.agencyId !== undefined, (qb) => qb.where('person.owner_agency_id', '=', query.agencyId!))
      .$if(query.caseNumber !== undefined, (qb) =>
        qb.where((eb) =>
          eb.exists(
            eb
              .selectFrom('joint_case as jc')
              .innerJoin('pp_episode as pe', 'pe.id', 'jc.pp_episode_id')
              .select('jc.id')
              .where('jc.case_number', '=', query.caseNumber!.toUpperCase())
              .where((inner) =>
                inner.or([
                  inner('pe.person_id', '=', inner.ref('person.id')),
                  inner('jc.partner_person_id', '=', inner.ref('person.id')),
                ]),
              ),
          ),
        ),
      )
      .select(
        term
          ? sql<number>`word_similarity(${term}, person.search_name)`.as('score')
          : sql<number>`1`.as('score'),
      )
      .orderBy('score', 'desc')
      .orderBy('person.last_name')
      .limit(query.limit)
      .execute();
    const ids = rows.map((row) => row.id);
    const links = ids.length
      ? await this.ctx.trx
          .selectFrom('pp_episode')
          .select(['pp_episode.id', 'pp_episode.person_id'])
          .where('pp_episode.person_id', 'in', ids)
          .execute()
      : [];
    const cases = ids.length
      ? await this.ctx.trx
          .selectFrom('joint_case')
          .innerJoin('pp_episode', 'pp_episode.id', 'joint_case.pp_episode_id')
          .select(['joint_case.id', 'joint_case.partner_person_id', 'pp_episode.person_id'])
          .where((eb) =>
            eb.or([eb('joint_case.partner_person_id', 'in', ids), eb('pp_episode.person_id', 'in', ids)]),
          )
          .execute()
      : [];
    this.ctx.audit.record({
      action: 'person.search',
      outcome: 'success',
      resourceType: 'person',
      details: {
        byName: term !== undefined,
        byDateOfBirth: query.dateOfBirth !== undefined,
        byCaseNumber: query.caseNumber !== undefined,
        returned: rows.length,
      },
    });
    for (const row of rows) {
      this.ctx.audit.record({
        action: 'person.search_result',
        outcome: 'success',
        resourceType: 'person',
        resourceId: row.id,
        subjectPersonId: row.id,
      });
    }
    return rows.map((row) => ({
      personId: row.id,
      kind: row.kind as PersonKind,
      name: `${row.first_name} ${row.last_name}`,
      dateOfBirth: row.date_of_birth,
      agencyId: row.owner_agency_id,
      ppEpisodeIds: links.filter((link) => link.person_id === row.id).map((link) => link.id),
      jointCaseIds: cases
        .filter((c) => c.partner_person_id === row.id || c.person_id === row.id)
        .map((c) => c.id),
    }));
  }
}

function encryptContact(cipher: FieldCipher, contact: ContactDetails | undefined): string | null {
  if (!contact) return null;
  const kept = Object.fromEntries(
    CONTACT_FIELDS.flatMap((field) => (contact[field] ? [[field, contact[field]]] : [])),
  );
  return Object.keys(kept).length ? cipher.encrypt(JSON.stringify(kept)) : null;
}
