import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { makeAgency, makeNetwork, makeUser } from './factories.js';
import { signInFully, type TestClient, type TestSystem } from './test-system.js';

/**
 * A small network for casework tests: a perpetrator programme, a women's support centre, an
 * organisation running both behind the barrier, police — with an organisation-level
 * agreement — and a signed-in client per role. Fresh agencies every call.
 */
export async function makeNetworkScenario(system: TestSystem) {
  const db = system.database.db;
  const network = await makeNetwork(db);
  const pp = await makeAgency(db, { kind: 'perpetrator_programme', networkIds: [network.id] });
  const vss = await makeAgency(db, { kind: 'victim_support', networkIds: [network.id] });
  const combined = await makeAgency(db, { kind: 'combined_pp_vss', networkIds: [network.id] });
  const police = await makeAgency(db, { kind: 'police', networkIds: [network.id] });
  const networkIds = [network.id];
  const users = {
    ppManager: await makeUser(db, {
      agencyId: pp.id,
      roles: ['pp_case_manager'],
      side: 'perpetrator',
      networkIds,
    }),
    ppAdmin: await makeUser(db, {
      agencyId: pp.id,
      roles: ['agency_admin'],
      side: 'perpetrator',
      networkIds,
    }),
    vssManager: await makeUser(db, {
      agencyId: vss.id,
      roles: ['vss_case_manager'],
      side: 'victim',
      networkIds,
    }),
    partnerContact: await makeUser(db, {
      agencyId: vss.id,
      roles: ['partner_contact_worker'],
      side: 'victim',
      networkIds,
    }),
    vssAdmin: await makeUser(db, { agencyId: vss.id, roles: ['agency_admin'], side: 'victim', networkIds }),
    combinedPp: await makeUser(db, {
      agencyId: combined.id,
      roles: ['pp_case_manager'],
      side: 'perpetrator',
      networkIds,
    }),
    combinedVss: await makeUser(db, {
      agencyId: combined.id,
      roles: ['vss_case_manager'],
      side: 'victim',
      networkIds,
    }),
    police: await makeUser(db, {
      agencyId: police.id,
      roles: ['agency_liaison'],
      side: 'neutral',
      networkIds,
    }),
    coordinator: await makeUser(db, {
      agencyId: police.id,
      roles: ['network_coordinator'],
      side: 'neutral',
      networkIds,
    }),
  };
  await makeOrganisationAgreement(db, users.coordinator.id, network.id, [
    pp.id,
    vss.id,
    combined.id,
    police.id,
  ]);
  const clients = {} as Record<keyof typeof users, TestClient>;
  for (const [name, user] of Object.entries(users)) {
    clients[name as keyof typeof users] = await signInFully(system, user);
  }
  return { network, agencies: { pp, vss, combined, police }, users, clients };
}

export type NetworkScenario = Awaited<ReturnType<typeof makeNetworkScenario>>;

async function makeOrganisationAgreement(
  db: Kysely<Database>,
  createdBy: string,
  networkId: string,
  agencyIds: string[],
) {
  const agreement = await db
    .insertInto('agreement')
    .values({
      level: 'organisation',
      network_id: networkId,
      title: 'Test protocol',
      valid_from: '2020-01-01',
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('agreement_party')
    .values(
      agencyIds.map((agencyId) => ({
        agreement_id: agreement.id,
        agency_id: agencyId,
        signatory_name: 'Director',
        signed_on: '2020-01-01',
        receives: ['programme'],
      })),
    )
    .execute();
}

/** The whole path to a joint case, through the API, as the people who do it would. */
export async function makeJointCase(
  scenario: NetworkScenario,
  options: { herAddress?: string; childIds?: string[]; withoutPolice?: boolean } = {},
) {
  const { clients, agencies, users } = scenario;
  const referral = await clients.ppManager.post('/api/referrals', {
    person: { firstName: 'Marco', lastName: 'Testa', dateOfBirth: '1980-05-01' },
    pathway: 'voluntary',
    referralDate: '2026-01-10',
  });
  if (referral.statusCode !== 201) throw new Error(`referral: ${referral.body}`);
  const episodeId = referral.json().id as string;
  await clients.ppManager.post(`/api/pp-episodes/${episodeId}/status`, { to: 'intake', date: '2026-01-15' });
  const release = await clients.ppManager.post(`/api/pp-episodes/${episodeId}/release`, {
    signedOn: '2026-01-15',
    scope: ['programme', 'safety_concerns', 'risk', 'recidivism', 'questionnaires'],
    partners: [
      {
        firstName: 'Lucia',
        lastName: 'Rossi',
        relationship: 'current',
        partnerContactAgencyId: agencies.vss.id,
        contact: { address: options.herAddress ?? 'Via Segreta 7, Bologna', phone: '+39 333 000 0000' },
      },
    ],
  });
  if (release.statusCode !== 200) throw new Error(`release: ${release.body}`);
  await clients.ppManager.post(`/api/pp-episodes/${episodeId}/status`, { to: 'active', date: '2026-01-20' });
  const duties = await clients.partnerContact.get('/api/duties');
  // The partner-contact service sees his episode through his release, with the link to her record.
  const episodeForVictimSide = await clients.partnerContact.get(`/api/pp-episodes/${episodeId}`);
  const herId = episodeForVictimSide.json().partners[0].partnerPersonId as string;
  const support = await clients.vssManager.post('/api/vss-episodes', {
    personId: herId,
    intakeDate: '2026-01-25',
  });
  if (support.statusCode !== 201) throw new Error(`support: ${support.body}`);
  const consent = await clients.vssManager.post(`/api/victims/${herId}/consents`, {
    scope: 'joint_case',
    givenOn: '2026-01-25',
  });
  const jointCase = await clients.vssManager.post('/api/joint-cases', {
    ppEpisodeId: episodeId,
    vssEpisodeId: support.json().id,
    consentId: consent.json().id,
    ppCaseManagerId: users.ppManager.id,
    vssCaseManagerId: users.vssManager.id,
    partnerContactWorkerId: users.partnerContact.id,
    childIds: options.childIds ?? [],
    agreement: {
      validFrom: '2026-01-25',
      // Relative to today: a fixed end date would silently end every grant of the case one day.
      validTo: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
      otherParties: options.withoutPolice
        ? []
        : [{ agencyId: agencies.police.id, receives: ['programme', 'safety_concerns'] }],
    },
  });
  if (jointCase.statusCode !== 201) throw new Error(`joint case: ${jointCase.body}`);
  return {
    episodeId,
    herId,
    supportId: support.json().id as string,
    jointCaseId: jointCase.json().id as string,
    dutiesBefore: duties.json().items,
  };
}
