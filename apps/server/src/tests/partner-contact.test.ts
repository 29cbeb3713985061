import { PARTNER_CONTACT_TOPICS, PARTNER_CONTACT_TOPICS_ON_REQUEST } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';

/**
 * Partner contact as the WWP EN standards describe it (docs/domain.md, "Partner contact"): his
 * release as a condition of enrolment, what she is told as a checklist across her contacts, the
 * offer made to every partner he named, that contact itself may be unsafe, and her safety plan
 * where no victim service supports her. Through the API, on the real database.
 */

const { world, db } = caseWorld();

const RELEASE_SCOPE = ['programme', 'safety_concerns', 'risk', 'recidivism', 'questionnaires'];
let counter = 0;

/** His referral, moved to intake: the step before enrolment. */
async function atIntake() {
  const { clients } = world.scenario;
  counter += 1;
  const referral = await must(
    clients.ppManager.post('/api/referrals', {
      person: { firstName: 'Bruno', lastName: `Contatto${counter}` },
      pathway: 'voluntary',
      referralDate: isoDay(-20),
    }),
    201,
    'referral',
  );
  await must(
    clients.ppManager.post(`/api/pp-episodes/${referral.id}/status`, { to: 'intake', date: isoDay(-15) }),
    200,
    'intake',
  );
  return referral.id as string;
}

/** His release naming one partner for the scenario's women's centre; her record's id. */
async function namingHer(episodeId: string, firstName: string): Promise<string> {
  const { clients, agencies } = world.scenario;
  await must(
    clients.ppManager.post(`/api/pp-episodes/${episodeId}/release`, {
      signedOn: isoDay(-14),
      scope: RELEASE_SCOPE,
      partners: [
        {
          firstName,
          lastName: `Contatto${counter}`,
          relationship: 'current',
          partnerContactAgencyId: agencies.vss.id,
          contact: { address: `Via Nascosta ${counter}`, phone: '+39 000 111 2222' },
        },
      ],
    }),
    200,
    'release',
  );
  const forVictimSide = await must(
    clients.partnerContact.get(`/api/pp-episodes/${episodeId}`),
    200,
    'episode',
  );
  return forVictimSide.partners[0].partnerPersonId as string;
}

const activate = (episodeId: string) =>
  world.scenario.clients.ppManager.post(`/api/pp-episodes/${episodeId}/status`, {
    to: 'active',
    date: isoDay(-10),
  });

describe('his release and his partners are a condition of enrolment', () => {
  it('refuses to make an episode active without a signed release, naming the field, and changes nothing', async () => {
    const episodeId = await atIntake();
    const refused = await activate(episodeId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fields).toEqual([{ path: 'release', message: expect.any(String) }]);
    const episode = await must(
      world.scenario.clients.ppManager.get(`/api/pp-episodes/${episodeId}`),
      200,
      'ep',
    );
    expect(episode.status).toBe('intake');
    expect(episode.statusHistory.map((change: { to: string }) => change.to)).toEqual(['referred', 'intake']);
  });

  it('refuses a release that names no partner and gives no reason (release.partners)', async () => {
    const episodeId = await atIntake();
    await must(
      world.scenario.clients.ppManager.post(`/api/pp-episodes/${episodeId}/release`, {
        signedOn: isoDay(-14),
        scope: ['programme'],
      }),
      200,
      'release without partners',
    );
    const refused = await activate(episodeId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fields[0].path).toBe('release.partners');
  });

  it('accepts a release that records why he names no partner, and shows the reason to the programme', async () => {
    const { clients } = world.scenario;
    const episodeId = await atIntake();
    await must(
      clients.ppManager.post(`/api/pp-episodes/${episodeId}/release`, {
        signedOn: isoDay(-14),
        scope: ['programme'],
        noPartnersReason: 'No current or former partner: checked with probation',
      }),
      200,
      'release with a reason',
    );
    expect((await must(activate(episodeId), 200, 'active')).status).toBe('active');
    const episode = await must(clients.ppManager.get(`/api/pp-episodes/${episodeId}`), 200, 'episode');
    expect(episode.release.noPartnersReason).toBe('No current or former partner: checked with probation');
  });

  it('refuses a reason for naming no partner in a release that names one (noPartnersReason)', async () => {
    const { clients, agencies } = world.scenario;
    const episodeId = await atIntake();
    const refused = await clients.ppManager.post(`/api/pp-episodes/${episodeId}/release`, {
      signedOn: isoDay(-14),
      scope: ['programme'],
      noPartnersReason: 'None',
      partners: [
        {
          firstName: 'Ada',
          lastName: 'Doppia',
          relationship: 'former',
          partnerContactAgencyId: agencies.vss.id,
        },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('noPartnersReason');
    expect(
      await db()
        .selectFrom('release_of_information')
        .select('episode_id')
        .where('episode_id', '=', episodeId)
        .execute(),
    ).toEqual([]);
  });

  it('activates an episode whose release names his partners', async () => {
    const episodeId = await atIntake();
    await namingHer(episodeId, 'Irene');
    expect((await must(activate(episodeId), 200, 'active')).status).toBe('active');
  });
});

describe('what she is told, across her contacts', () => {
  it('lists the topics told with the day first told, and those still to offer her', async () => {
    const { clients } = world.scenario;
    const episodeId = await atIntake();
    const herId = await namingHer(episodeId, 'Giulia');
    const log = (contactedOn: string, outcome: string, topicsCovered: string[]) =>
      must(
        clients.partnerContact.post(`/api/victims/${herId}/partner-contacts`, {
          ppEpisodeId: episodeId,
          contactedOn,
          channel: 'phone',
          outcome,
          topicsCovered,
        }),
        201,
        'contact',
      );
    await log(isoDay(-9), 'unreachable', []);
    await log(isoDay(-8), 'reached', ['programme_goals_content', 'limits_no_guarantee']);
    await log(isoDay(-3), 'reached', [
      'limits_no_guarantee',
      'ability_to_change_benchmarks',
      'module_contents',
    ]);
    const file = await must(clients.partnerContact.get(`/api/victims/${herId}`), 200, 'her file');
    const named = file.namedIn.find((entry: { ppEpisodeId: string }) => entry.ppEpisodeId === episodeId);
    expect(named.topics.told).toEqual([
      { topic: 'programme_goals_content', firstToldOn: isoDay(-8) },
      { topic: 'limits_no_guarantee', firstToldOn: isoDay(-8) },
      { topic: 'ability_to_change_benchmarks', firstToldOn: isoDay(-3) },
      { topic: 'module_contents', firstToldOn: isoDay(-3) },
    ]);
    const told = new Set(['programme_goals_content', 'limits_no_guarantee', 'ability_to_change_benchmarks']);
    expect(named.topics.remaining).toEqual(
      PARTNER_CONTACT_TOPICS.filter(
        (topic) => !told.has(topic) && !PARTNER_CONTACT_TOPICS_ON_REQUEST.includes(topic),
      ),
    );
    // The first offer, even though it did not reach her: when, by whom, the outcome.
    expect(named.offer).toEqual({
      offeredOn: isoDay(-9),
      offeredBy: expect.any(String),
      outcome: 'unreachable',
    });
    expect(named.offer.offeredBy).not.toBe('');
  });

  it('refuses a topic that is not on the list, naming the field', async () => {
    const { clients } = world.scenario;
    const episodeId = await atIntake();
    const herId = await namingHer(episodeId, 'Paola');
    const refused = await clients.partnerContact.post(`/api/victims/${herId}/partner-contacts`, {
      ppEpisodeId: episodeId,
      contactedOn: isoDay(-1),
      channel: 'phone',
      outcome: 'reached',
      topicsCovered: ['how_to_help_him_attend'],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('topicsCovered.0');
  });
});

describe('every partner he named is offered contact', () => {
  it('lists her as due work until an offer is logged, then not', async () => {
    const { clients } = world.scenario;
    const episodeId = await atIntake();
    const herId = await namingHer(episodeId, 'Marta');
    const before = await must(clients.partnerContact.get('/api/home'), 200, 'home');
    expect(before.newReferrals.map((item: { partnerPersonId: string }) => item.partnerPersonId)).toContain(
      herId,
    );
    const file = await must(clients.partnerContact.get(`/api/victims/${herId}`), 200, 'her file');
    expect(file.namedIn[0].offer).toBeNull();
    await must(
      clients.partnerContact.post(`/api/victims/${herId}/partner-contacts`, {
        ppEpisodeId: episodeId,
        contactedOn: isoDay(-1),
        channel: 'letter',
        outcome: 'unreachable',
      }),
      201,
      'offer',
    );
    const after = await must(clients.partnerContact.get('/api/home'), 200, 'home');
    expect(after.newReferrals.map((item: { partnerPersonId: string }) => item.partnerPersonId)).not.toContain(
      herId,
    );
    // The programme is told nothing of the offer: no list of partners to contact, no outcome.
    const programme = await must(clients.ppManager.get('/api/home'), 200, 'programme home');
    expect(programme.newReferrals).toBeUndefined();
    expect(programme.safetyPlansDue).toBeUndefined();
  });
});

describe('that contact itself may be unsafe', () => {
  it('is recorded encrypted by her service, read by its victim side only', async () => {
    const { clients } = world.scenario;
    const episodeId = await atIntake();
    const herId = await namingHer(episodeId, 'Nadia');
    const concern = 'He reads her e-mail; her sister answers the phone';
    const measures = 'Contact only through her GP surgery, never by e-mail';
    await must(
      clients.partnerContact.post(`/api/victims/${herId}/contact-safety-concerns`, {
        recordedOn: isoDay(-2),
        concern,
        measures,
      }),
      201,
      'concern',
    );
    const file = await must(clients.vssManager.get(`/api/victims/${herId}`), 200, 'her file');
    expect(file.contactSafetyConcerns).toEqual([
      { id: expect.any(String), recordedOn: isoDay(-2), concern, measures, recordedBy: expect.any(String) },
    ]);
    const row = await db()
      .selectFrom('contact_safety_concern')
      .selectAll()
      .where('person_id', '=', herId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('GP surgery');
    expect(JSON.stringify(row)).not.toContain('her sister');
    for (const client of [clients.ppManager, clients.ppAdmin, clients.combinedPp]) {
      const refused = await client.get(`/api/victims/${herId}`);
      expect(refused.statusCode).toBe(404);
      expect(refused.body).not.toContain('GP surgery');
      const write = await client.post(`/api/victims/${herId}/contact-safety-concerns`, {
        recordedOn: isoDay(-1),
        concern: 'x',
        measures: 'y',
      });
      expect(write.statusCode).toBe(404);
    }
    const programmeView = await clients.ppManager.get(`/api/pp-episodes/${episodeId}`);
    expect(programmeView.body).not.toContain('GP surgery');
  });

  it('refuses an empty concern or measures, and a date in the future, naming the field', async () => {
    const { clients } = world.scenario;
    const episodeId = await atIntake();
    const herId = await namingHer(episodeId, 'Olga');
    const post = (body: Record<string, unknown>) =>
      clients.partnerContact.post(`/api/victims/${herId}/contact-safety-concerns`, {
        recordedOn: isoDay(0),
        concern: 'c',
        measures: 'm',
        ...body,
      });
    for (const [field, body] of [
      ['concern', { concern: '  ' }],
      ['measures', { measures: '' }],
      ['recordedOn', { recordedOn: isoDay(3) }],
    ] as const) {
      const refused = await post(body);
      expect(refused.statusCode, field).toBe(400);
      expect(refused.json().fields[0].path).toBe(field);
    }
    expect(
      await db().selectFrom('contact_safety_concern').select('id').where('person_id', '=', herId).execute(),
    ).toEqual([]);
  });
});

describe("the programme's duty towards her safety plan", () => {
  it('asks the partner-contact worker for a safety plan where no victim service supports her', async () => {
    const { clients } = world.scenario;
    const episodeId = await atIntake();
    const herId = await namingHer(episodeId, 'Teresa');
    const due = async () =>
      (await must(clients.partnerContact.get('/api/home'), 200, 'home')).safetyPlansDue.map(
        (item: { partnerPersonId: string }) => item.partnerPersonId,
      );
    expect(await due()).toContain(herId);
    await must(
      clients.partnerContact.put(`/api/victims/${herId}/safety-plans/safety`, {
        protectionMeasures: 'A bag at her sister’s',
      }),
      200,
      'safety plan',
    );
    expect(await due()).not.toContain(herId);
  });

  it('does not ask while her service supports her, nor once she declined contact', async () => {
    const { clients } = world.scenario;
    const supported = await namingHer(await atIntake(), 'Rita');
    await must(
      clients.vssManager.post('/api/vss-episodes', { personId: supported, intakeDate: isoDay(-1) }),
      201,
      'support',
    );
    const declinedEpisode = await atIntake();
    const declined = await namingHer(declinedEpisode, 'Vera');
    await must(
      clients.partnerContact.post(`/api/victims/${declined}/partner-contacts`, {
        ppEpisodeId: declinedEpisode,
        contactedOn: isoDay(-1),
        channel: 'phone',
        outcome: 'declined',
      }),
      201,
      'declined',
    );
    const home = await must(clients.partnerContact.get('/api/home'), 200, 'home');
    const listed = home.safetyPlansDue.map((item: { partnerPersonId: string }) => item.partnerPersonId);
    expect(listed).not.toContain(supported);
    expect(listed).not.toContain(declined);
  });
});
