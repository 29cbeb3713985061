import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRecorder } from '../audit/audit-recorder.js';
import { addDays, DEFAULT_TIME_ZONE, dateIn, instantAt } from '../domain/clock.js';
import { recomputeGrantsForAgreement } from '../services/consequences/access-grants.js';
import { makeJointCase, makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
let scenario: NetworkScenario;
beforeAll(async () => {
  // Sessions outlast the hours the clock is moved on by (time-bound agreements below).
  system = await startTestSystem({
    SESSION_IDLE_TIMEOUT_MINUTES: String(24 * 60),
    SESSION_ABSOLUTE_TIMEOUT_HOURS: '48',
  });
  scenario = await makeNetworkScenario(system);
});
afterAll(() => system?.close());

describe('the casework path from referral to joint case', () => {
  it('refers him, names her, opens her support and the joint case; her address never reaches the programme', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario, { herAddress: 'Via Nascosta 12, Bologna' });

    const forPp = await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`);
    expect(forPp.statusCode).toBe(200);
    expect(forPp.body).not.toContain('Via Nascosta');
    expect(forPp.body).not.toContain('+39 333');
    expect(forPp.json().victimSide).toBeNull();
    expect(forPp.json().perpetratorSide.partners[0].partnerPersonId).toBeNull();

    const herForPp = await clients.ppManager.get(`/api/people/${made.herId}`);
    expect(herForPp.statusCode).toBe(404);
    const herVictimFileForPp = await clients.ppManager.get(`/api/victims/${made.herId}`);
    expect(herVictimFileForPp.statusCode).toBe(404);

    const forVss = await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}`);
    expect(forVss.json().victimSide.person.contact.address).toBe('Via Nascosta 12, Bologna');
    expect(forVss.json().perpetratorSide.status).toBe('active');

    // The police are party to the case agreement for his programme information, not her address.
    const forPolice = await clients.police.get(`/api/joint-cases/${made.jointCaseId}`);
    expect(forPolice.statusCode).toBe(200);
    expect(forPolice.body).not.toContain('Via Nascosta');
    expect(forPolice.json().perpetratorSide.status).toBe('active');
  });

  it('raises a duty for the partner-contact worker when he drops out, which she marks done', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const dropout = await clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/status`, {
      to: 'dropped_out',
      date: '2026-03-01',
      reason: 'Stopped attending',
    });
    expect(dropout.statusCode).toBe(200);
    const duties = (await clients.partnerContact.get('/api/duties')).json().items as Array<{
      id: string;
      ppEpisodeId: string;
      trigger: string;
    }>;
    const duty = duties.find((item) => item.ppEpisodeId === made.episodeId);
    expect(duty?.trigger).toBe('status_dropped_out');
    expect((await clients.ppManager.get('/api/duties')).json().items).toEqual([]);

    const withoutHow = await clients.partnerContact.post(`/api/duties/${duty!.id}/done`, {
      doneOn: '2026-03-02',
    });
    expect(withoutHow.statusCode).toBe(400);
    expect(withoutHow.json().fields[0].path).toBe('how');
    const done = await clients.partnerContact.post(`/api/duties/${duty!.id}/done`, {
      doneOn: '2026-03-02',
      how: 'Phoned on her safe number',
    });
    expect(done.json().state).toBe('done');
  });

  it('refuses a transition the status machine forbids, and writes nothing', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    await clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/status`, {
      to: 'completed',
      date: '2026-06-01',
    });
    const back = await clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/status`, {
      to: 'active',
      date: '2026-06-02',
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().fields[0].path).toBe('to');
    const episode = await clients.ppManager.get(`/api/pp-episodes/${made.episodeId}`);
    expect(episode.json().status).toBe('completed');
    expect(episode.json().statusHistory.at(-1).to).toBe('completed');
  });

  it('refuses a joint case without her consent', async () => {
    const { clients, users } = scenario;
    const made = await makeJointCase(scenario);
    const revoke = await clients.vssManager.post(`/api/consents/${await consentId(made.herId)}/revoke`, {
      revokedOn: '2026-02-01',
    });
    expect(revoke.statusCode).toBe(200);
    const second = await clients.vssManager.post('/api/vss-episodes', {
      personId: made.herId,
      intakeDate: '2026-02-02',
    });
    const attempt = await clients.vssManager.post('/api/joint-cases', {
      ppEpisodeId: made.episodeId,
      vssEpisodeId: second.json().id,
      consentId: await consentId(made.herId),
      ppCaseManagerId: users.ppManager.id,
      vssCaseManagerId: users.vssManager.id,
      agreement: { validFrom: '2026-02-02', validTo: '2026-12-31' },
    });
    expect([409, 400]).toContain(attempt.statusCode);
    expect(attempt.json().fields[0].path).toBe('consentId');
  });

  it('keeps the barrier inside one organisation that runs both sides', async () => {
    const { clients, agencies } = scenario;
    const referral = await clients.combinedPp.post('/api/referrals', {
      person: { firstName: 'Gino', lastName: 'Barriera' },
      pathway: 'voluntary',
      referralDate: '2026-02-01',
    });
    const episodeId = referral.json().id;
    await clients.combinedPp.post(`/api/pp-episodes/${episodeId}/release`, {
      signedOn: '2026-02-01',
      scope: ['programme'],
      partners: [
        {
          firstName: 'Anna',
          lastName: 'Muro',
          relationship: 'former',
          partnerContactAgencyId: agencies.combined.id,
          contact: { address: 'Vicolo Stretto 3' },
        },
      ],
    });
    const found = await clients.combinedPp.get('/api/people/search?q=Anna%20Muro');
    expect(found.json().items).toEqual([]);
    const foundByVictimSide = await clients.combinedVss.get('/api/people/search?q=anna%20muro');
    expect(foundByVictimSide.json().items).toHaveLength(1);
    const herId = foundByVictimSide.json().items[0].personId;
    expect((await clients.combinedVss.get(`/api/people/${herId}`)).json().contact.address).toBe(
      'Vicolo Stretto 3',
    );
    expect((await clients.combinedPp.get(`/api/people/${herId}`)).statusCode).toBe(404);
  });

  it('finds people despite accents and small typos', async () => {
    const { clients } = scenario;
    await clients.ppManager.post('/api/referrals', {
      person: { firstName: 'Zoë', lastName: 'Müllerová' },
      pathway: 'voluntary',
      referralDate: '2026-02-01',
    });
    expect((await clients.ppManager.get('/api/people/search?q=zoe%20mullerova')).json().items).toHaveLength(
      1,
    );
    expect(
      (await clients.ppManager.get('/api/people/search?q=Mulerova')).json().items.length,
    ).toBeGreaterThan(0);
  });
});

describe('consent dated in the future', () => {
  it('is not yet in force: a share resting on it is refused', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    // Tomorrow in the network's zone: that is the day the consent is judged on.
    const tomorrow = addDays(dateIn(DEFAULT_TIME_ZONE, system.clock.now()), 1);
    await clients.vssManager.post(`/api/victims/${made.herId}/consents`, {
      scope: 'share_disclosures',
      givenOn: tomorrow,
    });
    const disclosure = await clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
      disclosedOn: '2026-02-01',
      content: 'He follows her to work',
    });
    const share = await clients.vssManager.post(`/api/disclosures/${disclosure.json().id}/share`, {
      jointCaseId: made.jointCaseId,
    });
    expect(share.statusCode).toBe(409);
    expect(share.json().error).toBe('no_consent');
  });
});

describe('time-bound agreements', () => {
  it('takes the grants away the day after the case-level agreement ends, with no job running', async () => {
    const made = await makeJointCase(scenario, { herAddress: 'Via Scaduta 1' });
    const { clients } = scenario;
    const db = system.database.db;
    const today = dateIn(DEFAULT_TIME_ZONE, system.clock.now());
    // The scene: the agreement was signed to end today, and the grants carry its dates (they are
    // recomputed whenever the facts of the case change, as here).
    const { agreement_id: agreementId } = await db
      .selectFrom('joint_case')
      .select('agreement_id')
      .where('id', '=', made.jointCaseId)
      .executeTakeFirstOrThrow();
    await db.updateTable('agreement').set({ valid_to: today }).where('id', '=', agreementId).execute();
    await recomputeGrantsForAgreement(
      { db, audit: new AuditRecorder(null, null), clock: system.clock },
      agreementId,
    );
    const started = system.clock.now();
    try {
      // Late on its last day the police still see his programme; ten minutes after midnight they do not.
      system.clock.set(instantAt(DEFAULT_TIME_ZONE, today, 23, 50));
      expect((await clients.police.get(`/api/pp-episodes/${made.episodeId}`)).statusCode).toBe(200);
      system.clock.set(instantAt(DEFAULT_TIME_ZONE, addDays(today, 1), 0, 10));
      expect((await clients.police.get(`/api/pp-episodes/${made.episodeId}`)).statusCode).toBe(404);
      // Her service (here also the partner-contact service) still sees his programme: that rests on his release.
      expect((await clients.partnerContact.get(`/api/pp-episodes/${made.episodeId}`)).statusCode).toBe(200);
    } finally {
      system.clock.set(started);
    }
  });
});

async function consentId(personId: string) {
  const row = await system.database.db
    .selectFrom('consent')
    .select('id')
    .where('person_id', '=', personId)
    .where('scope', '=', 'joint_case')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}
