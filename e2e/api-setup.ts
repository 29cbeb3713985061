import { type APIResponse, type Browser, expect } from '@playwright/test';
import type {
  AGREEMENT_RECEIVABLE_KINDS,
  AgencyKind,
  ContactDetails,
  InformationKind,
  RELATIONSHIPS,
  ReferralCreate,
} from '@tandem/shared';
import { DEMO_PASSWORD, isoDaysAgo, isoDaysFromNow } from './support';

/**
 * Set-up that is not under test goes through the API, as the people who do it would: the specs
 * that start from a joint case (risk, recidivism, meetings) make it here, by request, in one way,
 * while the pages that make it have their own spec (casework.spec.ts).
 */

/** A demo user signed in through the API; writes carry the CSRF token of the session. */
export interface Api {
  userId: string;
  name: string;
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, data: unknown) => Promise<T>;
  put: <T>(path: string, data: unknown) => Promise<T>;
  close: () => Promise<void>;
}

/** Signs a demo account in through `request` of a browser context of its own. */
export async function apiAs(browser: Browser, email: string): Promise<Api> {
  const browserContext = await browser.newContext();
  const context = browserContext.request;
  const login = await context.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.ok(), `sign-in of ${email}`).toBeTruthy();
  const session = await (await context.get('/api/auth/session')).json();
  const headers = { 'x-csrf-token': session.csrfToken as string };
  const check = async <T>(path: string, response: APIResponse) => {
    if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    userId: session.user.id,
    name: session.user.displayName,
    close: () => browserContext.close(),
    get: async <T>(path: string) => check<T>(path, await context.get(path)),
    post: async <T>(path: string, data: unknown) =>
      check<T>(path, await context.post(path, { data, headers })),
    put: async <T>(path: string, data: unknown) => check<T>(path, await context.put(path, { data, headers })),
  };
}

/** The demo accounts that make a joint case between Oltre and Casa delle Donne. */
export interface CaseTeam {
  pp: Api;
  vss: Api;
  partnerContact: Api;
  coordinator: Api;
  close: () => Promise<void>;
}

export async function signInCaseTeam(browser: Browser): Promise<CaseTeam> {
  const pp = await apiAs(browser, 'pp.manager@oltre.demo');
  const vss = await apiAs(browser, 'vss.manager@casadonne.demo');
  const partnerContact = await apiAs(browser, 'partner.contact@casadonne.demo');
  const coordinator = await apiAs(browser, 'coordinator@network.demo');
  return {
    pp,
    vss,
    partnerContact,
    coordinator,
    close: async () => {
      for (const api of [pp, vss, partnerContact, coordinator]) await api.close();
    },
  };
}

type Receivable = (typeof AGREEMENT_RECEIVABLE_KINDS)[number];

export interface JointCaseOptions {
  /** Title of the organisation-level agreement recorded first: unique per run. */
  protocolTitle: string;
  /** His referral: him (named with the run's suffix), the pathway and, when mandatory, the order. */
  referral: Pick<ReferralCreate, 'person' | 'pathway' | 'order'>;
  /** The partner his release names, referred to victim support for partner contact. */
  her: {
    firstName: string;
    lastName: string;
    relationship: (typeof RELATIONSHIPS)[number];
    contact: ContactDetails;
  };
  /**
   * Days before today of each step. Her consent and the start of the case-level agreement fall
   * on the day her support starts; the agreement runs until a year from today.
   */
  daysAgo: { referral: number; intake: number; active: number; release: number; support: number };
  /** The agencies besides the programme and victim support, and what the joint case lets each receive. */
  otherParties: Partial<Record<AgencyKind, Receivable[]>>;
}

export interface JointCase {
  jointCaseId: string;
  caseNumber: string;
  /** His programme episode (the referral). */
  episodeId: string;
  /** Her person record (the partner his release named). */
  herId: string;
  /** The id of the (first) agency of this kind in the demo network. */
  agencyId: (kind: AgencyKind) => string;
}

/** His release covers all his safety-relevant information. */
const RELEASE_SCOPE: InformationKind[] = [
  'programme',
  'safety_concerns',
  'risk',
  'recidivism',
  'questionnaires',
];

/**
 * Replays the casework sequence: referral, intake, active, his release naming her, her support
 * episode, her consent, the joint case (programme and victim support case managers, the
 * partner-contact worker, and a case-level agreement with `otherParties`).
 */
export async function makeJointCase(team: CaseTeam, options: JointCaseOptions): Promise<JointCase> {
  const { pp, vss, partnerContact, coordinator } = team;
  const days = options.daysAgo;
  const agencies = (await vss.get<{ items: { id: string; kind: AgencyKind }[] }>('/api/agencies?limit=100'))
    .items;
  const agencyId = (kind: AgencyKind) => {
    const agency = agencies.find((candidate) => candidate.kind === kind);
    if (!agency) throw new Error(`No agency of kind ${kind} in the demo network`);
    return agency.id;
  };
  const vssAgency = agencyId('victim_support');
  const others = Object.entries(options.otherParties).map(([kind, receives]) => ({
    agencyId: agencyId(kind as AgencyKind),
    receives: receives ?? [],
  }));

  // No person-level information crosses agencies without an organisation-level agreement: the
  // release below cannot name her to victim support without one. The demo network seeded by the
  // server (apps/server/src/seed/demo-network.ts) records no agreement, so each run records its own
  // (once the seed records one in force between these agencies, this step can go).
  const networks = await coordinator.get<{ items: { id: string }[] }>('/api/networks?limit=100');
  await coordinator.post('/api/agreements', {
    level: 'organisation',
    networkId: networks.items[0]!.id,
    title: options.protocolTitle,
    validFrom: isoDaysAgo(400),
    parties: [agencyId('perpetrator_programme'), vssAgency, ...others.map((other) => other.agencyId)].map(
      (party) => ({
        agencyId: party,
        signatoryName: 'Director',
        signedOn: isoDaysAgo(400),
        receives: ['programme'],
      }),
    ),
  });

  const referral = await pp.post<{ id: string }>('/api/referrals', {
    ...options.referral,
    referralDate: isoDaysAgo(days.referral),
  });
  const episodeId = referral.id;
  await pp.post(`/api/pp-episodes/${episodeId}/status`, { to: 'intake', date: isoDaysAgo(days.intake) });
  await pp.post(`/api/pp-episodes/${episodeId}/release`, {
    signedOn: isoDaysAgo(days.release),
    scope: RELEASE_SCOPE,
    partners: [{ ...options.her, partnerContactAgencyId: vssAgency }],
  });
  await pp.post(`/api/pp-episodes/${episodeId}/status`, { to: 'active', date: isoDaysAgo(days.active) });
  const episode = await partnerContact.get<{ partners: { partnerPersonId: string }[] }>(
    `/api/pp-episodes/${episodeId}`,
  );
  const herId = episode.partners[0]!.partnerPersonId;
  const support = await vss.post<{ id: string }>('/api/vss-episodes', {
    personId: herId,
    intakeDate: isoDaysAgo(days.support),
  });
  const consent = await vss.post<{ id: string }>(`/api/victims/${herId}/consents`, {
    scope: 'joint_case',
    givenOn: isoDaysAgo(days.support),
  });
  const jointCase = await vss.post<{ id: string; caseNumber: string }>('/api/joint-cases', {
    ppEpisodeId: episodeId,
    vssEpisodeId: support.id,
    consentId: consent.id,
    ppCaseManagerId: pp.userId,
    vssCaseManagerId: vss.userId,
    partnerContactWorkerId: partnerContact.userId,
    agreement: {
      validFrom: isoDaysAgo(days.support),
      validTo: isoDaysFromNow(365),
      otherParties: others,
    },
  });
  return { jointCaseId: jointCase.id, caseNumber: jointCase.caseNumber, episodeId, herId, agencyId };
}
