import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { systemDb } from '../data/system-db.js';
import type { Database } from '../db/schema.js';
import { addDays, dateIn, instantAt } from '../domain/clock.js';
import { InjectClient } from '../http/inject-client.js';
import { DEMO_NETWORK, DEMO_PASSWORD } from './demo-network.js';

/**
 * The demo's caseworkers at their desks, for writing the demo's cases (demo-cases.ts): signed in
 * through the API as themselves, with the demo network's agencies and accounts by name, dates
 * counted back from the network's today, and the steps every story repeats (a referral taken to
 * a status, his release naming her, a partner contact).
 */
export async function openDemoDesk(app: FastifyInstance, database: Kysely<Database>, config: Config) {
  const db = systemDb(database, 'demo_seed');
  const agencies = new Map(
    (await db.selectFrom('agency').select(['id', 'name']).execute()).map((row) => [row.name, row.id]),
  );
  const users = new Map(
    (await db.selectFrom('app_user').select(['id', 'email']).execute()).map((row) => [row.email, row.id]),
  );
  const agency = (name: string) => must(agencies.get(name), name);
  const user = (email: string) => must(users.get(email), email);
  const oltre = agency('Oltre — Perpetrator Programme');
  const casa = agency("Casa delle Donne — Women's Support Centre");
  const police = agency('Polizia di Stato — Questura');
  const probation = agency('UEPE — Probation Office');

  const today = dateIn(DEMO_NETWORK.time_zone, new Date());
  const day = (offset: number) => addDays(today, offset);
  const at = (offset: number, hour: number) => instantAt(DEMO_NETWORK.time_zone, day(offset), hour);

  const signIn = async (email: string) => {
    const client = new InjectClient(app, config.sessionCookieName);
    await expect(client.signIn(email, DEMO_PASSWORD), 200, `sign-in of ${email}`);
    return client;
  };
  const programme = await signIn('pp.manager@oltre.demo');
  const support = await signIn('vss.manager@casadonne.demo');
  const partnerContact = await signIn('partner.contact@casadonne.demo');
  /** Her service's second case manager: the four eyes on a share without her consent. */
  const supportLead = await signIn('vss.lead@casadonne.demo');

  /** His referral, taken to a status; with the release naming her for partner contact, if given. */
  async function refer(story: {
    him: { firstName: string; lastName: string; dateOfBirth: string };
    referredDaysAgo: number;
    pathway: 'mandatory' | 'recommended' | 'voluntary';
    steps: Array<{ to: string; daysAgo: number; reason?: string }>;
    her?: {
      firstName: string;
      lastName: string;
      relationship: 'current' | 'former';
      address: string;
      phone: string;
    };
  }) {
    const referral = await expect(
      programme.post('/api/referrals', {
        person: story.him,
        pathway: story.pathway,
        referralDate: day(-story.referredDaysAgo),
        // Sent by the probation office, or come of his own accord.
        ...(story.pathway !== 'voluntary' && { referringAgencyId: probation }),
        ...(story.pathway === 'mandatory' && {
          order: {
            kind: 'probation',
            reference: 'DEMO-UEPE-0042',
            conditions: 'Attend a perpetrator programme for 12 months',
            startsOn: day(-story.referredDaysAgo),
          },
        }),
      }),
      201,
      'referral',
    );
    const episodeId = referral.id as string;
    let herId: string | null = null;
    for (const step of story.steps) {
      if (story.her && step.to === 'active') herId = await release(episodeId, story.her, step.daysAgo + 2);
      await expect(
        programme.post(`/api/pp-episodes/${episodeId}/status`, {
          to: step.to,
          date: day(-step.daysAgo),
          ...(step.reason && { reason: step.reason }),
        }),
        200,
        `status ${step.to}`,
      );
    }
    if (story.her && herId === null) herId = await release(episodeId, story.her, story.referredDaysAgo - 1);
    return { episodeId, herId };
  }

  async function release(
    episodeId: string,
    her: NonNullable<Parameters<typeof refer>[0]['her']>,
    daysAgo: number,
  ): Promise<string> {
    await expect(
      programme.post(`/api/pp-episodes/${episodeId}/release`, {
        signedOn: day(-daysAgo),
        scope: ['programme', 'safety_concerns', 'risk', 'recidivism', 'questionnaires'],
        partners: [
          {
            firstName: her.firstName,
            lastName: her.lastName,
            relationship: her.relationship,
            partnerContactAgencyId: casa,
            contact: { address: her.address, phone: her.phone },
          },
        ],
      }),
      200,
      'release',
    );
    // Her record is on the victim side: her partner-contact service finds it through his episode.
    const episode = await expect(partnerContact.get(`/api/pp-episodes/${episodeId}`), 200, 'episode');
    return episode.partners[0].partnerPersonId as string;
  }

  const contactHer = (herId: string, episodeId: string, daysAgo: number) =>
    expect(
      partnerContact.post(`/api/victims/${herId}/partner-contacts`, {
        ppEpisodeId: episodeId,
        contactedOn: day(-daysAgo),
        channel: 'phone',
        outcome: 'reached',
        topicsCovered: ['programme_goals_content', 'limits_no_guarantee', 'support_and_safety_planning'],
        hopesAndFears:
          'Hopes he will stop shouting in front of the child; fears he attends only for the court.',
        herViewOfRisk: 'Afraid when he drinks at weekends.',
      }),
      201,
      'partner contact',
    );

  return {
    db,
    day,
    at,
    user,
    agencies: { oltre, casa, police, probation },
    programme,
    support,
    supportLead,
    partnerContact,
    refer,
    contactHer,
    /** Every caseworker signs out: the seed leaves no session behind. */
    async close() {
      for (const client of [programme, support, supportLead, partnerContact])
        await client.post('/api/auth/logout');
    },
  };
}

export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`The demo's cases need ${what}`);
  return value;
}

/** The answer's JSON; anything else stops the seed, naming the step (a demo half-made says so). */
export async function expect(
  response: Promise<LightMyRequestResponse>,
  status: number,
  what: string,
  // biome-ignore lint/suspicious/noExplicitAny: the seed reads the few fields it needs
): Promise<any> {
  const answer = await response;
  if (answer.statusCode !== status)
    throw new Error(`The demo's cases stopped at "${what}": ${answer.statusCode} ${answer.body}`);
  return answer.body ? answer.json() : null;
}

/** The demo's desk: its caseworkers signed in, the days counted back, the steps stories repeat. */
export type DemoDesk = Awaited<ReturnType<typeof openDemoDesk>>;
