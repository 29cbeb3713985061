import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inAuditedTransaction } from '../data/transaction.js';
import { recomputeGrants } from '../services/consequences/access-grants.js';
import { caseBuilder, isoDay } from '../testing/case-builder.js';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

/**
 * The same command twice at once (issue: concurrency): what it sets off happens once. On
 * PostgreSQL the two run in two transactions on two connections; on PGlite they take turns.
 */

let system: TestSystem;
let scenario: NetworkScenario;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
}, 120_000);
afterAll(() => system?.close());

describe('twice at once', () => {
  it('rewrites an episode’s grants once when two commands recompute them together', async () => {
    const { openCase, grantsOf } = caseBuilder(system, () => scenario);
    const made = await openCase({ withChild: true });
    const expected = (await grantsOf(made.episodeId)).length;
    expect(expected).toBeGreaterThan(0);
    const recompute = () =>
      inAuditedTransaction(system.database.db, null, null, (trx, audit) =>
        recomputeGrants({ db: trx, audit, clock: system.clock }, made.episodeId),
      );
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await Promise.all([recompute(), recompute(), recompute()]);
      expect(await grantsOf(made.episodeId)).toHaveLength(expected);
    }
  });

  it('moves his programme once, and raises one duty per partner, when the same change arrives twice', async () => {
    const { openCase } = caseBuilder(system, () => scenario);
    const made = await openCase();
    const duties = () =>
      system.database.db
        .selectFrom('duty_to_inform')
        .select('id')
        .where('episode_id', '=', made.episodeId)
        .where('trigger', '=', 'status_suspended')
        .execute();
    const suspend = () =>
      scenario.clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/status`, {
        to: 'suspended',
        date: isoDay(0),
        reason: 'Missed sessions',
      });
    const answers = await Promise.all([suspend(), suspend()]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(await duties()).toHaveLength(1);
    const changes = await system.database.db
      .selectFrom('pp_status_change')
      .select('to_status')
      .where('episode_id', '=', made.episodeId)
      .where('to_status', '=', 'suspended')
      .execute();
    expect(changes).toHaveLength(1);
  });
});
