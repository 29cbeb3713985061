import { beforeAll, describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';
import { makeUser } from '../testing/factories.js';
import { signInFully, type TestClient } from '../testing/test-system.js';

/**
 * Sharing her information without her consent where someone is at risk of serious harm
 * (docs/domain.md, information-flow rule 4), through the API and checked in the database: the
 * four eyes, the reading window, the duty to tell her, the admin's review without content, the
 * programme never reading her details, and the network's suppressed counts.
 */

const { world, db, openCase, auditRows } = caseWorld();
let secondManager: TestClient;
let secondManagerId: string;

beforeAll(async () => {
  const { agencies, network } = world.scenario;
  const user = await makeUser(db(), {
    agencyId: agencies.vss.id,
    roles: ['vss_case_manager'],
    side: 'victim',
    networkIds: [network.id],
  });
  secondManagerId = user.id;
  secondManager = await signInFully(world.system, user);
});

const REASON = 'REASON-MARKER he said he will kill her tonight';
const CONTENT = 'CONTENT-MARKER threat to kill, weapon at home';

const toPolice = (overrides: Record<string, unknown> = {}) => ({
  recipientAgencyId: world.scenario.agencies.police.id,
  atRisk: 'her',
  lawfulBasis: 'vital_interests',
  legalReference: 'GDPR art. 6(1)(d), 9(2)(c)',
  reason: REASON,
  content: CONTENT,
  validTo: isoDay(14),
  ...overrides,
});

async function propose(herId: string, body: Record<string, unknown> = toPolice()) {
  return must(
    world.scenario.clients.vssManager.post(`/api/victims/${herId}/serious-harm-shares`, body),
    201,
    'propose',
  );
}

/** A share recorded by her case manager and authorised by the second one. */
async function authorisedShare(herId: string, body: Record<string, unknown> = toPolice()) {
  const { id } = await propose(herId, body);
  await must(
    secondManager.post(`/api/serious-harm-shares/${id}/decision`, { decision: 'authorise' }),
    200,
    'authorise',
  );
  return id as string;
}

/** Moves a share's dates into the past (the statistics count by the day it was authorised). */
const backdate = (id: string, decidedOn: string) =>
  db()
    .updateTable('serious_harm_share')
    .set({ recorded_on: decidedOn, decided_on: decidedOn, valid_to: decidedOn })
    .where('id', '=', id)
    .execute();

describe('sharing without her consent for serious harm', () => {
  it('is read by the recipient only once a second case manager authorised it, and never its reason', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    const { id } = await propose(made.herId);

    // Proposed: the police read nothing yet; the recorder may not authorise her own share.
    expect((await clients.police.get('/api/serious-harm-shares/received')).json()).toEqual([]);
    const own = await clients.vssManager.post(`/api/serious-harm-shares/${id}/decision`, {
      decision: 'authorise',
    });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({ error: 'four_eyes', fields: [{ path: 'decision' }] });
    const list = (await clients.vssManager.get(`/api/victims/${made.herId}/serious-harm-shares`)).json();
    expect(list.can.propose).toBe(true);
    expect(list.shares).toEqual([
      expect.objectContaining({
        id,
        status: 'proposed',
        reason: REASON,
        content: CONTENT,
        can: { decide: false, recordTelling: false },
      }),
    ]);
    // The partner-contact worker of her service does not decide; to her the command does not exist.
    expect(
      (
        await clients.partnerContact.post(`/api/serious-harm-shares/${id}/decision`, {
          decision: 'authorise',
        })
      ).statusCode,
    ).toBe(404);

    // The second case manager finds it on her home and authorises it.
    const home = (await secondManager.get('/api/home')).json();
    expect(home.seriousHarm).toContainEqual(
      expect.objectContaining({ shareId: id, task: 'decide', personId: made.herId }),
    );
    expect((await clients.vssManager.get('/api/home')).json().seriousHarm).not.toContainEqual(
      expect.objectContaining({ shareId: id, task: 'decide' }),
    );
    await must(
      secondManager.post(`/api/serious-harm-shares/${id}/decision`, { decision: 'authorise' }),
      200,
      'authorise',
    );
    const again = await secondManager.post(`/api/serious-harm-shares/${id}/decision`, {
      decision: 'decline',
      note: 'x',
    });
    expect(again.json()).toMatchObject({ error: 'already_decided' });

    const received = await clients.police.get('/api/serious-harm-shares/received');
    expect(received.json()).toEqual([
      expect.objectContaining({ id, content: CONTENT, lawfulBasis: 'vital_interests', validTo: isoDay(14) }),
    ]);
    expect(received.body).not.toContain('REASON-MARKER');
    // Neither the programme nor her service's admin reads it as received.
    for (const other of [clients.ppManager, clients.combinedPp, clients.vssAdmin]) {
      expect((await other.get('/api/serious-harm-shares/received')).body).not.toContain('CONTENT-MARKER');
    }
    // Nobody outside her service reads her list of them.
    for (const other of [clients.ppManager, clients.police, clients.vssAdmin, clients.coordinator]) {
      expect((await other.get(`/api/victims/${made.herId}/serious-harm-shares`)).statusCode).toBe(404);
    }

    const row = await db()
      .selectFrom('serious_harm_share')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'authorised',
      decided_by: secondManagerId,
      recipient_side: 'neutral',
    });
    expect(JSON.stringify(row)).not.toContain('MARKER');
    const [audit] = await auditRows({ action: 'serious_harm.propose', resourceId: id });
    expect(audit).toMatchObject({ outcome: 'success', subject_person_id: made.herId });
    expect(audit!.basis).toEqual({
      lawfulBasis: 'vital_interests',
      legalReference: 'GDPR art. 6(1)(d), 9(2)(c)',
    });
    // The recorder's own attempt and the partner-contact worker's are refused, audited; then the decision.
    const decisions = await auditRows({ action: 'serious_harm.authorise', resourceId: id });
    expect(decisions.map((row) => [row.outcome, row.actor_user_id])).toEqual([
      ['denied', world.scenario.users.vssManager.id],
      ['denied', world.scenario.users.partnerContact.id],
      ['success', secondManagerId],
    ]);
  });

  it('stops being readable when its window closes; her service keeps the record', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    const id = await authorisedShare(made.herId);
    expect((await clients.police.get('/api/serious-harm-shares/received')).body).toContain(id);
    await db()
      .updateTable('serious_harm_share')
      .set({ recorded_on: isoDay(-20), decided_on: isoDay(-19), valid_to: isoDay(-1) })
      .where('id', '=', id)
      .execute();
    expect((await clients.police.get('/api/serious-harm-shares/received')).body).not.toContain(id);
    const mine = (await clients.vssManager.get(`/api/victims/${made.herId}/serious-harm-shares`)).json();
    expect(mine.shares.find((share: { id: string }) => share.id === id)).toMatchObject({
      readableByRecipient: false,
    });
  });

  it('a declined share needs a note and is never read by the recipient', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    const { id } = await propose(made.herId);
    const bare = await secondManager.post(`/api/serious-harm-shares/${id}/decision`, { decision: 'decline' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().fields).toContainEqual(expect.objectContaining({ path: 'note' }));
    await must(
      secondManager.post(`/api/serious-harm-shares/${id}/decision`, {
        decision: 'decline',
        note: 'Not serious harm',
      }),
      200,
      'decline',
    );
    expect((await clients.police.get('/api/serious-harm-shares/received')).body).not.toContain(id);
    // Only an authorised share is told to her.
    const telling = await clients.vssManager.post(`/api/serious-harm-shares/${id}/telling`, {
      outcome: 'told',
      toldOn: isoDay(0),
    });
    expect(telling.statusCode).toBe(409);
  });

  it('puts telling her on her case manager’s home until she is told or its postponement is reconsidered', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    const id = await authorisedShare(made.herId);
    const tasks = async () =>
      ((await clients.vssManager.get('/api/home')).json().seriousHarm ?? []).filter(
        (item: { shareId: string }) => item.shareId === id,
      );
    expect(await tasks()).toEqual([expect.objectContaining({ task: 'tell', reviewOn: null })]);

    const past = await clients.vssManager.post(`/api/serious-harm-shares/${id}/telling`, {
      outcome: 'postponed',
      reason: 'He is still at home with her',
      reviewOn: isoDay(-1),
    });
    expect(past.json()).toMatchObject({ fields: [{ path: 'reviewOn' }] });
    await must(
      clients.vssManager.post(`/api/serious-harm-shares/${id}/telling`, {
        outcome: 'postponed',
        reason: 'He is still at home with her',
        reviewOn: isoDay(7),
      }),
      200,
      'postpone',
    );
    expect(await tasks()).toEqual([]);
    // The day to reconsider comes: it is back on the list.
    await db()
      .updateTable('serious_harm_share')
      .set({ telling_review_on: isoDay(0) })
      .where('id', '=', id)
      .execute();
    expect(await tasks()).toEqual([expect.objectContaining({ task: 'tell', reviewOn: isoDay(0) })]);

    const future = await clients.partnerContact.post(`/api/serious-harm-shares/${id}/telling`, {
      outcome: 'told',
      toldOn: isoDay(1),
    });
    expect(future.json()).toMatchObject({ fields: [{ path: 'toldOn' }] });
    // Whoever of her service reaches her records it.
    await must(
      clients.partnerContact.post(`/api/serious-harm-shares/${id}/telling`, {
        outcome: 'told',
        toldOn: isoDay(0),
      }),
      200,
      'told',
    );
    expect(await tasks()).toEqual([]);
    const share = (await clients.vssManager.get(`/api/victims/${made.herId}/serious-harm-shares`))
      .json()
      .shares.find((item: { id: string }) => item.id === id);
    expect(share.telling).toEqual({
      status: 'told',
      toldOn: isoDay(0),
      postponedReason: null,
      reviewOn: null,
    });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { clients, agencies } = world.scenario;
    const made = await openCase();
    const before = await db().selectFrom('serious_harm_share').select('id').execute();
    const cases: Array<[Record<string, unknown>, string]> = [
      [toPolice({ validTo: isoDay(91) }), 'validTo'],
      [toPolice({ validTo: isoDay(-1) }), 'validTo'],
      [toPolice({ lawfulBasis: 'convenience' }), 'lawfulBasis'],
      [toPolice({ legalReference: ' ' }), 'legalReference'],
      [toPolice({ content: '' }), 'content'],
      [toPolice({ recipientAgencyId: agencies.combined.id }), 'recipientSide'],
      [toPolice({ recipientSide: 'perpetrator' }), 'recipientSide'],
      [toPolice({ recipientAgencyId: agencies.vss.id }), 'recipientAgencyId'],
      [toPolice({ recipientAgencyId: '00000000-0000-4000-8000-000000000000' }), 'recipientAgencyId'],
      [toPolice({ recipientAgencyId: agencies.pp.id }), 'recipientAgencyId'],
      [toPolice({ jointCaseId: '00000000-0000-4000-8000-000000000000' }), 'jointCaseId'],
    ];
    for (const [body, field] of cases) {
      const answer = await clients.vssManager.post(`/api/victims/${made.herId}/serious-harm-shares`, body);
      expect(answer.statusCode, `${field}: ${answer.body}`).toBe(400);
      expect(answer.json().fields, field).toContainEqual(expect.objectContaining({ path: field }));
    }
    // Nobody but her case manager records one.
    for (const other of [clients.partnerContact, clients.ppManager, clients.police, clients.vssAdmin]) {
      expect(
        (await other.post(`/api/victims/${made.herId}/serious-harm-shares`, toPolice())).statusCode,
      ).toBe(404);
    }
    expect(await db().selectFrom('serious_harm_share').select('id').execute()).toEqual(before);
  });

  it('reaches the programme only within her joint case, and never with her details in it', async () => {
    const { clients, agencies } = world.scenario;
    const made = await openCase({ herAddress: 'Via Nascosta 12, Bologna' });
    const toProgramme = toPolice({ recipientAgencyId: agencies.pp.id, jointCaseId: made.jointCaseId });
    const leaking = await clients.vssManager.post(`/api/victims/${made.herId}/serious-harm-shares`, {
      ...toProgramme,
      content: 'He knows she now lives at via nascosta 12',
      confirmHerDetails: true,
    });
    expect(leaking.statusCode).toBe(409);
    expect(leaking.json()).toMatchObject({
      error: 'her_details_to_perpetrator',
      fields: [{ path: 'content', detail: 'address' }],
    });
    expect(
      await db().selectFrom('serious_harm_share').select('id').where('person_id', '=', made.herId).execute(),
    ).toEqual([]);

    const id = await authorisedShare(made.herId, toProgramme);
    const forProgramme = await clients.ppManager.get('/api/serious-harm-shares/received');
    expect(forProgramme.json()).toEqual([
      expect.objectContaining({ id, content: CONTENT, jointCaseId: made.jointCaseId }),
    ]);
    expect(forProgramme.body).not.toContain('REASON-MARKER');
    expect(forProgramme.body).not.toContain('Nascosta');
    // The other side of the combined service, and the police, do not read what the programme received.
    expect((await clients.police.get('/api/serious-harm-shares/received')).body).not.toContain(id);
  });

  it('is reviewed by her service’s admin, who reads the process and none of its content', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    const { id } = await propose(made.herId);
    await must(
      secondManager.post(`/api/serious-harm-shares/${id}/decision`, {
        decision: 'authorise',
        note: 'NOTE-MARKER',
      }),
      200,
      'authorise',
    );
    const list = await clients.vssAdmin.get('/api/admin/serious-harm-shares');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toContainEqual(
      expect.objectContaining({
        id,
        personId: made.herId,
        status: 'authorised',
        tellingStatus: 'pending',
        can: { review: true },
      }),
    );
    expect(list.body).not.toMatch(/MARKER|Rossi|Lucia/);
    await must(
      clients.vssAdmin.post(`/api/admin/serious-harm-shares/${id}/review`, {
        outcome: 'appropriate',
        note: 'Basis and authorisation recorded',
      }),
      200,
      'review',
    );
    await must(
      clients.vssAdmin.post(`/api/admin/serious-harm-shares/${id}/review`, { outcome: 'concerns' }),
      200,
      'review again',
    );
    const reviewed = (await clients.vssAdmin.get('/api/admin/serious-harm-shares'))
      .json()
      .find((item: { id: string }) => item.id === id);
    expect(reviewed.review).toMatchObject({ outcome: 'concerns', note: null });
    // Her case manager sees the review; no other admin reviews it or lists it.
    const mine = (await clients.vssManager.get(`/api/victims/${made.herId}/serious-harm-shares`)).json();
    expect(mine.shares.find((share: { id: string }) => share.id === id).review).toMatchObject({
      outcome: 'concerns',
    });
    expect(
      (await clients.ppAdmin.post(`/api/admin/serious-harm-shares/${id}/review`, { outcome: 'appropriate' }))
        .statusCode,
    ).toBe(404);
    expect((await clients.ppAdmin.get('/api/admin/serious-harm-shares')).body).not.toContain(id);
    expect((await clients.vssManager.get('/api/admin/serious-harm-shares')).statusCode).toBe(404);
    const bad = await clients.vssAdmin.post(`/api/admin/serious-harm-shares/${id}/review`, {
      outcome: 'fine',
    });
    expect(bad.json().fields).toContainEqual(expect.objectContaining({ path: 'outcome' }));
  });

  it('is counted for the network, small counts suppressed with their complements', async () => {
    const { clients, network } = world.scenario;
    const statistics = (from: string, to: string) =>
      must(
        clients.coordinator.get(`/api/networks/${network.id}/serious-harm-statistics?from=${from}&to=${to}`),
        200,
        'statistics',
      );
    const made = await openCase();
    // June 2025: six on vital interests, one on a legal duty, none told yet.
    for (let index = 0; index < 7; index += 1) {
      const legalDuty = { lawfulBasis: 'legal_duty', legalReference: 'Art. 331 c.p.p.' };
      await backdate(
        await authorisedShare(made.herId, toPolice(index === 0 ? legalDuty : {})),
        `2025-06-1${index}`,
      );
    }
    const june = await statistics('2025-06-01', '2025-06-30');
    expect(june).toMatchObject({
      minimumCount: 5,
      shares: 7,
      byTelling: { pending: 7, told: 0, postponed: 0 },
    });
    // The one legal duty is small; hidden alone, the total would give it away: its complement goes too.
    expect(june.byBasis).toEqual({ vital_interests: null, legal_duty: null });
    expect(JSON.stringify(june)).not.toContain('MARKER');
    // A declined share is not counted; a month with one share only suppresses the total and every cell.
    const { id: declined } = await propose(made.herId);
    await must(
      secondManager.post(`/api/serious-harm-shares/${declined}/decision`, {
        decision: 'decline',
        note: 'No',
      }),
      200,
      'decline',
    );
    await backdate(declined, '2025-03-05');
    await backdate(await authorisedShare(made.herId), '2025-03-02');
    expect(await statistics('2025-03-01', '2025-03-31')).toMatchObject({
      shares: null,
      byBasis: { vital_interests: null, legal_duty: null },
      byTelling: { pending: null, told: null, postponed: null },
    });
    // Case workers read no network statistics.
    expect((await clients.police.get(`/api/networks/${network.id}/serious-harm-statistics`)).statusCode).toBe(
      404,
    );
    const reversed = await clients.coordinator.get(
      `/api/networks/${network.id}/serious-harm-statistics?from=2026-02-01&to=2026-01-01`,
    );
    expect(reversed.json().fields).toContainEqual(expect.objectContaining({ path: 'to' }));
  });
});
