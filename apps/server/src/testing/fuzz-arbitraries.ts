import fc from 'fast-check';
import { z } from 'zod';

/**
 * fast-check arbitraries derived from the shared zod schemas of the route table (through zod's
 * own JSON Schema of each input, so every bound, format, enum and required field the server
 * validates is the one generated against). Two modes:
 *  - `valid`: values the schema accepts, with ids taken from a seeded system, so a request
 *    reaches the service and the database rather than stopping at a 404;
 *  - `hostile`: the same shapes with some leaves replaced by what an attacker or a broken client
 *    sends — NUL, lone surrogates, direction overrides, year 0000, 2^31, wrong types, missing
 *    fields, unknown keys, empty patches.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
};

/**
 * Where generated ids come from: the seeded rows that fit a field or path parameter's name
 * (`kind` 'id' for uuids; 'text' for identifiers that are not uuids, such as an instrument's).
 */
export type IdSource = (fieldName: string, kind?: 'id' | 'text') => readonly string[];

export type Mode = 'valid' | 'hostile';

/** What a hostile client puts in a text field. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\u202Eevil\u202C',
  '\u2066name\u2069',
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '1899-12-31T23:59:59Z',
  "'; DROP TABLE person; --",
  '%00',
  '../../etc/passwd',
  '😀'.repeat(50),
  'x'.repeat(20_001),
  '-1',
  '2147483648',
  'null',
] as const;

/** What a hostile client puts in a number field. */
export const HOSTILE_NUMBERS = [
  0,
  -1,
  0.5,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  1e308,
  -1e308,
  Number.MIN_VALUE,
] as const;

const HOSTILE_OTHERS = [null, true, false, [], {}, [null], { '': null }, '1', 1] as const;

const HOSTILE_IDS = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '6f1c2b3a-0000-4000-8000-000000000000',
  'not-a-uuid',
  '6F1C2B3A-0000-4000-8000-00000000000G',
] as const;

/** The JSON Schema zod validates this input against (its input side: before defaults and transforms). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

export function arbitraryFor(schema: z.ZodType, mode: Mode, ids: IdSource): fc.Arbitrary<unknown> {
  const root = jsonSchemaOf(schema);
  return new Builder(root, mode, ids).build(root, '');
}

/** Query strings and path parameters travel as text: the same values, as the client would write them. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

class Builder {
  constructor(
    private readonly root: JsonSchema,
    private readonly mode: Mode,
    private readonly ids: IdSource,
  ) {}

  build(schema: JsonSchema, name: string, depth = 0): fc.Arbitrary<unknown> {
    const honest = this.honest(schema, name, depth);
    if (this.mode === 'valid') return honest;
    return fc.oneof(
      { arbitrary: honest, weight: 6 },
      { arbitrary: this.hostileLeaf(schema, name), weight: 1 },
    );
  }

  private honest(schema: JsonSchema, name: string, depth: number): fc.Arbitrary<unknown> {
    if (schema.$ref) return this.build(this.resolve(schema.$ref), name, depth);
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((option) => this.build(option, name, depth)));
    if (schema.allOf?.[0]) return this.build(schema.allOf[0], name, depth);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'object':
        return this.object(schema, depth);
      case 'array':
        return this.array(schema, name, depth);
      case 'string':
        return this.string(schema, name);
      case 'integer':
      case 'number':
        return this.number(schema, type === 'integer');
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        // Anything goes (z.unknown(), a transform zod cannot describe): a small JSON value.
        return fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null));
    }
  }

  private object(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const properties = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    const entries = Object.entries(properties);
    if (entries.length === 0) {
      // A record (e.g. the answers of an instrument): a few keys of the value schema.
      const value = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
      if (depth > 4) return fc.constant({});
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), this.build(value, '', depth + 1), {
        maxKeys: 4,
      });
    }
    const shape = Object.fromEntries(entries.map(([key, value]) => [key, this.build(value, key, depth + 1)]));
    const record = fc.record(shape, { requiredKeys: [...required].filter((key) => key in shape) });
    if (this.mode === 'valid') return record;
    // Hostile: sometimes drop every field (an empty patch), sometimes add one the API does not know.
    return fc.oneof(
      { arbitrary: record, weight: 8 },
      { arbitrary: fc.constant({}), weight: 1 },
      {
        arbitrary: record.map((value) => ({ ...(value as object), unknownField: 'x' })),
        weight: 1,
      },
    );
  }

  private array(schema: JsonSchema, name: string, depth: number): fc.Arbitrary<unknown> {
    const minLength = schema.minItems ?? 0;
    const maxLength = Math.min(schema.maxItems ?? 4, minLength + 4);
    return fc.array(this.build(schema.items ?? {}, singular(name), depth + 1), { minLength, maxLength });
  }

  private string(schema: JsonSchema, name: string): fc.Arbitrary<string> {
    switch (schema.format) {
      case 'uuid':
        return this.id(name);
      case 'date':
        // A date of birth is in the past; any other date near today.
        return /birth/i.test(name)
          ? isoDate().map((day) => `${Number(day.slice(0, 4)) - 30}${day.slice(4)}`)
          : isoDate();
      case 'date-time':
        return isoDate().chain((day) =>
          fc
            .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
            .map(([hour, minute]) => `${day}T${pad(hour)}:${pad(minute)}:00Z`),
        );
      case 'email':
        return fc.constantFrom('someone@example.org', 'fuzz.user@example.org', 'a@b.co');
    }
    const minLength = schema.minLength ?? 0;
    const maxLength = schema.maxLength ?? 200;
    const known = this.ids(name, 'text');
    if (known.length > 0)
      return fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 4 }, fc.string({ maxLength: 20 }));
    if (schema.pattern)
      return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => fits(text, schema));
    return fc
      .oneof(
        fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 40) }),
        fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, minLength + 10) }),
        fc.constant('x'.repeat(Math.max(minLength, Math.min(maxLength, 4000)))),
      )
      .filter((text) => fits(text, schema));
  }

  private number(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
    const min =
      schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
    const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e6);
    const low = Math.max(min, -(2 ** 40));
    const high = Math.min(max, 2 ** 40);
    // Small values most of the time (a version, a count of sessions), the whole range and its edges too.
    const small = fc.integer({
      min: Math.max(low, Math.min(0, high)),
      max: Math.min(high, Math.max(low, 0) + 5),
    });
    if (integer)
      return fc.oneof(
        { arbitrary: small, weight: 3 },
        { arbitrary: fc.integer({ min: low, max: high }), weight: 1 },
        { arbitrary: fc.constantFrom(low, high), weight: 1 },
      );
    return fc.oneof(
      small,
      fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(low, high),
    );
  }

  private id(name: string): fc.Arbitrary<string> {
    const known = this.ids(name);
    if (known.length === 0) return fc.oneof(fc.uuid(), fc.constantFrom(...HOSTILE_IDS.slice(0, 3)));
    // Mostly a row that exists (to reach the service), sometimes one that does not.
    return fc.oneof({ arbitrary: fc.constantFrom(...known), weight: 9 }, { arbitrary: fc.uuid(), weight: 1 });
  }

  private hostileLeaf(schema: JsonSchema, name: string): fc.Arbitrary<unknown> {
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    const typed =
      type === 'integer' || type === 'number'
        ? fc.constantFrom<unknown>(...HOSTILE_NUMBERS)
        : schema.format === 'uuid'
          ? fc.constantFrom<unknown>(...HOSTILE_IDS)
          : fc.constantFrom<unknown>(...HOSTILE_STRINGS);
    const known = schema.format === 'uuid' ? this.ids(name) : [];
    return fc.oneof(
      { arbitrary: typed, weight: 4 },
      { arbitrary: fc.constantFrom<unknown>(...HOSTILE_OTHERS), weight: 1 },
      // A real id where another kind of row is expected (a person where a case is asked for).
      { arbitrary: known.length > 0 ? fc.constantFrom<unknown>(...this.ids('')) : fc.uuid(), weight: 1 },
    );
  }

  private resolve(ref: string): JsonSchema {
    const name = ref.replace(/^#\/\$defs\//, '');
    const found = this.root.$defs?.[name];
    if (!found) throw new Error(`Unresolvable $ref ${ref}`);
    return found;
  }
}

/** Mostly near today (what casework records), sometimes at the edges of the range the API takes. */
function isoDate(): fc.Arbitrary<string> {
  const day = 86_400_000;
  const today = Date.now();
  return fc
    .oneof(
      {
        arbitrary: fc.integer({ min: -3 * 365, max: 2 * 365 }).map((offset) => today + offset * day),
        weight: 8,
      },
      {
        arbitrary: fc.constantFrom(Date.UTC(1900, 0, 1), Date.UTC(2199, 11, 31), Date.UTC(1970, 0, 1)),
        weight: 1,
      },
    )
    .map((time) => new Date(time).toISOString().slice(0, 10));
}

/** NUL, a lone half of a surrogate pair, a bidirectional override. */
const UNSAFE_TEXT = new RegExp(
  [
    '\\u0000',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
    '[\\u202A-\\u202E\\u2066-\\u2069]',
  ].join('|'),
);

const pad = (value: number) => String(value).padStart(2, '0');

/** `childIds` → `childId`: the items of a list of ids come from the same rows as one id. */
const singular = (name: string) => name.replace(/Ids$/, 'Id').replace(/s$/, '');

function fits(text: string, schema: JsonSchema): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length >= (schema.minLength ?? 0) &&
    text.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY) &&
    // Honest text is text: what the input guard refuses is the hostile mode's business.
    !UNSAFE_TEXT.test(text)
  );
}
