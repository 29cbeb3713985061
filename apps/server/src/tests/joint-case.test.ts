import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBuilder, isoDay, must } from '../testing/case-builder.js';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

/** Opening the joint case (docs/domain.md), through the API and checked in the database. */

let system: TestSystem;
let scenario: NetworkScenario;
let build: ReturnType<typeof caseBuilder>;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
  build = caseBuilder(system, () => scenario);
});
afterAll(() => system?.close());

const db = () => system.database.db;
const openCase = (...args: Parameters<ReturnType<typeof caseBuilder>['openCase']>) => build.openCase(...args);

describe('opening the joint case', () => {
  it('refuses a second joint case for the same man and woman with 409 naming the field, and writes nothing', async () => {
    const { clients, users, agencies } = scenario;
    const made = await openCase();
    const support = await must(
      clients.vssManager.post('/api/vss-episodes', { personId: made.herId, intakeDate: isoDay(-1) }),
      201,
      'second support episode',
    );
    const agreementsBefore = await db()
      .selectFrom('agreement')
      .select('id')
      .where('level', '=', 'case')
      .execute();
    const again = await clients.vssManager.post('/api/joint-cases', {
      ppEpisodeId: made.episodeId,
      vssEpisodeId: support.id,
      consentId: made.consentIds.joint_case,
      ppCaseManagerId: users.ppManager.id,
      vssCaseManagerId: users.vssManager.id,
      agreement: {
        validFrom: isoDay(0),
        validTo: isoDay(30),
        otherParties: [{ agencyId: agencies.police.id, receives: [] }],
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].path).toBe('ppEpisodeId');
    expect(await db().selectFrom('agreement').select('id').where('level', '=', 'case').execute()).toEqual(
      agreementsBefore,
    );
    expect(
      await db().selectFrom('joint_case').select('id').where('pp_episode_id', '=', made.episodeId).execute(),
    ).toHaveLength(1);
  });

  it('is opened by her case manager only', async () => {
    const { clients, users } = scenario;
    const made = await openCase();
    for (const client of [clients.ppManager, clients.partnerContact, clients.police, clients.vssAdmin]) {
      const refused = await client.post('/api/joint-cases', {
        ppEpisodeId: made.episodeId,
        vssEpisodeId: made.episodeId,
        consentId: made.consentIds.joint_case,
        ppCaseManagerId: users.ppManager.id,
        vssCaseManagerId: users.vssManager.id,
        agreement: { validFrom: isoDay(0), validTo: isoDay(30) },
      });
      expect(refused.statusCode).toBe(403);
    }
  });
});
