import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/*
 * Names as varied as a country's, built from parts: men's first names of the pilots' countries and
 * surnames from a stem and an ending. With one pattern for everyone ("first4242 last4242") every
 * name shares most trigrams, the trigram index matches every row and the planner rightly reads the
 * whole table; real names do not behave like that, and a benchmark must not either.
 */
// biome-ignore format: a list of names reads better packed
const FIRST_NAMES = [
  'Marco', 'Luca', 'Giuseppe', 'Antonio', 'Francesco', 'Alessandro', 'Matteo', 'Lorenzo', 'Davide',
  'Simone', 'Andrea', 'Stefano', 'Roberto', 'Paolo', 'Giovanni', 'Carlos', 'Javier', 'Miguel',
  'Alejandro', 'José', 'Manuel', 'David', 'Daniel', 'Pablo', 'Sergio', 'Jorge', 'Alberto',
  'Fernando', 'Raúl', 'Diego', 'Georgios', 'Dimitrios', 'Konstantinos', 'Ioannis', 'Nikolaos',
  'Panagiotis', 'Vasileios', 'Christos', 'Athanasios', 'Michail', 'Evangelos', 'Spyridon', 'Ivan',
  'Georgi', 'Dimitar', 'Nikolay', 'Petar', 'Hristo', 'Stoyan', 'Todor', 'Vasil', 'Krasimir',
  'Plamen', 'Lyubomir', 'Angel', 'Boris', 'Emil', 'Kaloyan', 'Martin', 'Viktor',
];
// biome-ignore format: a list of names reads better packed
const SURNAME_STEMS = [
  'Ross', 'Bianc', 'Ferr', 'Gall', 'Marin', 'Cost', 'Lomb', 'Ricc', 'Mor', 'Brun', 'Gonzal',
  'Rodrig', 'Fernand', 'Lop', 'Mart', 'Sanch', 'Ram', 'Garc', 'Nav', 'Pedr', 'Papad', 'Georgi',
  'Dimitr', 'Konstant', 'Nikol', 'Vlach', 'Karal', 'Anton', 'Petr', 'Ivan', 'Stoy', 'Todor',
  'Hrist', 'Angel', 'Dobr', 'Zhel', 'Kolar', 'Milan', 'Popesc', 'Yordan',
];
// biome-ignore format: a list of names reads better packed
const SURNAME_ENDINGS = [
  'i', 'ini', 'etti', 'ucci', 'ello', 'one', 'ari', 'ez', 'ado', 'era', 'ino', 'opoulos', 'idis',
  'akis', 'ou', 'as', 'iou', 'ov', 'ev', 'ski', 'anov', 'chev', 'in', 'ovski', 'eski', 'elli',
  'ano', 'ieri', 'otti', 'azzi',
];

// biome-ignore format: a list of names reads better packed
const WOMEN_FIRST_NAMES = [
  'Giulia', 'Francesca', 'Chiara', 'Sara', 'Martina', 'Valentina', 'Elena', 'Laura', 'Anna', 'Paola',
  'Lucía', 'Carmen', 'Marta', 'Isabel', 'Pilar', 'Rocío', 'Nuria', 'Cristina', 'Eleni', 'Maria',
  'Katerina', 'Georgia', 'Dimitra', 'Sofia', 'Ioanna', 'Despina', 'Ivana', 'Desislava', 'Milena',
  'Gergana', 'Tsvetelina', 'Radka', 'Yana', 'Kremena', 'Petya', 'Silvia',
];

const textArray = (values: readonly string[]) => sql.raw(`ARRAY[${values.map((v) => `'${v}'`).join(',')}]`);
/** A stable pick from an array for the number `seed` (an SQL expression); the salt keeps the parts independent. */
const pick = (values: readonly string[], salt: number, seed = sql`g`) =>
  sql`(${textArray(values)})[1 + ((hashint8(${seed}::bigint * 7 + ${sql.lit(salt)}) & 2147483647) % ${sql.lit(values.length)})]`;

/** First name, surname and the search form of both, for the number `seed`: a man's or a woman's name. */
export function generatedName(seed: ReturnType<typeof sql>, women: boolean) {
  const first = pick(women ? WOMEN_FIRST_NAMES : FIRST_NAMES, 1, seed);
  const last = sql`${pick(SURNAME_STEMS, 2, seed)} || ${pick(SURNAME_ENDINGS, 3, seed)}`;
  return {
    first,
    last,
    search: sql`lower(translate(${first} || ' ' || ${last}, 'áéíóúÁÉÍÓÚ', 'aeiouAEIOU'))`,
  };
}

/**
 * People and their programme episodes in bulk, set-based in SQL (generate_series): the crowd a
 * search and a list must stay quick in. The names are deterministic for a given count.
 */
export async function seedPeople(db: Kysely<Database>, agencyId: string, people: number): Promise<void> {
  const creator = await db
    .selectFrom('app_user')
    .select('id')
    .where('agency_id', '=', agencyId)
    .limit(1)
    .executeTakeFirstOrThrow();
  const name = generatedName(sql`g`, false);
  await sql`INSERT INTO person (kind, owner_agency_id, owner_side, first_name, last_name, search_name, created_by)
    SELECT 'perpetrator', ${agencyId}, 'perpetrator', ${name.first}, ${name.last}, ${name.search}, ${creator.id}
    FROM generate_series(1, ${people}) AS g`.execute(db);
  await sql`INSERT INTO pp_episode (person_id, agency_id, pathway, referral_date, status)
    SELECT p.id, p.owner_agency_id, 'voluntary', date '2026-01-01' + (random() * 300)::int, 'active'
    FROM person p WHERE p.owner_agency_id = ${agencyId} AND p.created_by = ${creator.id}
      AND NOT EXISTS (SELECT 1 FROM pp_episode e WHERE e.person_id = p.id)`.execute(db);
  await sql`ANALYZE`.execute(db);
}

/**
 * A name a caseworker would look for among the seeded people (the median one by name, so the same
 * count gives the same name) and the same with two letters swapped, as a typing slip.
 */
export async function searchTermsOf(
  db: Kysely<Database>,
  agencyId: string,
): Promise<{ exact: string; typo: string }> {
  const row = await db
    .selectFrom('person')
    .select(['first_name', 'last_name'])
    .where('owner_agency_id', '=', agencyId)
    .orderBy('last_name')
    .orderBy('first_name')
    .offset(Math.floor(Number(await countOf(db, agencyId)) / 2))
    .limit(1)
    .executeTakeFirstOrThrow();
  const exact = `${row.first_name} ${row.last_name}`.toLowerCase();
  const last = row.last_name.toLowerCase();
  const typo = `${row.first_name.toLowerCase()} ${last[0]}${last[2]}${last[1]}${last.slice(3)}`;
  return { exact, typo };
}

async function countOf(db: Kysely<Database>, agencyId: string) {
  const { count } = await db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('owner_agency_id', '=', agencyId)
    .executeTakeFirstOrThrow();
  return count;
}
