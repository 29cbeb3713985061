import { randomUUID } from 'node:crypto';
import type { Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { matchesRowFilter } from './row-filter.js';
import { seriousHarmPolicy } from './serious-harm.policy.js';

/**
 * Serious-harm shares (docs/domain.md, information-flow rule 4): her service reads all of it; the
 * recipient reads the content only once authorised and within the window; her service's admin
 * reads the process, never the content; nobody else reads anything.
 */

const vss = randomUUID();
const otherVss = randomUUID();
const police = randomUUID();
const pp = randomUUID();
const combined = randomUUID();
const TODAY = '2026-03-10';

const who = (roles: Role[], side: Side, agencyId: string | null): Actor =>
  actor({ roles, side, agencyId, today: TODAY });
const vssManager = who(['vss_case_manager'], 'victim', vss);
const secondManager = who(['vss_case_manager'], 'victim', vss);
const partnerContact = who(['partner_contact_worker'], 'victim', vss);
const otherVssManager = who(['vss_case_manager'], 'victim', otherVss);
const liaison = who(['agency_liaison'], 'neutral', police);
const policeAdmin = who(['agency_admin'], 'neutral', police);
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const combinedPp = who(['pp_case_manager'], 'perpetrator', combined);
const combinedVss = who(['vss_case_manager'], 'victim', combined);
const vssAdmin = who(['agency_admin'], 'victim', vss);
const coordinator = who(['network_coordinator'], 'neutral', police);

type Row = Record<string, unknown>;
const share = (overrides: Row = {}): Row => ({
  id: randomUUID(),
  person_id: randomUUID(),
  owner_agency_id: vss,
  recipient_agency_id: police,
  recipient_side: 'neutral',
  status: 'authorised',
  decided_on: '2026-03-05',
  valid_to: '2026-03-20',
  recorded_by: vssManager.userId,
  ...overrides,
});

const reads = (subject: Actor, row: Row) => matchesRowFilter(seriousHarmPolicy.shares.read(subject), row);
const readsContent = (subject: Actor, row: Row) =>
  reads(subject, row) && matchesRowFilter(seriousHarmPolicy.shares.fields.content_enc(subject), row);
const readsReason = (subject: Actor, row: Row) =>
  reads(subject, row) && matchesRowFilter(seriousHarmPolicy.shares.fields.reason_enc(subject), row);
const writes = (subject: Actor, row: Row) => matchesRowFilter(seriousHarmPolicy.shares.write(subject), row);

describe('serious_harm_share: who reads the row, its content, its reason, and who writes it', () => {
  it.each<[string, Actor, Row, boolean, boolean, boolean, boolean]>([
    ['her case manager', vssManager, share(), true, true, true, true],
    ['the partner-contact worker of her service', partnerContact, share(), true, true, true, true],
    ['the recipient, authorised and in its window', liaison, share(), true, true, false, false],
    [
      'the recipient, while it awaits a decision',
      liaison,
      share({ status: 'proposed', decided_on: null }),
      false,
      false,
      false,
      false,
    ],
    ['the recipient, once declined', liaison, share({ status: 'declined' }), false, false, false, false],
    ['the recipient, on its last day', liaison, share({ valid_to: TODAY }), true, true, false, false],
    [
      'the recipient, the day after its window',
      liaison,
      share({ valid_to: '2026-03-09' }),
      false,
      false,
      false,
      false,
    ],
    ['the recipient’s admin', policeAdmin, share(), false, false, false, false],
    ['her service’s admin: the process only', vssAdmin, share(), true, false, false, false],
    ['another victim service', otherVssManager, share(), false, false, false, false],
    ['the programme, shared with another agency', ppManager, share(), false, false, false, false],
    [
      'the programme, as the recipient',
      ppManager,
      share({ recipient_agency_id: pp, recipient_side: 'perpetrator' }),
      true,
      true,
      false,
      false,
    ],
    [
      'the victim side of a combined service the programme side received it at',
      combinedVss,
      share({ recipient_agency_id: combined, recipient_side: 'perpetrator' }),
      false,
      false,
      false,
      false,
    ],
    [
      'the programme side of a combined service its victim side received it at',
      combinedPp,
      share({ recipient_agency_id: combined, recipient_side: 'victim' }),
      false,
      false,
      false,
      false,
    ],
    ['the network coordinator', coordinator, share(), false, false, false, false],
  ])('%s: row %s, content %s, reason %s, writes %s', (_name, subject, row, row_, content, reason, write) => {
    expect(reads(subject, row)).toBe(row_);
    expect(readsContent(subject, row)).toBe(content);
    expect(readsReason(subject, row)).toBe(reason);
    expect(writes(subject, row)).toBe(write);
  });
});

describe('serious_harm_review: her service’s admin writes it; her service reads it', () => {
  const review = { share_id: randomUUID(), owner_agency_id: vss };
  it.each<[string, Actor, boolean, boolean]>([
    ['her service’s admin', vssAdmin, true, true],
    ['her case manager', vssManager, true, false],
    ['another agency’s admin', policeAdmin, false, false],
    ['the recipient', liaison, false, false],
    ['the programme', ppManager, false, false],
  ])('%s: reads %s, writes %s', (_name, subject, read, write) => {
    expect(matchesRowFilter(seriousHarmPolicy.reviews.read(subject), review)).toBe(read);
    expect(matchesRowFilter(seriousHarmPolicy.reviews.write(subject), review)).toBe(write);
  });
});

describe('the decisions on one share', () => {
  const facts = (status: 'proposed' | 'authorised' | 'declined') => ({
    ownerAgencyId: vss,
    recordedBy: vssManager.userId,
    status,
  });
  it.each<
    [string, Actor, 'proposed' | 'authorised' | 'declined', { decide: boolean; recordTelling: boolean }]
  >([
    [
      'the one who recorded it does not decide (four eyes)',
      vssManager,
      'proposed',
      { decide: false, recordTelling: false },
    ],
    [
      'a second case manager of her service decides',
      secondManager,
      'proposed',
      { decide: true, recordTelling: false },
    ],
    ['nobody decides twice', secondManager, 'authorised', { decide: false, recordTelling: true }],
    [
      'the partner-contact worker tells her, never decides',
      partnerContact,
      'authorised',
      { decide: false, recordTelling: true },
    ],
    ['a declined share is not told', vssManager, 'declined', { decide: false, recordTelling: false }],
    ['another service’s case manager', otherVssManager, 'proposed', { decide: false, recordTelling: false }],
    ['her service’s admin', vssAdmin, 'proposed', { decide: false, recordTelling: false }],
  ])('%s', (_name, subject, status, expected) => {
    expect(seriousHarmPolicy.abilities(subject, facts(status))).toEqual(expected);
  });

  it.each<[string, Actor, boolean]>([
    ['her service’s admin reviews', vssAdmin, true],
    ['another agency’s admin does not', policeAdmin, false],
    ['her case manager does not', vssManager, false],
  ])('%s', (_name, subject, expected) => {
    expect(seriousHarmPolicy.canReview(subject, { ownerAgencyId: vss })).toBe(expected);
  });
});
