import type { InformationKind } from '@tandem/shared';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { makeNetworkScenario, type NetworkScenario } from './scenario.js';
import { startTestSystem, type TestSystem } from './test-system.js';

/**
 * Builds joint cases through the API the way the people who run them would, for the casework
 * rule tests: the PP refers him and names her to the VSS; the VSS opens her support, records
 * her consents and opens the joint case with the police as a further party.
 */

export const isoDay = (offsetDays: number, from: Date = new Date()) =>
  new Date(from.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The answer's JSON when the status is the expected one; otherwise an error naming what failed. */
export async function must(response: Promise<LightMyRequestResponse>, status: number, what: string) {
  const answer = await response;
  if (answer.statusCode !== status) throw new Error(`${what}: ${answer.statusCode} ${answer.body}`);
  return answer.json();
}

export interface CaseOptions {
  policeReceives?: InformationKind[];
  consents?: Array<{ scope: string; recipientAgencyId?: string }>;
  withChild?: boolean;
  /** The child's date of birth, where the test needs one. */
  childDateOfBirth?: string;
  /** Further parties to the case-level agreement, beside the police. */
  otherParties?: Array<{ agencyId: string; receives: InformationKind[] }>;
  herAddress?: string;
}

export function caseBuilder(system: TestSystem, scenario: () => NetworkScenario) {
  const db = () => system.database.db;
  let caseCounter = 0;
  /**
   * A joint case through the API: PP refers him and names her to the VSS; the VSS opens her
   * support, records her consents and opens the joint case with the police as a further party.
   */
  /** Everything up to the joint case: his episode and release, her support, her consents. */
  async function prepareCase(options: CaseOptions = {}) {
    const { clients, agencies, users } = scenario();
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
      clients.ppManager.post(`/api/pp-episodes/${episodeId}/release`, {
        signedOn: isoDay(-55),
        scope: ['programme', 'safety_concerns', 'risk', 'recidivism', 'questionnaires'],
        partners: [
          {
            firstName: 'Lucia',
            lastName: `Regola${caseCounter}`,
            relationship: 'current',
            partnerContactAgencyId: agencies.vss.id,
            contact: {
              address: options.herAddress ?? `Via Regola ${caseCounter}`,
              phone: '+39 333 000 0000',
            },
          },
        ],
      }),
      200,
      'release',
    );
    await must(
      clients.ppManager.post(`/api/pp-episodes/${episodeId}/status`, { to: 'active', date: isoDay(-50) }),
      200,
      'active',
    );
    const herId = (await must(clients.partnerContact.get(`/api/pp-episodes/${episodeId}`), 200, 'episode'))
      .partners[0].partnerPersonId as string;
    const support = await must(
      clients.vssManager.post('/api/vss-episodes', { personId: herId, intakeDate: isoDay(-45) }),
      201,
      'support',
    );
    const consent = await must(
      clients.vssManager.post(`/api/victims/${herId}/consents`, {
        scope: 'joint_case',
        givenOn: isoDay(-45),
      }),
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
              ...(options.childDateOfBirth && { dateOfBirth: options.childDateOfBirth }),
            }),
            201,
            'child',
          )
        ).id as string)
      : null;
    const openingBody = {
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
          ...(options.otherParties ?? []),
        ],
      },
    };
    return {
      episodeId,
      himId,
      herId,
      herLastName: `Regola${caseCounter}`,
      childId,
      consentIds,
      supportEpisodeId: support.id as string,
      openingBody,
    };
  }

  /** The joint case itself, opened by her case manager. */
  async function openCase(options: CaseOptions = {}) {
    const ready = await prepareCase(options);
    const jointCase = await must(
      scenario().clients.vssManager.post('/api/joint-cases', ready.openingBody),
      201,
      'joint case',
    );
    return { ...ready, jointCaseId: jointCase.id as string, agreementId: jointCase.agreementId as string };
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

  return { prepareCase, openCase, grantsOf, auditRows, lastAuditId };
}

/**
 * One test file's world: a real system (its own database), a network scenario and the case
 * builder — made before the file's tests run and closed after them.
 */
export function caseWorld(overrides: Record<string, string> = {}) {
  const world = {} as {
    system: TestSystem;
    scenario: NetworkScenario;
    build: ReturnType<typeof caseBuilder>;
  };
  beforeAll(async () => {
    world.system = await startTestSystem(overrides);
    world.scenario = await makeNetworkScenario(world.system);
    world.build = caseBuilder(world.system, () => world.scenario);
  });
  afterAll(() => world.system?.close());
  type Build = ReturnType<typeof caseBuilder>;
  return {
    world,
    db: () => world.system.database.db,
    openCase: (...args: Parameters<Build['openCase']>) => world.build.openCase(...args),
    prepareCase: (...args: Parameters<Build['prepareCase']>) => world.build.prepareCase(...args),
    grantsOf: (...args: Parameters<Build['grantsOf']>) => world.build.grantsOf(...args),
    auditRows: (...args: Parameters<Build['auditRows']>) => world.build.auditRows(...args),
    lastAuditId: () => world.build.lastAuditId(),
  };
}
