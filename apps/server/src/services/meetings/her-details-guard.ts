import { CONTACT_FIELDS, type ContactField } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { AppError } from '../../domain/errors.js';

/**
 * Her details must not slip into what the programme reads (docs/domain.md, "Information-flow rules", 1). The
 * free text of a joint record — meeting notes, minutes, decisions, the place, an action, an
 * informal contact, the agreed level's rationale — reaches the programme exactly as written. So when a writer who may know
 * her details saves such text, it is compared with what is recorded about where she can be
 * found: her address, phone, e-mail, shelter and workplace, and the children's school. On a
 * match the command is refused with 409 `her_details`, naming the field and, in `detail`, which
 * of her details it holds, unless the request says the writer has been asked and confirmed
 * (`confirmHerDetails: true`).
 *
 * The comparison never runs for a perpetrator-side writer: telling him that his text matches
 * her address would confirm her address. Her details are read through the writer's own scoped
 * handle, so nobody is compared against details they may not see.
 */

/** One piece of joint free text about to be saved, and the request field it came in. */
export interface JointText {
  path: string;
  text: string | null | undefined;
}

export interface RecordedDetail {
  field: ContactField;
  value: string;
}

export interface HerDetailMatch {
  path: string;
  field: ContactField;
}

const FIELD_NAMES: Record<ContactField, string> = {
  address: 'address',
  phone: 'phone number',
  email: 'e-mail address',
  shelter: 'shelter',
  workplace: 'workplace',
  childrensSchool: 'children’s school',
};

/** Lower case, no accents, words separated by one space: "Via Giosuè  Carducci, 5" → "via giosue carducci 5". */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const MIN_PHONE_DIGITS = 6;
/** Enough of a number to recognise it with or without its country code. */
const PHONE_KEY_DIGITS = 8;

/** The digits of each number written in the text, separators ignored: "+39 333-12 34" → "393331234". */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/\+?\d[\d\s()./-]*\d/g)].map((match) => match[0].replace(/\D/g, ''));
}

/**
 * The word sequences that identify a recorded detail. An address is also recognised by any of
 * its comma-separated parts of two words or more ("Via Segreta 7" in "Via Segreta 7, Bologna"),
 * but not by a lone town name.
 */
function phrasesOf(detail: RecordedDetail): string[] {
  const whole = normaliseWords(detail.value);
  const phrases = whole.length >= 3 ? [whole] : [];
  for (const part of detail.value.split(/[,;\n]/)) {
    const words = normaliseWords(part);
    if (words.split(' ').length >= 2 && words !== whole) phrases.push(words);
  }
  return phrases;
}

function matches(text: string, detail: RecordedDetail): boolean {
  if (detail.field === 'phone') {
    const digits = detail.value.replace(/\D/g, '');
    if (digits.length < MIN_PHONE_DIGITS) return false;
    const key = digits.slice(-PHONE_KEY_DIGITS);
    return numbersIn(text).some((number) => number.includes(key));
  }
  const words = ` ${normaliseWords(text)} `;
  return phrasesOf(detail).some((phrase) => words.includes(` ${phrase} `));
}

/** Which texts contain which recorded details (pure; the unit test's subject). */
export function findHerDetails(
  texts: readonly JointText[],
  details: readonly RecordedDetail[],
): HerDetailMatch[] {
  const found: HerDetailMatch[] = [];
  for (const { path, text } of texts) {
    if (!text?.trim()) continue;
    for (const detail of details) {
      if (
        matches(text, detail) &&
        !found.some((match) => match.path === path && match.field === detail.field)
      ) {
        found.push({ path, field: detail.field });
      }
    }
  }
  return found;
}

/** Her details and the children's school, as far as the writer's own handle shows them. */
async function recordedDetails(
  scope: CommandScope,
  herId: string,
  childIds: readonly string[],
): Promise<RecordedDetail[]> {
  const people = await scope.repos.people.findMany([herId, ...childIds]);
  const details: RecordedDetail[] = [];
  for (const person of people) {
    const fields = person.id === herId ? CONTACT_FIELDS : (['childrensSchool'] as const);
    for (const field of fields) {
      const value = person.contact?.[field];
      if (value?.trim()) details.push({ field, value });
    }
  }
  return details;
}

/**
 * Refuses joint free text that contains her recorded details, unless confirmed. A no-op for the
 * perpetrator side (see above) and for text that is empty.
 */
export async function guardHerDetails(
  scope: CommandScope,
  jointCaseId: string,
  texts: readonly JointText[],
  confirmed: boolean | undefined,
): Promise<void> {
  if (scope.actor.side === 'perpetrator') return;
  if (!texts.some(({ text }) => text?.trim())) return;
  const jointCase = await scope.repos.meetings.jointCase(jointCaseId);
  const herId = jointCase?.partner_person_id ?? null;
  if (!herId) return;
  const childIds = await scope.repos.children.childIdsOf(jointCaseId);
  const found = findHerDetails(texts, await recordedDetails(scope, herId, childIds));
  if (found.length === 0) return;
  const audit = auditOf(found, herId, 'joint_case', jointCaseId);
  if (confirmed === true) {
    scope.audit.record({ action: 'her_details.confirmed', outcome: 'success', ...audit });
    return;
  }
  scope.audit.record({ action: 'her_details.detected', outcome: 'denied', ...audit });
  const first = found[0]!;
  throw new AppError(
    409,
    'her_details',
    `This text seems to contain her ${FIELD_NAMES[first.field]}: the programme would read it. Remove it, or confirm that it should be saved.`,
    fieldErrors(found),
  );
}

/**
 * The same comparison for text that a perpetrator-side reader will read whatever the writer
 * confirms (a serious-harm share to the programme): a match is refused, with no override, as 409
 * `her_details_to_perpetrator` naming the field.
 */
export async function refuseHerDetailsToPerpetrator(
  scope: CommandScope,
  herId: string,
  texts: readonly JointText[],
  resource: { type: string; id?: string },
): Promise<void> {
  if (scope.actor.side === 'perpetrator' || !texts.some(({ text }) => text?.trim())) return;
  const found = findHerDetails(texts, await recordedDetails(scope, herId, []));
  if (found.length === 0) return;
  scope.audit.record({
    action: 'her_details.detected',
    outcome: 'denied',
    ...auditOf(found, herId, resource.type, resource.id),
  });
  const first = found[0]!;
  throw new AppError(
    409,
    'her_details_to_perpetrator',
    `This text seems to contain her ${FIELD_NAMES[first.field]}: the programme must never read it. Remove it.`,
    fieldErrors(found),
  );
}

function auditOf(found: readonly HerDetailMatch[], herId: string, resourceType: string, resourceId?: string) {
  return {
    resourceType,
    ...(resourceId !== undefined && { resourceId }),
    subjectPersonId: herId,
    details: { matches: found.map((match) => `${match.path}:${match.field}`) },
  };
}

function fieldErrors(found: readonly HerDetailMatch[]) {
  return found.map((match) => ({
    path: match.path,
    message: `Contains her recorded ${FIELD_NAMES[match.field]}`,
    // The field's name, for the client to say in the writer's language.
    detail: match.field,
  }));
}
