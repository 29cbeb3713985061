import type { InformationKind } from '@tandem/shared';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit-trail.js';
import { makeAgency, makeUser } from '../testing/factories.js';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { signInFully, startTestSystem, type TestSystem } from '../testing/test-system.js';

/** The casework rules of DOMAIN.md §2 and §4, each through the API and checked in the database. */

let system: TestSystem;
let scenario: NetworkScenario;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
});
afterAll(() => system?.close());

const db = () => system.database.db;
const today = new Date();
const isoDay = (offsetDays: number) =>
  new Date(today.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function must(response: Promise<LightMyRequestResponse>, status: number, what: string) {
  const answer = await response;
  if (answer.statusCode !== status) throw new Error(`${what}: ${answer.statusCode} ${answer.body}`);
  return answer.json();
}

let caseCounter = 0;

/**
 * A joint case through the API: PP refers him and names her to the VSS; the VSS opens her
 * support, records her consents and opens the joint case with the police as a further party.
 */
async function openCase(
  options: {
    policeReceives?: InformationKind[];
    consents?: Array<{ scope: string; recipientAgencyId?: string }>;
    withChild?: boolean;
    herAddress?: string;
  } = {},
) {
  const { clients, agencies, users } = scenario;
  caseCounter += 1;
  const referral = await must(
    clients.ppManager.post('/api/referrals', {
      person: { firstName: 'Marco', lastName: `Regola${caseCounter}` },
      pathway: 'voluntary',
      referralDate: isoDay(-60),
    }),
    201,
    'referral',
  );
  const episodeId = referral.id as string;
  const himId = referral.person.id as string;
  await must(
    clients.ppManager.post(`/api/pp-episodes/${episodeId}/status`, { to: 'intake', date: isoDay(-55) }),
    200,
    'intake',
  );
  await must(
    clients.ppManager.post(`/api/pp-episodes/${episodeId}/status`, { to: 'active', date: isoDay(-50) }),
    200,
    'active',
  );
  await must(
    clients.ppManager.post(`/api/pp-episodes/${episodeId}/release`, {
      signedOn: isoDay(-55),
      scope: ['programme', 'safety_concerns', 'risk', 'recidivism', 'questionnaires'],
      partners: [
        {
          firstName: 'Lucia',
          lastName: `Regola${caseCounter}`,
          relationship: 'current',
          partnerContactAgencyId: agencies.vss.id,
          contact: { address: options.herAddress ?? `Via Regola ${caseCounter}`, phone: '+39 333 000 0000' },
        },
      ],
    }),
    200,
    'release',
  );
  const herId = (await must(clients.partnerContact.get(`/api/pp-episodes/${episodeId}`), 200, 'episode'))
    .partners[0].partnerPersonId as string;
  const support = await must(
    clients.vssManager.post('/api/vss-episodes', { personId: herId, intakeDate: isoDay(-45) }),
    201,
    'support',
  );
  const consent = await must(
    clients.vssManager.post(`/api/victims/${herId}/consents`, { scope: 'joint_case', givenOn: isoDay(-45) }),
    201,
    'consent',
  );
  const consentIds: Record<string, string> & { joint_case: string } = { joint_case: consent.id };
  for (const extra of options.consents ?? []) {
    const given = await must(
      clients.vssManager.post(`/api/victims/${herId}/consents`, { ...extra, givenOn: isoDay(-45) }),
      201,
      `consent ${extra.scope}`,
    );
    consentIds[`${extra.scope}${extra.recipientAgencyId ? `:${extra.recipientAgencyId}` : ''}`] = given.id;
  }
  const childId = options.withChild
    ? ((
        await must(
          clients.vssManager.post('/api/children', {
            firstName: 'Bimba',
            lastName: `Regola${caseCounter}`,
            motherId: herId,
            childrensSchool: `Scuola ${caseCounter}`,
          }),
          201,
          'child',
        )
      ).id as string)
    : null;
  const jointCase = await must(
    clients.vssManager.post('/api/joint-cases', {
      ppEpisodeId: episodeId,
      vssEpisodeId: support.id,
      consentId: consent.id,
      childIds: childId ? [childId] : [],
      ppCaseManagerId: users.ppManager.id,
      vssCaseManagerId: users.vssManager.id,
      partnerContactWorkerId: users.partnerContact.id,
      agreement: {
        validFrom: isoDay(-45),
        validTo: isoDay(365),
        otherParties: [
          {
            agencyId: agencies.police.id,
            receives: options.policeReceives ?? ['programme', 'safety_concerns'],
          },
        ],
      },
    }),
    201,
    'joint case',
  );
  return {
    episodeId,
    himId,
    herId,
    childId,
    jointCaseId: jointCase.id as string,
    agreementId: jointCase.agreementId as string,
    consentIds,
  };
}

async function grantsOf(episodeId: string) {
  const rows = await db()
    .selectFrom('access_grant')
    .select(['subject_person_id', 'agency_id', 'side', 'kind', 'basis'])
    .where('source_episode_id', '=', episodeId)
    .execute();
  return rows.map((row) => ({ ...row, basis: row.basis as { kind: string; consentId?: string } }));
}

async function auditRows(filter: { action: string; resourceId?: string; subjectPersonId?: string }) {
  return db()
    .selectFrom('audit_event')
    .selectAll()
    .where('action', '=', filter.action)
    .$if(filter.resourceId !== undefined, (qb) => qb.where('resource_id', '=', filter.resourceId!))
    .$if(filter.subjectPersonId !== undefined, (qb) =>
      qb.where('subject_person_id', '=', filter.subjectPersonId!),
    )
    .orderBy('id')
    .execute();
}

const lastAuditId = async () =>
  String(
    (
      await db()
        .selectFrom('audit_event')
        .select(sql<string>`coalesce(max(id), 0)::text`.as('id'))
        .executeTakeFirstOrThrow()
    ).id,
  );

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

describe('sharing what she disclosed', () => {
  it('is refused with 409 naming the field without her share_disclosures consent, and writes nothing', async () => {
    const { clients } = scenario;
    const made = await openCase();
    const disclosure = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-1),
        content: 'He has a new gun',
      }),
      201,
      'disclosure',
    );
    const refused = await clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
      jointCaseId: made.jointCaseId,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'no_consent', fields: [{ path: 'recipientAgencyId' }] });
    expect(refused.body).not.toContain('He has a new gun');
    const shared = await db()
      .selectFrom('shared_item')
      .select('id')
      .where('disclosure_id', '=', disclosure.id)
      .execute();
    expect(shared).toEqual([]);
    expect((await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`)).json().sharedItems).toEqual(
      [],
    );
    const denied = await auditRows({ action: 'disclosure.share', resourceId: disclosure.id });
    expect(denied.map((row) => row.outcome)).toEqual(['denied']);
  });

  it('with her consent, reaches the programme source-protected, and the audit row carries the basis', async () => {
    const { clients } = scenario;
    const made = await openCase({ consents: [{ scope: 'share_disclosures' }] });
    const disclosure = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-1),
        content: 'He bought a new gun',
      }),
      201,
      'disclosure',
    );
    // The partner-contact worker does not decide what is shared; her case manager does.
    expect(
      (
        await clients.partnerContact.post(`/api/disclosures/${disclosure.id}/share`, {
          jointCaseId: made.jointCaseId,
        })
      ).statusCode,
    ).toBe(404);
    const share = await clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
      jointCaseId: made.jointCaseId,
    });
    expect(share.statusCode).toBe(201);

    const forPp = (await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`)).json();
    expect(forPp.sharedItems).toEqual([
      expect.objectContaining({ content: 'He bought a new gun', attribution: 'another_source' }),
    ]);
    // Only the recipient gets it: police, party to the case, do not.
    expect((await clients.police.get(`/api/joint-cases/${made.jointCaseId}`)).json().sharedItems).toEqual([]);

    const [audit] = await auditRows({ action: 'disclosure.share', resourceId: share.json().id });
    expect(audit).toMatchObject({ outcome: 'success', subject_person_id: made.herId });
    expect(audit!.basis).toEqual({
      agreementId: made.agreementId,
      consentId: made.consentIds.share_disclosures,
      jointCaseId: made.jointCaseId,
    });
    expect(JSON.stringify(audit)).not.toContain('new gun');

    // Her file counts the share; revoking the consent stops the next one at once.
    const file = (await clients.vssManager.get(`/api/victims/${made.herId}`)).json();
    expect(file.disclosures.find((item: { id: string }) => item.id === disclosure.id).sharedCount).toBe(1);
    await must(
      clients.vssManager.post(`/api/consents/${made.consentIds.share_disclosures}/revoke`, {
        revokedOn: isoDay(0),
      }),
      200,
      'revoke',
    );
    const afterRevoke = await clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
      jointCaseId: made.jointCaseId,
    });
    expect(afterRevoke.statusCode).toBe(409);
  });

  it.each([
    [
      'the case-level agreement has expired',
      async (made: Awaited<ReturnType<typeof openCase>>) => {
        await db()
          .updateTable('agreement')
          .set({ valid_from: isoDay(-100), valid_to: isoDay(-1) })
          .where('id', '=', made.agreementId)
          .execute();
      },
    ],
    [
      'the case-level agreement is not yet in force',
      async (made: Awaited<ReturnType<typeof openCase>>) => {
        await db()
          .updateTable('agreement')
          .set({ valid_from: isoDay(2), valid_to: isoDay(100) })
          .where('id', '=', made.agreementId)
          .execute();
      },
    ],
    [
      'she revoked her consent to the joint case',
      async (made: Awaited<ReturnType<typeof openCase>>) => {
        await must(
          scenario.clients.vssManager.post(`/api/consents/${made.consentIds.joint_case}/revoke`, {
            revokedOn: isoDay(0),
          }),
          200,
          'revoke',
        );
      },
    ],
  ])(
    'is refused when %s, even with her share_disclosures consent, and writes nothing',
    async (_name, lapse) => {
      const { clients } = scenario;
      const made = await openCase({ consents: [{ scope: 'share_disclosures' }] });
      const disclosure = await must(
        clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
          disclosedOn: isoDay(-1),
          content: 'No basis left',
        }),
        201,
        'disclosure',
      );
      await lapse(made);
      const refused = await clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
        jointCaseId: made.jointCaseId,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().fields[0].path).toBe('jointCaseId');
      expect(
        await db()
          .selectFrom('shared_item')
          .select('id')
          .where('disclosure_id', '=', disclosure.id)
          .execute(),
      ).toEqual([]);
      expect(
        (await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`)).json().sharedItems,
      ).toEqual([]);
    },
  );

  it('to a further agency needs that agency to be party to the case agreement', async () => {
    const { clients, agencies } = scenario;
    const made = await openCase({
      consents: [{ scope: 'share_disclosures', recipientAgencyId: agencies.combined.id }],
    });
    const disclosure = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-1),
        content: 'Threats by text',
      }),
      201,
      'disclosure',
    );
    const refused = await clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
      jointCaseId: made.jointCaseId,
      recipientAgencyId: agencies.combined.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('recipientAgencyId');
    expect(
      await db().selectFrom('shared_item').select('id').where('disclosure_id', '=', disclosure.id).execute(),
    ).toEqual([]);
  });
});

describe('what she told her service in the instruments', () => {
  it('reaches a further agency of the case only with her consent naming it, never her notes', async () => {
    const { clients, agencies } = scenario;
    // The police receive his risk information under the agreement; her consent names only the programme.
    const made = await openCase({
      policeReceives: ['programme', 'safety_concerns', 'risk', 'recidivism', 'questionnaires'],
      consents: [{ scope: 'share_risk_information' }],
    });
    await must(
      clients.vssManager.post('/api/instrument-responses', {
        instrumentId: 'asap-risk-checklist',
        version: 1,
        jointCaseId: made.jointCaseId,
        subject: 'case',
        completedOn: isoDay(-3),
        answers: { strangulation: { value: 'yes', source: 'her', note: 'He choked her last spring' } },
      }),
      201,
      'her checklist',
    );
    await must(
      clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/recidivism`, {
        occurredOn: isoDay(-3),
        forms: ['stalking'],
        severity: 'moderate',
        source: 'her',
        description: 'He waited outside her workplace',
      }),
      201,
      'her recidivism report',
    );
    await must(
      clients.vssManager.post('/api/instrument-responses', {
        instrumentId: 'impact-her',
        version: 1,
        jointCaseId: made.jointCaseId,
        subject: 'her',
        timepoint: 'T0',
        completedOn: isoDay(-3),
        answers: { physical: { value: 2 }, insults: { value: 4 } },
      }),
      201,
      'her IMPACT',
    );

    const strangulation = (view: { items: Array<{ itemId: string; victimSide: unknown }> }) =>
      view.items.find((item) => item.itemId === 'strangulation')?.victimSide;
    const risk = await clients.police.get(`/api/joint-cases/${made.jointCaseId}/risk`);
    expect(risk.statusCode).toBe(200);
    expect(risk.body).not.toContain('choked');
    expect(strangulation(risk.json())).toEqual({ value: null, withheld: true });
    const recidivism = await clients.police.get(`/api/joint-cases/${made.jointCaseId}/recidivism`);
    expect(recidivism.body).not.toContain('workplace');
    expect(recidivism.json().episodes).toEqual([]);
    expect(recidivism.json().periods).toEqual([expect.objectContaining({ her: null, otherSources: 1 })]);
    const impact = (await clients.police.get(`/api/joint-cases/${made.jointCaseId}/impact`)).json();
    expect(impact.points[0]).toMatchObject({ timepoint: 'T0', her: null, herWithheld: true });

    // The programme, which her consent names, gets her items unattributed, still without her notes.
    const forPp = await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}/risk`);
    expect(forPp.body).not.toContain('choked');
    expect(strangulation(forPp.json())).toEqual({ value: 'yes', source: 'another_source' });

    // With her consent naming the police, they get the items the same way.
    await must(
      clients.vssManager.post(`/api/victims/${made.herId}/consents`, {
        scope: 'share_risk_information',
        recipientAgencyId: agencies.police.id,
        givenOn: isoDay(0),
      }),
      201,
      'consent naming the police',
    );
    const withConsent = await clients.police.get(`/api/joint-cases/${made.jointCaseId}/risk`);
    expect(withConsent.body).not.toContain('choked');
    expect(strangulation(withConsent.json())).toEqual({ value: 'yes', source: 'another_source' });
    // Her own service sees everything she said.
    const forVss = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/risk`)).json();
    expect(forVss.victimSide.answers.strangulation).toEqual({
      value: 'yes',
      source: 'her',
      note: 'He choked her last spring',
    });
  });
});

describe('critical events and duties to inform her', () => {
  it('keeps what she reported on the victim side unless she consents to share risk information', async () => {
    const { clients } = scenario;
    const made = await openCase();
    const event = {
      kind: 'new_incident',
      occurredOn: isoDay(-2),
      source: 'her',
      description: 'She says he pushed her on the stairs',
    };
    const refused = await clients.vssManager.post(
      `/api/pp-episodes/${made.episodeId}/critical-events`,
      event,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fields[0].path).toBe('source');
    expect((await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`)).body).not.toContain(
      'pushed her',
    );
    // About her, it stays on her side without any consent.
    const aboutHer = await clients.vssManager.post(`/api/pp-episodes/${made.episodeId}/critical-events`, {
      ...event,
      aboutPartnerId: made.herId,
    });
    expect(aboutHer.statusCode).toBe(201);
    expect((await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`)).body).not.toContain(
      'pushed her',
    );
    await must(
      clients.vssManager.post(`/api/victims/${made.herId}/consents`, {
        scope: 'share_risk_information',
        givenOn: isoDay(-1),
      }),
      201,
      'consent',
    );
    expect(
      (await clients.vssManager.post(`/api/pp-episodes/${made.episodeId}/critical-events`, event)).statusCode,
    ).toBe(201);
    const forPp = (await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`)).json();
    expect(
      forPp.events.find((item: { description: string }) => item.description.includes('pushed her')),
    ).toMatchObject({ source: 'another_source' });
  });

  it('a critical event makes the joint case due for reassessment, on both case managers’ home pages', async () => {
    const { clients } = scenario;
    const made = await openCase();
    const dueOnHome = async (client: typeof clients.ppManager) =>
      (
        (await client.get('/api/home')).json().reassessmentsDue as Array<{
          id: string;
          reassessmentDue: boolean;
        }>
      ).find((item) => item.id === made.jointCaseId);
    expect(
      (await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`)).json().reassessmentDueSince,
    ).toBeNull();
    expect(await dueOnHome(clients.ppManager)).toBeUndefined();
    expect(await dueOnHome(clients.vssManager)).toBeUndefined();

    await must(
      clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/critical-events`, {
        kind: 'release_from_custody',
        occurredOn: isoDay(-1),
        source: 'agency',
        sourceAgencyId: scenario.agencies.police.id,
        description: 'Released from custody yesterday',
      }),
      201,
      'event',
    );
    const page = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}`)).json();
    expect(page.reassessmentDueSince).not.toBeNull();
    expect(Date.now() - Date.parse(page.reassessmentDueSince)).toBeLessThan(60_000);
    expect(await dueOnHome(clients.ppManager)).toMatchObject({ reassessmentDue: true });
    expect(await dueOnHome(clients.vssManager)).toMatchObject({ reassessmentDue: true });
    // Not for people without the case.
    expect(await dueOnHome(clients.combinedPp)).toBeUndefined();
    expect(await dueOnHome(clients.vssAdmin)).toBeUndefined();
  });

  it.each([
    ['order_breach', true],
    ['safety_concern', true],
    ['threat', false],
    ['new_incident', false],
  ] as const)('a %s event raises a duty to inform her: %s', async (kind, raises) => {
    const { clients } = scenario;
    const made = await openCase();
    await must(
      clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/critical-events`, {
        kind,
        occurredOn: isoDay(-1),
        source: 'professional_observation',
        description: `Recorded ${kind}`,
      }),
      201,
      'event',
    );
    const duties = (
      (await clients.partnerContact.get('/api/duties')).json().items as Array<{
        ppEpisodeId: string;
        trigger: string;
        partnerPersonId: string;
        jointCaseId: string;
      }>
    ).filter((duty) => duty.ppEpisodeId === made.episodeId);
    expect(duties).toEqual(
      raises
        ? [
            expect.objectContaining({
              trigger: kind,
              partnerPersonId: made.herId,
              jointCaseId: made.jointCaseId,
            }),
          ]
        : [],
    );
    const rows = await db()
      .selectFrom('duty_to_inform')
      .select(['owner_agency_id', 'assigned_user_id'])
      .where('episode_id', '=', made.episodeId)
      .execute();
    expect(rows).toEqual(
      raises
        ? [{ owner_agency_id: scenario.agencies.vss.id, assigned_user_id: scenario.users.partnerContact.id }]
        : [],
    );
    // Duties live on the victim side.
    expect((await clients.ppManager.get('/api/duties')).json().items).toEqual([]);
  });

  it('refuses to close a duty without a reason (400 naming reason) and writes nothing', async () => {
    const { clients } = scenario;
    const made = await openCase();
    await must(
      clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/status`, {
        to: 'suspended',
        date: isoDay(0),
        reason: 'Missed sessions',
      }),
      200,
      'suspend',
    );
    const [duty] = await db()
      .selectFrom('duty_to_inform')
      .select(['id', 'trigger'])
      .where('episode_id', '=', made.episodeId)
      .execute();
    expect(duty?.trigger).toBe('status_suspended');
    for (const body of [{}, { reason: '' }, { reason: '   ' }]) {
      const refused = await clients.partnerContact.post(`/api/duties/${duty!.id}/close`, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().fields[0].path).toBe('reason');
    }
    const still = await db()
      .selectFrom('duty_to_inform')
      .selectAll()
      .where('id', '=', duty!.id)
      .executeTakeFirstOrThrow();
    expect(still).toMatchObject({ state: 'open', closed_reason: null, resolved_by: null, resolved_at: null });
    expect(await auditRows({ action: 'duty.close', resourceId: duty!.id })).toEqual([]);

    // The programme cannot close it at all.
    expect(
      (await clients.ppManager.post(`/api/duties/${duty!.id}/close`, { reason: 'Not needed' })).statusCode,
    ).toBe(404);
    const closed = await clients.partnerContact.post(`/api/duties/${duty!.id}/close`, {
      reason: 'She asked for no contact',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', closedReason: 'She asked for no contact' });
    expect(
      (await clients.partnerContact.post(`/api/duties/${duty!.id}/close`, { reason: 'Again' })).statusCode,
    ).toBe(409);
  });

  it('shows overdue duties on the VSS case manager’s home page', async () => {
    const { clients } = scenario;
    const made = await openCase();
    await must(
      clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/status`, {
        to: 'excluded',
        date: isoDay(0),
        reason: 'Violence in group',
      }),
      200,
      'exclude',
    );
    const [duty] = await db()
      .selectFrom('duty_to_inform')
      .select('id')
      .where('episode_id', '=', made.episodeId)
      .execute();
    const overdueIds = async () =>
      ((await clients.vssManager.get('/api/home')).json().overdueDuties as Array<{ id: string }>).map(
        (item) => item.id,
      );
    expect(await overdueIds()).not.toContain(duty!.id);

    await db()
      .updateTable('duty_to_inform')
      .set({ due_at: sql`now() - interval '1 day'` })
      .where('id', '=', duty!.id)
      .execute();
    const home = (await clients.vssManager.get('/api/home')).json();
    expect(home.overdueDuties).toContainEqual(
      expect.objectContaining({ id: duty!.id, overdue: true, trigger: 'status_excluded' }),
    );
    expect(home.duties).toContainEqual(expect.objectContaining({ id: duty!.id, overdue: true }));
    expect((await clients.ppManager.get('/api/home')).json().overdueDuties).toEqual([]);

    // Done, it is no longer overdue.
    await must(
      clients.partnerContact.post(`/api/duties/${duty!.id}/done`, {
        doneOn: isoDay(0),
        how: 'Safe number, at a safe time',
      }),
      200,
      'done',
    );
    expect(await overdueIds()).not.toContain(duty!.id);
  });
});

describe('naming her to a service and recording children', () => {
  it('refuses to name a partner to a VSS with no organisation-level agreement, and writes nothing', async () => {
    const { clients, network } = scenario;
    const unbound = await makeAgency(db(), { kind: 'victim_support', networkIds: [network.id] });
    const referral = await must(
      clients.ppManager.post('/api/referrals', {
        person: { firstName: 'Piero', lastName: 'Senzaccordo' },
        pathway: 'voluntary',
        referralDate: isoDay(-5),
      }),
      201,
      'referral',
    );
    const refused = await clients.ppManager.post(`/api/pp-episodes/${referral.id}/release`, {
      signedOn: isoDay(-5),
      scope: ['programme'],
      partners: [
        {
          firstName: 'Nessuna',
          lastName: 'Intesa',
          relationship: 'current',
          partnerContactAgencyId: unbound.id,
          contact: { address: 'Via Protetta 99' },
        },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('partners.0.partnerContactAgencyId');
    expect(refused.body).not.toContain('Via Protetta');
    expect(
      await db().selectFrom('person').select('id').where('search_name', '=', 'nessuna intesa').execute(),
    ).toEqual([]);
    expect(
      await db().selectFrom('partner_referral').select('id').where('episode_id', '=', referral.id).execute(),
    ).toEqual([]);
    expect(
      await db()
        .selectFrom('partner_referral')
        .select('id')
        .where('partner_contact_agency_id', '=', unbound.id)
        .execute(),
    ).toEqual([]);
    expect(
      await db()
        .selectFrom('release_of_information')
        .select('episode_id')
        .where('episode_id', '=', referral.id)
        .execute(),
    ).toEqual([]);
    expect(await grantsOf(referral.id)).toEqual([]);
  });

  it('refuses the same when the organisation agreement has expired', async () => {
    const { clients, network, agencies, users } = scenario;
    const lapsed = await makeAgency(db(), { kind: 'victim_support', networkIds: [network.id] });
    const agreement = await db()
      .insertInto('agreement')
      .values({
        level: 'organisation',
        network_id: network.id,
        title: 'Lapsed',
        valid_from: '2020-01-01',
        valid_to: isoDay(-1),
        created_by: users.coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('agreement_party')
      .values(
        [agencies.pp.id, lapsed.id].map((agencyId) => ({
          agreement_id: agreement.id,
          agency_id: agencyId,
          signatory_name: 'Director',
          signed_on: '2020-01-01',
        })),
      )
      .execute();
    const referral = await must(
      clients.ppManager.post('/api/referrals', {
        person: { firstName: 'Piero', lastName: 'Scaduto' },
        pathway: 'voluntary',
        referralDate: isoDay(-5),
      }),
      201,
      'referral',
    );
    const refused = await clients.ppManager.post(`/api/pp-episodes/${referral.id}/release`, {
      signedOn: isoDay(-5),
      scope: ['programme'],
      partners: [
        { firstName: 'Ex', lastName: 'Scaduta', relationship: 'former', partnerContactAgencyId: lapsed.id },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('partners.0.partnerContactAgencyId');
    expect(
      await db().selectFrom('partner_referral').select('id').where('episode_id', '=', referral.id).execute(),
    ).toEqual([]);
  });

  it('refuses a child’s school from the perpetrator side (400 naming the field), and writes nothing', async () => {
    const { clients } = scenario;
    for (const client of [clients.ppManager, clients.combinedPp]) {
      const refused = await client.post('/api/children', {
        firstName: 'Figlio',
        lastName: 'Senzascuola',
        childrensSchool: 'Scuola Nascosta',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields[0].path).toBe('childrensSchool');
      expect(refused.body).not.toContain('Scuola Nascosta');
    }
    expect(
      await db().selectFrom('person').select('id').where('search_name', '=', 'figlio senzascuola').execute(),
    ).toEqual([]);
    // Without the school, the programme records the child it knows of.
    const child = await clients.ppManager.post('/api/children', {
      firstName: 'Figlio',
      lastName: 'Senzascuola',
    });
    expect(child.statusCode).toBe(201);
    expect(child.json().contact).toBeUndefined();
    // …and cannot add the school afterwards.
    expect(
      (
        await clients.ppManager.put(`/api/people/${child.json().id}/contact`, {
          childrensSchool: 'Scuola Nascosta',
        })
      ).statusCode,
    ).toBe(404);
    const row = await db()
      .selectFrom('person')
      .select('contact_enc')
      .where('id', '=', child.json().id)
      .executeTakeFirstOrThrow();
    expect(row.contact_enc).toBeNull();
  });
});

describe('agreements and Phase 1 meetings', () => {
  const agreementBody = () => ({
    level: 'organisation',
    networkId: scenario.network.id,
    title: 'Local protocol 2026',
    principles: 'Safety of the woman and children first',
    validFrom: isoDay(-1),
    parties: [
      { agencyId: scenario.agencies.pp.id, signatoryName: 'PP director', signedOn: isoDay(-1), receives: [] },
      {
        agencyId: scenario.agencies.vss.id,
        signatoryName: 'VSS director',
        signedOn: isoDay(-1),
        receives: ['programme'],
      },
    ],
  });

  it('the coordinator records an organisation agreement; case managers cannot', async () => {
    const { clients } = scenario;
    const created = await clients.coordinator.post('/api/agreements', agreementBody());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      level: 'organisation',
      networkId: scenario.network.id,
      validTo: null,
    });
    for (const client of [clients.ppManager, clients.vssManager, clients.vssAdmin, clients.police]) {
      const refused = await client.post('/api/agreements', agreementBody());
      expect(refused.statusCode).toBe(403);
    }
    expect(
      await db().selectFrom('agreement').select('id').where('title', '=', 'Local protocol 2026').execute(),
    ).toHaveLength(1);
    // The parties read it; an agency outside it does not.
    const id = created.json().id;
    expect((await clients.ppManager.get(`/api/agreements/${id}`)).statusCode).toBe(200);
    expect(
      (await clients.vssManager.get('/api/agreements')).json().items.map((item: { id: string }) => item.id),
    ).toContain(id);
    expect((await clients.police.get(`/api/agreements/${id}`)).statusCode).toBe(404);
  });

  it.each([
    [
      'a missing network',
      (body: ReturnType<typeof agreementBody>) => ({ ...body, networkId: undefined }),
      'networkId',
    ],
    [
      'an end before the start',
      (body: ReturnType<typeof agreementBody>) => ({ ...body, validTo: isoDay(-10) }),
      'validTo',
    ],
    [
      'a single party',
      (body: ReturnType<typeof agreementBody>) => ({ ...body, parties: body.parties.slice(0, 1) }),
      'parties',
    ],
    [
      'a party without a signatory',
      (body: ReturnType<typeof agreementBody>) => ({
        ...body,
        parties: [body.parties[0], { ...body.parties[1], signatoryName: '' }],
      }),
      'parties.1.signatoryName',
    ],
    [
      'a case-level agreement (made with the joint case)',
      (body: ReturnType<typeof agreementBody>) => ({ ...body, level: 'case', validTo: isoDay(30) }),
      'level',
    ],
  ])('refuses an agreement with %s, naming %s', async (_name, change, path) => {
    const refused = await scenario.clients.coordinator.post('/api/agreements', {
      ...change(agreementBody()),
      title: `Bad ${path}`,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe(path);
    expect(
      await db().selectFrom('agreement').select('id').where('title', '=', `Bad ${path}`).execute(),
    ).toEqual([]);
  });

  it('refuses a party that is not in the network, naming it', async () => {
    const outsider = await makeAgency(db(), { kind: 'police' });
    const body = agreementBody();
    const refused = await scenario.clients.coordinator.post('/api/agreements', {
      ...body,
      title: 'With an outsider',
      parties: [
        ...body.parties,
        { agencyId: outsider.id, signatoryName: 'Chief', signedOn: isoDay(-1), receives: [] },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('parties.2.agencyId');
  });

  it('the coordinator records the Phase 1 meeting; case managers cannot; bad input names the field', async () => {
    const { clients, agencies, network } = scenario;
    const body = {
      networkId: network.id,
      heldOn: isoDay(-3),
      agencyIds: [agencies.pp.id, agencies.vss.id],
      participants: ['PP team', 'VSS team'],
      topics: 'Common language; each other’s methods',
      outcomes: 'Agreed priorities: her safety first',
    };
    const created = await clients.coordinator.post('/api/phase1-meetings', body);
    expect(created.statusCode).toBe(201);
    expect((await clients.ppManager.post('/api/phase1-meetings', body)).statusCode).toBe(403);
    expect((await clients.vssManager.post('/api/phase1-meetings', body)).statusCode).toBe(403);
    for (const [change, path] of [
      [{ agencyIds: [agencies.pp.id] }, 'agencyIds'],
      [{ participants: [] }, 'participants'],
      [{ outcomes: '' }, 'outcomes'],
      [{ heldOn: '31/12/2026' }, 'heldOn'],
    ] as const) {
      const refused = await clients.coordinator.post('/api/phase1-meetings', { ...body, ...change });
      expect(refused.statusCode, path).toBe(400);
      expect(refused.json().fields[0].path, path).toBe(path);
    }
    const outsider = await makeAgency(db(), { kind: 'health' });
    const notMember = await clients.coordinator.post('/api/phase1-meetings', {
      ...body,
      agencyIds: [agencies.pp.id, outsider.id],
    });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().fields[0].path).toBe('agencyIds.1');
    expect(
      await db().selectFrom('phase1_meeting').select('id').where('network_id', '=', network.id).execute(),
    ).toHaveLength(1);
    // Everyone in the network reads it; an agency outside the network does not.
    expect((await clients.ppManager.get('/api/phase1-meetings')).json().items).toHaveLength(1);
    const strangerAgency = await makeAgency(db(), { kind: 'victim_support' });
    const stranger = await signInFully(
      system,
      await makeUser(db(), { agencyId: strangerAgency.id, roles: ['vss_case_manager'], side: 'victim' }),
    );
    expect((await stranger.get('/api/phase1-meetings')).json().items).toEqual([]);
  });
});

describe('who saw her data, and the audit of every person-level read', () => {
  it('lists for her service’s agency admin who read her record, by name; 404 for the programme’s admin', async () => {
    const { clients, users } = scenario;
    const made = await openCase({ consents: [{ scope: 'share_disclosures' }] });
    const disclosure = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-1),
        content: 'Shared with the programme',
      }),
      201,
      'disclosure',
    );
    await must(
      clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, { jointCaseId: made.jointCaseId }),
      201,
      'share',
    );
    await must(clients.vssManager.get(`/api/people/${made.herId}`), 200, 'read');
    await must(clients.partnerContact.get(`/api/victims/${made.herId}`), 200, 'read');
    await must(clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`), 200, 'read');

    const log = await clients.vssAdmin.get(`/api/people/${made.herId}/access-log`);
    expect(log.statusCode).toBe(200);
    const entries = log.json().items as Array<{
      actorName: string;
      actorUserId: string;
      action: string;
      basis: unknown;
    }>;
    const by = (userId: string) =>
      entries.filter((entry) => entry.actorUserId === userId).map((entry) => entry.action);
    const nameOf = (userId: string) => entries.find((entry) => entry.actorUserId === userId)?.actorName;
    expect(by(users.vssManager.id)).toEqual(
      expect.arrayContaining(['person.read', 'disclosure.share', 'consent.give']),
    );
    expect(by(users.partnerContact.id)).toEqual(expect.arrayContaining(['victim_file.read']));
    // The programme created her record when he named her, and received what was shared.
    expect(by(users.ppManager.id)).toEqual(expect.arrayContaining(['person.create', 'shared_item.read']));
    expect(nameOf(users.ppManager.id)).toMatch(/^Test user-/);
    expect(nameOf(users.vssManager.id)).toMatch(/^Test user-/);
    const shareEntry = entries.find((entry) => entry.action === 'disclosure.share');
    expect(shareEntry?.basis).toMatchObject({
      agreementId: made.agreementId,
      consentId: made.consentIds.share_disclosures,
    });
    expect(log.body).not.toContain('Via Regola');
    expect(log.body).not.toContain('Shared with the programme');

    for (const client of [
      clients.ppAdmin,
      clients.vssManager,
      clients.ppManager,
      clients.police,
      clients.coordinator,
    ]) {
      expect((await client.get(`/api/people/${made.herId}/access-log`)).statusCode).toBe(404);
    }
    // The programme's admin sees who read him, not her.
    expect((await clients.ppAdmin.get(`/api/people/${made.himId}/access-log`)).statusCode).toBe(200);
  });

  it('writes an audit row naming the person for every person-level read', async () => {
    const { clients, users } = scenario;
    const made = await openCase({ withChild: true, consents: [{ scope: 'share_disclosures' }] });
    const disclosure = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-1),
        content: 'For the programme',
      }),
      201,
      'disclosure',
    );
    await must(
      clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, { jointCaseId: made.jointCaseId }),
      201,
      'share',
    );
    await must(
      clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/status`, {
        to: 'suspended',
        date: isoDay(0),
      }),
      200,
      'suspend (raises a duty)',
    );
    const reads: Array<[string, keyof typeof clients, string, string[]]> = [
      ['her person record', 'vssManager', `/api/people/${made.herId}`, [made.herId]],
      ['her file', 'partnerContact', `/api/victims/${made.herId}`, [made.herId]],
      ['his episode', 'vssManager', `/api/pp-episodes/${made.episodeId}`, [made.himId]],
      ['his episode, by the programme', 'ppManager', `/api/pp-episodes/${made.episodeId}`, [made.himId]],
      ['the episode list', 'ppManager', '/api/pp-episodes', [made.himId]],
      ['search by her name', 'vssManager', `/api/people/search?q=Lucia%20Regola${caseCounter}`, [made.herId]],
      ['her duties', 'partnerContact', '/api/duties', [made.herId]],
      ['the home page', 'partnerContact', '/api/home', [made.herId]],
      ['the child', 'ppManager', `/api/people/${made.childId}`, [made.childId!]],
      [
        'the case page, victim side',
        'vssManager',
        `/api/joint-cases/${made.jointCaseId}`,
        [made.herId, made.himId, made.childId!],
      ],
      // What the programme received of hers is a read of her data too.
      [
        'the case page, programme',
        'ppManager',
        `/api/joint-cases/${made.jointCaseId}`,
        [made.himId, made.childId!, made.herId],
      ],
      ['the case page, police', 'police', `/api/joint-cases/${made.jointCaseId}`, [made.himId]],
    ];
    const missing: string[] = [];
    for (const [name, role, url, subjects] of reads) {
      const before = await lastAuditId();
      const response = await clients[role].get(url);
      expect(response.statusCode, name).toBe(200);
      const rows = await db()
        .selectFrom('audit_event')
        .select(['subject_person_id', 'outcome'])
        .where('id', '>', before)
        .where('actor_user_id', '=', users[role].id)
        .where('outcome', '=', 'success')
        .execute();
      const seen = new Set(rows.map((row) => row.subject_person_id));
      for (const subject of subjects)
        if (!seen.has(subject)) missing.push(`${name} as ${role}: no audit row for ${subject}`);
    }
    expect(missing).toEqual([]);
  });

  it('keeps content out of the audit trail, and the chain verifies after all of the above', async () => {
    const rows = await db().selectFrom('audit_event').select(['details', 'basis']).execute();
    const text = JSON.stringify(rows);
    for (const secret of [
      'Via Regola',
      '+39 333',
      'Scuola ',
      'new gun',
      'For the programme',
      'Shared with the programme',
      'Lucia',
      'Missed sessions',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    const verdict = await verifyAuditChain(db());
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.checked).toBe(rows.length);
  });
});
