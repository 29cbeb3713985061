/**
 * Her details in joint text the programme reads as written (docs/domain.md, information-flow
 * rule 1): the informal contacts of a case and the agreed level's rationale are checked like the
 * meetings' text; the 409 names the field and, in `detail`, which of her details it holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBuilder, isoDay, must } from '../testing/case-builder.js';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
let scenario: NetworkScenario;
let cases: ReturnType<typeof caseBuilder>;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
  cases = caseBuilder(system, () => scenario);
});
afterAll(() => system?.close());

const HER_ADDRESS = 'Via Giosuè Carducci 12, Bologna';

describe('her details in joint text', () => {
  it('asks her side before an informal contact holding her details is saved — and never asks him', async () => {
    const { clients } = scenario;
    const made = await cases.openCase({ herAddress: HER_ADDRESS });
    const url = `/api/joint-cases/${made.jointCaseId}/informal-contacts`;
    const contact = {
      occurredOn: isoDay(-1),
      withWhom: 'Her sister, on +39 333 000 0000',
      summary: 'She is staying at via giosue CARDUCCI 12 for now',
    };

    const asked = await clients.vssManager.post(url, contact);
    expect(asked.statusCode).toBe(409);
    expect(asked.json()).toMatchObject({ error: 'her_details' });
    expect(asked.json().fields).toEqual([
      expect.objectContaining({ path: 'withWhom', detail: 'phone' }),
      expect.objectContaining({ path: 'summary', detail: 'address' }),
    ]);
    await must(clients.vssManager.post(url, { ...contact, confirmHerDetails: true }), 201, 'confirmed');
    // His side is never told that a text matches her details: the comparison does not run.
    await must(clients.ppManager.post(url, contact), 201, 'his side');

    const view = await must(clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`), 200, 'case');
    expect(view.informalContacts).toHaveLength(2);
  });

  it('asks before the agreed level’s rationale holding her details is saved', async () => {
    const { clients } = scenario;
    const made = await cases.openCase({ herAddress: HER_ADDRESS });
    const url = `/api/joint-cases/${made.jointCaseId}/agreed-level`;
    const agreement = {
      level: 'high',
      rationale: 'He knows she moved to Via Giosuè Carducci 12',
      agreedOn: isoDay(0),
    };

    const asked = await clients.vssManager.post(url, agreement);
    expect(asked.statusCode).toBe(409);
    expect(asked.json().fields).toEqual([
      { path: 'rationale', message: expect.any(String), detail: 'address' },
    ]);
    // Nothing was agreed while she was asked.
    expect(
      (await must(clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/risk`), 200, 'risk')).agreed,
    ).toBe(null);
    const agreed = await must(
      clients.vssManager.post(url, { ...agreement, confirmHerDetails: true }),
      200,
      'agreed',
    );
    expect(agreed.agreed).toMatchObject({ level: 'high', rationale: agreement.rationale });
    const audit = await system.database.db
      .selectFrom('audit_event')
      .select('action')
      .where('resource_id', '=', made.jointCaseId)
      .where('action', 'like', 'her_details.%')
      .execute();
    expect(audit.map((event) => event.action)).toEqual(['her_details.detected', 'her_details.confirmed']);
  });
});
