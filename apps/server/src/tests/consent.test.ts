import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBuilder, isoDay } from '../testing/case-builder.js';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

/** Her consent: revocation takes effect at once (docs/domain.md), through the API and checked in the database. */

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
const grantsOf = (episodeId: string) => build.grantsOf(episodeId);
const auditRows = (...args: Parameters<ReturnType<typeof caseBuilder>['auditRows']>) =>
  build.auditRows(...args);

describe('revoking her consent', () => {
  it('removes what rested on the joint_case consent in the same request: grants and the API', async () => {
    const { clients, agencies } = scenario;
    const made = await openCase({ withChild: true });
    const before = await grantsOf(made.episodeId);
    expect(before.filter((grant) => grant.basis.kind === 'joint_case').length).toBeGreaterThan(0);
    expect(before).toContainEqual(
      expect.objectContaining({
        subject_person_id: made.himId,
        agency_id: agencies.police.id,
        kind: 'programme',
      }),
    );
    expect(before).toContainEqual(
      expect.objectContaining({
        subject_person_id: made.childId,
        agency_id: agencies.pp.id,
        side: 'perpetrator',
        kind: 'children',
      }),
    );
    expect((await clients.police.get(`/api/pp-episodes/${made.episodeId}`)).statusCode).toBe(200);
    expect((await clients.ppManager.get(`/api/people/${made.childId}`)).statusCode).toBe(200);

    const revoked = await clients.vssManager.post(`/api/consents/${made.consentIds.joint_case}/revoke`, {
      revokedOn: isoDay(0),
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedOn).toBe(isoDay(0));

    const after = await grantsOf(made.episodeId);
    expect(after.filter((grant) => grant.basis.kind === 'joint_case')).toEqual([]);
    // Partner contact, resting on his release, goes on.
    expect(after.map((grant) => `${grant.agency_id} ${grant.side} ${grant.kind}`).sort()).toEqual(
      ['programme', 'questionnaires', 'recidivism', 'risk', 'safety_concerns'].map(
        (kind) => `${agencies.vss.id} victim ${kind}`,
      ),
    );
    expect((await clients.police.get(`/api/pp-episodes/${made.episodeId}`)).statusCode).toBe(404);
    const policePage = await clients.police.get(`/api/joint-cases/${made.jointCaseId}`);
    expect(policePage.json().perpetratorSide ?? null).toBeNull();
    expect(policePage.json().children ?? []).toEqual([]);
    expect((await clients.ppManager.get(`/api/people/${made.childId}`)).statusCode).toBe(404);
    expect((await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`)).json().children).toEqual([]);

    const audit = await auditRows({ action: 'consent.revoke', resourceId: made.consentIds.joint_case });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.subject_person_id).toBe(made.herId);
  });

  it('removes a further agency’s access to her contact details when she revokes that consent', async () => {
    const { clients, agencies } = scenario;
    const made = await openCase({
      policeReceives: ['programme', 'victim_contact'],
      consents: [{ scope: 'share_contact_details', recipientAgencyId: agencies.police.id }],
    });
    const contactConsent = made.consentIds[`share_contact_details:${agencies.police.id}`]!;
    const toPolice = (grants: Awaited<ReturnType<typeof grantsOf>>) =>
      grants.filter(
        (grant) => grant.subject_person_id === made.herId && grant.agency_id === agencies.police.id,
      );
    expect(toPolice(await grantsOf(made.episodeId))).toEqual([
      expect.objectContaining({
        side: 'neutral',
        kind: 'victim_contact',
        basis: expect.objectContaining({ consentId: contactConsent }),
      }),
    ]);

    expect(
      (await clients.vssManager.post(`/api/consents/${contactConsent}/revoke`, { revokedOn: isoDay(0) }))
        .statusCode,
    ).toBe(200);
    const after = await grantsOf(made.episodeId);
    expect(toPolice(after)).toEqual([]);
    // The joint case itself still stands on her joint_case consent.
    expect(after).toContainEqual(
      expect.objectContaining({
        subject_person_id: made.himId,
        agency_id: agencies.police.id,
        kind: 'programme',
      }),
    );

    const again = await clients.vssManager.post(`/api/consents/${contactConsent}/revoke`, {
      revokedOn: isoDay(0),
    });
    expect(again.statusCode).toBe(409);
  });

  it('cannot be revoked by the programme, and the attempt changes nothing', async () => {
    const { clients } = scenario;
    const made = await openCase();
    const before = await grantsOf(made.episodeId);
    const attempt = await clients.ppManager.post(`/api/consents/${made.consentIds.joint_case}/revoke`, {
      revokedOn: isoDay(0),
    });
    expect(attempt.statusCode).toBe(404);
    expect(await grantsOf(made.episodeId)).toEqual(before);
    const consent = await db()
      .selectFrom('consent')
      .select('revoked_on')
      .where('id', '=', made.consentIds.joint_case)
      .executeTakeFirstOrThrow();
    expect(consent.revoked_on).toBeNull();
  });

  it('closing the joint case also ends what flowed through it', async () => {
    const { clients, agencies } = scenario;
    const made = await openCase();
    expect((await clients.partnerContact.post(`/api/joint-cases/${made.jointCaseId}/close`)).statusCode).toBe(
      404,
    );
    expect((await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/close`)).statusCode).toBe(
      200,
    );
    const after = await grantsOf(made.episodeId);
    expect(after.filter((grant) => grant.basis.kind === 'joint_case')).toEqual([]);
    expect(after.filter((grant) => grant.agency_id === agencies.police.id)).toEqual([]);
    expect((await clients.police.get(`/api/pp-episodes/${made.episodeId}`)).statusCode).toBe(404);
  });
});
