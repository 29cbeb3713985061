import type { ContactDetails, PersonKind, PersonView, Side } from '@tandem/shared';
import { CONTACT_FIELDS } from '@tandem/shared';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';

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

export interface NewPerson {
  kind: PersonKind;
  ownerAgencyId: string;
  ownerSide: Side;
  firstName: string;
  lastName: string;
  dateOfBirth?: string | undefined;
  /** `null`: no contact details at all, not even an empty record of them. */
  contact?: ContactDetails | null | undefined;
  motherId?: string | undefined;
  fatherId?: string | undefined;
}

export interface PersonSearch {
  term?: string | undefined;
  dateOfBirth?: string | undefined;
  caseNumber?: string | undefined;
  agencyId?: string | undefined;
  limit: number;
}

type PersonRow = {
  id: string;
  kind: string;
  owner_agency_id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  contact_enc: string | null;
};

/**
 * People, through the scoped handle: the policy decides whom the actor sees, and her contact
 * details (and the children's school) arrive decrypted only where the policy let the column
 * through — elsewhere the column is NULL before it leaves the database.
 */
export class PeopleRepository {
  constructor(
    private readonly db: ScopedDb,
    private readonly cipher: FieldCipher,
  ) {}

  private select() {
    return this.db.query
      .selectFrom('person')
      .select(['id', 'kind', 'owner_agency_id', 'first_name', 'last_name', 'date_of_birth', 'contact_enc']);
  }

  async find(id: string): Promise<PersonView | null> {
    const row = await this.select().where('id', '=', id).executeTakeFirst();
    return row ? this.toView(row) : null;
  }

  async findMany(ids: readonly string[]): Promise<PersonView[]> {
    if (ids.length === 0) return [];
    const rows = await this.select()
      .where('id', 'in', [...ids])
      .orderBy('last_name')
      .orderBy('first_name')
      .execute();
    return rows.map((row) => this.toView(row));
  }

  async insert(person: NewPerson): Promise<string> {
    const row = await this.db.insertOne('person', personValues(this.cipher, person, this.db.actor.userId), {
      action: 'person.create',
      details: { kind: person.kind },
    });
    return row.id;
  }

  /** Writes her record for another service (his release): see services/programme/release.service.ts. */
  static async insertFor(
    system: Kysely<Database>,
    cipher: FieldCipher,
    person: NewPerson,
    createdBy: string,
  ) {
    const row = await system
      .insertInto('person')
      .values(personValues(cipher, person, createdBy))
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateContact(id: string, contact: ContactDetails): Promise<boolean> {
    const rows = await this.db.update(
      'person',
      (eb) => eb('id', '=', id),
      { contact_enc: encryptContact(this.cipher, contact) },
      { action: 'person.contact_update', details: { fields: Object.keys(contact) } },
    );
    return rows.length > 0;
  }

  /**
   * Accent- and typo-tolerant search by name, date of birth or case number. Results pass the
   * same policy as pages (the scoped handle), so a perpetrator-side user searching her name
   * finds nothing.
   */
  async search(query: PersonSearch) {
    const term = query.term;
    const rows = await this.db.query
      .selectFrom('person')
      .select(['id', 'kind', 'owner_agency_id', 'first_name', 'last_name', 'date_of_birth'])
      .$if(term !== undefined, (qb) =>
        qb.where((eb) =>
          eb.or([
            eb('search_name', 'like', `%${term!.replace(/[%_\\]/g, (c) => `\\${c}`)}%`),
            // `<%` (word similarity above pg_trgm's threshold) is served by the trigram index.
            sql<boolean>`${term} <% person.search_name`,
          ]),
        ),
      )
      .$if(query.dateOfBirth !== undefined, (qb) => qb.where('date_of_birth', '=', query.dateOfBirth!))
      .$if(query.agencyId !== undefined, (qb) => qb.where('owner_agency_id', '=', query.agencyId!))
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
      .orderBy('last_name')
      .limit(query.limit)
      .execute();
    return rows;
  }

  private toView(row: PersonRow): PersonView {
    return {
      id: row.id,
      kind: row.kind as PersonKind,
      firstName: row.first_name,
      lastName: row.last_name,
      dateOfBirth: row.date_of_birth,
      ownerAgencyId: row.owner_agency_id,
      // The policy view holds the column NULL for anyone who may not see it.
      ...(row.contact_enc !== null && {
        contact: JSON.parse(this.cipher.decrypt(row.contact_enc)) as ContactDetails,
      }),
    };
  }
}

function personValues(cipher: FieldCipher, person: NewPerson, createdBy: string) {
  return {
    kind: person.kind,
    owner_agency_id: person.ownerAgencyId,
    owner_side: person.ownerSide,
    first_name: person.firstName,
    last_name: person.lastName,
    date_of_birth: person.dateOfBirth ?? null,
    search_name: normaliseName(person.firstName, person.lastName),
    contact_enc: encryptContact(cipher, person.contact),
    mother_id: person.motherId ?? null,
    father_id: person.fatherId ?? null,
    created_by: createdBy,
  };
}

/**
 * Stored even when empty (an encrypted `{}`), so that NULL means only "hidden from this reader" —
 * or, when the writer says `null`, that the record carries no contact details at all (a child the
 * programme records: its write policy refuses any).
 */
function encryptContact(cipher: FieldCipher, contact: ContactDetails | null | undefined): string | null {
  if (contact === null) return null;
  const kept = Object.fromEntries(
    CONTACT_FIELDS.flatMap((field) => (contact?.[field] ? [[field, contact[field]]] : [])),
  );
  return cipher.encrypt(JSON.stringify(kept));
}
