import { type RouteDefinition, routes } from '@tandem/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency, makeUser } from '../testing/factories.js';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { signInFully, startTestSystem, type TestClient, type TestSystem } from '../testing/test-system.js';

/**
 * The access matrix (docs/domain.md, "Information-flow rules"): every casework endpoint × every role and side × every
 * sensitive value. One joint case is built through the API the way the people who run it
 * would, with everything her side must keep to itself; then a declarative table says, for
 * each endpoint and role, the status and exactly which sensitive values the answer carries.
 * A value that appears where the table does not allow it fails with its name, the role and
 * the endpoint; a value the table expects but is missing fails too, so a view that broke
 * (and so "leaks nothing") cannot pass as safe.
 */

const RUN = Math.random().toString(36).slice(2, 8).toUpperCase();

/** Values that exist exactly once in the system and must only ever reach the right people. */
const secrets = {
  herAddress: `Via Segreta 7 Bologna ${RUN}`,
  herPhone: `+39 333 ${RUN} 77`,
  herEmail: `lucia.${RUN.toLowerCase()}@hidden.invalid`,
  childSchool: `Scuola Primaria Girasole ${RUN}`,
  codeWord: `PAPAVERO-${RUN}`,
  safeTimes: `Tuesday mornings only ${RUN}`,
  disclosure: `She says he keeps a knife in the car ${RUN}`,
  sharedDisclosure: `He said he will find out where she lives ${RUN}`,
  eventAboutHer: `She moved to a refuge last night ${RUN}`,
  eventFromHer: `She reports he followed her car twice ${RUN}`,
  herViewOfRisk: `She fears him most at weekends ${RUN}`,
  /** That contacting her may be unsafe, the measures taken, a topic she asked to be told: victim side only. */
  contactUnsafe: `He checks her phone every evening ${RUN}`,
  contactMeasures: `Call only the office line on Tuesdays ${RUN}`,
  herTopic: 'module_contents',
  riskNote: `She said he choked her in the kitchen ${RUN}`,
  recidivismNote: `She reports he slashed her tyres ${RUN}`,
  /** His side's notes: for his programme, her service, and agencies whose agreement covers them. */
  hisRiskNote: `Drinks before sessions ${RUN}`,
  hisRecidivismNote: `Admits shouting at her on the phone ${RUN}`,
  /** The link to her record: the perpetrator side keeps a label, never this. */
  herRecordId: '',
  annaAddress: `Vicolo Nascosto 3 ${RUN}`,
  annaRecordId: '',
  /** Her safety plan, her side's qualitative note, her own safety action: victim side only. */
  safetyPlanText: `Keep the spare key at the neighbour's ${RUN}`,
  herSideNote: `She is terrified of the court date ${RUN}`,
  herSafetyAction: `Change the locks at the new flat ${RUN}`,
  /** How the child was assessed: for her service and the agencies the agreement gives the children. */
  childAssessmentNote: `Sofia wants her aunt beside her ${RUN}`,
  /** What an agency said when consulted on a divergence: joint text, read as the agreed level is. */
  consultationReply: `Police: two call-outs this month ${RUN}`,
  /** A note to the child's own Section B: as far as the assessment record goes. */
  childSectionBNote: `He waits for Sofia at the gate ${RUN}`,
  /** Shared without her consent for serious harm: why stays with her service; what, for the police too. */
  seriousHarmReason: `He told her he will kill her tonight ${RUN}`,
  seriousHarmContent: `Threat to kill, a rifle kept at his brother's ${RUN}`,
};
type SecretKey = keyof typeof secrets;
const SECRET_KEYS = Object.keys(secrets) as SecretKey[];

const ROLES = [
  'ppManager',
  'ppAdmin',
  'vssManager',
  'partnerContact',
  'vssAdmin',
  'combinedPp',
  'combinedVss',
  'police',
  'coordinator',
  'childProtection',
  'stranger',
] as const;
type RoleName = (typeof ROLES)[number];
const PERPETRATOR_SIDE: readonly RoleName[] = ['ppManager', 'ppAdmin', 'combinedPp'];

let system: TestSystem;
let scenario: NetworkScenario;
let clients: Record<RoleName, TestClient>;
let childProtectionAgencyId = '';
const ids = {
  episode: '',
  him: '',
  her: '',
  child: '',
  jointCase: '',
  privateDisclosure: '',
  sharedDisclosure: '',
  episodeB: '',
  anna: '',
  jointCaseB: '',
  meeting: '',
  agreement: '',
  seriousHarmShare: '',
};

/** What her service tells the region in the service directory: no value of hers is in it. */
const directoryApproach = `Woman-centred support, partner contact for programmes ${RUN}`;
const directoryEntryBody = () => ({
  region: 'Bologna',
  approach: directoryApproach,
  targetGroups: ['women', 'children_young_people'],
  languages: ['it', 'en'],
  providesPartnerContact: true,
  contactPoints: [{ label: 'Line for professionals', phone: '+39 051 000 000', email: 'rete@casa.invalid' }],
  listed: true,
});
/** Every role reads the entry; only the stranger's agency is outside the network. */
const directoryEvidence = Object.fromEntries(
  ROLES.map((role) => [
    role,
    () => [directoryApproach, role === 'stranger' ? '"inNetwork":false' : '"inNetwork":true'],
  ]),
);

/** Each role's calendar-feed path (made in the set-up; the feed needs no session, only its token). */
const feedPaths: Partial<Record<RoleName, string>> = {};

const today = new Date();
const isoDay = (offsetDays: number) =>
  new Date(today.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function must(response: Promise<LightMyRequestResponse>, status: number, what: string) {
  const answer = await response;
  if (answer.statusCode !== status) throw new Error(`${what}: ${answer.statusCode} ${answer.body}`);
  return answer.json();
}

/** Case A: his programme (PP) and her support (VSS) in two agencies, with the police party to it. */
async function buildCaseA() {
  const { agencies, users } = scenario;
  const referral = await must(
    clients.ppManager.post('/api/referrals', {
      person: { firstName: 'Marco', lastName: 'Testa', dateOfBirth: '1980-05-01' },
      pathway: 'voluntary',
      referralDate: isoDay(-60),
    }),
    201,
    'referral',
  );
  ids.episode = referral.id;
  ids.him = referral.person.id;
  await must(
    clients.ppManager.post(`/api/pp-episodes/${ids.episode}/status`, { to: 'intake', date: isoDay(-55) }),
    200,
    'intake',
  );
  await must(
    clients.ppManager.post(`/api/pp-episodes/${ids.episode}/release`, {
      signedOn: isoDay(-55),
      scope: ['programme', 'safety_concerns', 'risk', 'recidivism', 'questionnaires'],
      partners: [
        {
          firstName: 'Lucia',
          lastName: 'Rossi',
          relationship: 'current',
          partnerContactAgencyId: agencies.vss.id,
          contact: { address: secrets.herAddress, phone: secrets.herPhone, email: secrets.herEmail },
        },
      ],
    }),
    200,
    'release',
  );
  await must(
    clients.ppManager.post(`/api/pp-episodes/${ids.episode}/status`, { to: 'active', date: isoDay(-50) }),
    200,
    'active',
  );
  const forVictimSide = await must(
    clients.partnerContact.get(`/api/pp-episodes/${ids.episode}`),
    200,
    'episode',
  );
  ids.her = forVictimSide.partners[0].partnerPersonId;
  secrets.herRecordId = ids.her;

  await must(
    clients.partnerContact.post(`/api/victims/${ids.her}/partner-contacts`, {
      ppEpisodeId: ids.episode,
      contactedOn: isoDay(-48),
      channel: 'phone',
      outcome: 'reached',
      topicsCovered: ['programme_goals_content', 'limits_no_guarantee', 'module_contents'],
      herViewOfRisk: secrets.herViewOfRisk,
    }),
    201,
    'partner contact',
  );
  await must(
    clients.partnerContact.post(`/api/victims/${ids.her}/contact-safety-concerns`, {
      recordedOn: isoDay(-48),
      concern: secrets.contactUnsafe,
      measures: secrets.contactMeasures,
    }),
    201,
    'contact safety concern',
  );
  const support = await must(
    clients.vssManager.post('/api/vss-episodes', { personId: ids.her, intakeDate: isoDay(-45) }),
    201,
    'support episode',
  );
  await must(
    clients.vssManager.put(`/api/victims/${ids.her}/contact-preferences`, {
      safeChannel: 'sms',
      safeTimes: secrets.safeTimes,
      mayLeaveMessage: false,
      codeWord: secrets.codeWord,
    }),
    200,
    'contact preferences',
  );
  const child = await must(
    clients.vssManager.post('/api/children', {
      firstName: 'Sofia',
      lastName: 'Rossi',
      dateOfBirth: '2018-03-03',
      motherId: ids.her,
      childrensSchool: secrets.childSchool,
    }),
    201,
    'child',
  );
  ids.child = child.id;
  const jointConsent = await must(
    clients.vssManager.post(`/api/victims/${ids.her}/consents`, {
      scope: 'joint_case',
      givenOn: isoDay(-45),
    }),
    201,
    'consent',
  );
  await must(
    clients.vssManager.post(`/api/victims/${ids.her}/consents`, {
      scope: 'share_disclosures',
      givenOn: isoDay(-45),
    }),
    201,
    'share consent',
  );
  ids.privateDisclosure = (
    await must(
      clients.vssManager.post(`/api/victims/${ids.her}/disclosures`, {
        disclosedOn: isoDay(-44),
        content: secrets.disclosure,
      }),
      201,
      'disclosure',
    )
  ).id;
  ids.sharedDisclosure = (
    await must(
      clients.vssManager.post(`/api/victims/${ids.her}/disclosures`, {
        disclosedOn: isoDay(-44),
        content: secrets.sharedDisclosure,
      }),
      201,
      'disclosure',
    )
  ).id;
  const jointCase = await must(
    clients.vssManager.post('/api/joint-cases', {
      ppEpisodeId: ids.episode,
      vssEpisodeId: support.id,
      consentId: jointConsent.id,
      childIds: [ids.child],
      ppCaseManagerId: users.ppManager.id,
      vssCaseManagerId: users.vssManager.id,
      partnerContactWorkerId: users.partnerContact.id,
      agreement: {
        validFrom: isoDay(-45),
        validTo: isoDay(365),
        otherParties: [
          { agencyId: agencies.police.id, receives: ['programme', 'safety_concerns', 'children'] },
          // Victim side, party to the case for the children: not her service.
          { agencyId: childProtectionAgencyId, receives: ['children'] },
        ],
      },
    }),
    201,
    'joint case',
  );
  ids.jointCase = jointCase.id;
  // Shared with the programme without source protection: the programme must still not learn it was her.
  await must(
    clients.vssManager.post(`/api/disclosures/${ids.sharedDisclosure}/share`, {
      jointCaseId: ids.jointCase,
      sourceProtected: false,
    }),
    201,
    'share',
  );
  // Recorded on his side, what she reported reaches the programme only with her consent to share risk information.
  await must(
    clients.vssManager.post(`/api/victims/${ids.her}/consents`, {
      scope: 'share_risk_information',
      givenOn: isoDay(-11),
    }),
    201,
    'consent to share risk information',
  );
  await must(
    clients.vssManager.post(`/api/pp-episodes/${ids.episode}/critical-events`, {
      kind: 'threat',
      occurredOn: isoDay(-10),
      source: 'her',
      description: secrets.eventFromHer,
    }),
    201,
    'critical event from her',
  );
  await must(
    clients.vssManager.post(`/api/pp-episodes/${ids.episode}/critical-events`, {
      kind: 'separation',
      occurredOn: isoDay(-9),
      source: 'her',
      description: secrets.eventAboutHer,
      aboutPartnerId: ids.her,
    }),
    201,
    'critical event about her',
  );
  await must(
    clients.ppManager.post(`/api/pp-episodes/${ids.episode}/critical-events`, {
      kind: 'safety_concern',
      occurredOn: isoDay(-8),
      source: 'professional_observation',
      description: 'Angry outburst in group about the separation',
    }),
    201,
    'safety concern',
  );
  // Each side's risk checklist and recidivism log; hers carry what she said.
  const checklist = (answers: Record<string, unknown>) => ({
    instrumentId: 'asap-risk-checklist',
    version: 1,
    jointCaseId: ids.jointCase,
    subject: 'case',
    completedOn: isoDay(-7),
    answers,
  });
  await must(
    clients.vssManager.post(
      '/api/instrument-responses',
      checklist({
        strangulation: { value: 'yes', source: 'her', note: secrets.riskNote },
        threats_to_kill: { value: 'yes', source: 'her' },
      }),
    ),
    201,
    'her side’s checklist',
  );
  await must(
    clients.ppManager.post(
      '/api/instrument-responses',
      checklist({ substance_misuse: { value: 'yes', source: 'him', note: secrets.hisRiskNote } }),
    ),
    201,
    'his side’s checklist',
  );
  await must(
    clients.vssManager.post(`/api/joint-cases/${ids.jointCase}/recidivism`, {
      occurredOn: isoDay(-6),
      forms: ['stalking'],
      severity: 'severe',
      source: 'her',
      description: secrets.recidivismNote,
    }),
    201,
    'her recidivism report',
  );
  await must(
    clients.ppManager.post(`/api/joint-cases/${ids.jointCase}/recidivism`, {
      occurredOn: isoDay(-6),
      forms: ['psychological'],
      severity: 'low',
      source: 'him',
      description: secrets.hisRecidivismNote,
    }),
    201,
    'his recidivism report',
  );
  await must(
    clients.vssManager.put(`/api/victims/${ids.her}/safety-plans/safety`, {
      protectionMeasures: secrets.safetyPlanText,
    }),
    200,
    'safety plan',
  );
  await must(
    clients.vssManager.post(`/api/children/${ids.child}/assessments`, {
      jointCaseId: ids.jointCase,
      assessedOn: isoDay(-5),
      parentConsentFrom: 'mother',
      childInformed: true,
      childToldMayWithdraw: true,
      childToldMayRefuse: true,
      childToldHowRecorded: true,
      needsConsidered: secrets.childAssessmentNote,
      medicalNeeds: true,
      sectionB: {
        instrumentId: 'asap-children-risk',
        version: 1,
        answers: { stalks_children: { value: 'yes', note: secrets.childSectionBNote, source: 'her' } },
      },
    }),
    201,
    'child assessment',
  );
  await must(
    clients.vssManager.post(`/api/joint-cases/${ids.jointCase}/actions`, {
      need: 'Her safety at home',
      action: secrets.herSafetyAction,
      term: isoDay(10),
      responsibleAgencyId: scenario.agencies.vss.id,
      victimSideOnly: true,
    }),
    201,
    'her own safety action',
  );
  const meetings = await must(
    clients.vssManager.get(`/api/joint-cases/${ids.jointCase}/meetings`),
    200,
    'meetings',
  );
  // The case's scheduled meeting (the two incidents above also had an extraordinary one proposed).
  ids.meeting = meetings.items.find((meeting: { kind: string }) => meeting.kind === 'scheduled').id;
  await must(
    clients.vssManager.post(`/api/meetings/${ids.meeting}/qualitative-notes`, {
      concernLevel: 'high',
      text: secrets.herSideNote,
    }),
    200,
    'her side’s qualitative note',
  );
  ids.agreement = (
    await must(clients.vssManager.get(`/api/joint-cases/${ids.jointCase}`), 200, 'case')
  ).agreementId;
}

/** Case B: one organisation runs both sides behind the barrier. */
async function buildCaseB() {
  const { agencies, users } = scenario;
  const referral = await must(
    clients.combinedPp.post('/api/referrals', {
      person: { firstName: 'Gianni', lastName: 'Barriera' },
      pathway: 'voluntary',
      referralDate: isoDay(-40),
    }),
    201,
    'referral B',
  );
  ids.episodeB = referral.id;
  await must(
    clients.combinedPp.post(`/api/pp-episodes/${ids.episodeB}/status`, { to: 'intake', date: isoDay(-39) }),
    200,
    'intake B',
  );
  await must(
    clients.combinedPp.post(`/api/pp-episodes/${ids.episodeB}/release`, {
      signedOn: isoDay(-39),
      scope: ['programme', 'safety_concerns'],
      partners: [
        {
          firstName: 'Anna',
          lastName: 'Muraglia',
          relationship: 'former',
          partnerContactAgencyId: agencies.combined.id,
          contact: { address: secrets.annaAddress },
        },
      ],
    }),
    200,
    'release B',
  );
  const forVictimSide = await must(
    clients.combinedVss.get(`/api/pp-episodes/${ids.episodeB}`),
    200,
    'episode B',
  );
  ids.anna = forVictimSide.partners[0].partnerPersonId;
  secrets.annaRecordId = ids.anna;
  const support = await must(
    clients.combinedVss.post('/api/vss-episodes', { personId: ids.anna, intakeDate: isoDay(-38) }),
    201,
    'support B',
  );
  const consent = await must(
    clients.combinedVss.post(`/api/victims/${ids.anna}/consents`, {
      scope: 'joint_case',
      givenOn: isoDay(-38),
    }),
    201,
    'consent B',
  );
  ids.jointCaseB = (
    await must(
      clients.combinedVss.post('/api/joint-cases', {
        ppEpisodeId: ids.episodeB,
        vssEpisodeId: support.id,
        consentId: consent.id,
        ppCaseManagerId: users.combinedPp.id,
        vssCaseManagerId: users.combinedVss.id,
        agreement: { validFrom: isoDay(-38), validTo: isoDay(365) },
      }),
      201,
      'joint case B',
    )
  ).id;
}

/**
 * A serious-harm share of hers to the police, recorded by her case manager and authorised by a
 * second case manager of her service (four eyes), so that the police read it today.
 */
async function buildSeriousHarmShare() {
  const second = await makeUser(system.database.db, {
    agencyId: scenario.agencies.vss.id,
    roles: ['vss_case_manager'],
    side: 'victim',
    networkIds: [scenario.network.id],
  });
  ids.seriousHarmShare = (
    await must(
      clients.vssManager.post(`/api/victims/${ids.her}/serious-harm-shares`, {
        recipientAgencyId: scenario.agencies.police.id,
        atRisk: 'her',
        lawfulBasis: 'vital_interests',
        legalReference: 'GDPR art. 6(1)(d)',
        reason: secrets.seriousHarmReason,
        content: secrets.seriousHarmContent,
        validTo: isoDay(14),
      }),
      201,
      'serious-harm share',
    )
  ).id;
  await must(
    (await signInFully(system, second)).post(`/api/serious-harm-shares/${ids.seriousHarmShare}/decision`, {
      decision: 'authorise',
    }),
    200,
    'authorise serious-harm share',
  );
}

beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
  const db = system.database.db;
  // A victim-side case manager of an agency that has nothing to do with this network or case.
  const unrelated = await makeAgency(db, { kind: 'victim_support' });
  const stranger = await makeUser(db, {
    agencyId: unrelated.id,
    roles: ['vss_case_manager'],
    side: 'victim',
  });
  // A child-protection service of the network, working on the victim side.
  const childProtection = await makeAgency(db, {
    kind: 'child_protection',
    networkIds: [scenario.network.id],
  });
  childProtectionAgencyId = childProtection.id;
  const childProtectionLead = await makeUser(db, {
    agencyId: childProtection.id,
    roles: ['child_protection_lead'],
    side: 'victim',
  });
  clients = {
    ...scenario.clients,
    stranger: await signInFully(system, stranger),
    childProtection: await signInFully(system, childProtectionLead),
  };
  await buildCaseA();
  await buildCaseB();
  await buildSeriousHarmShare();
  await must(
    clients.vssAdmin.put(`/api/agencies/${scenario.agencies.vss.id}/directory-entry`, directoryEntryBody()),
    200,
    'directory entry',
  );
  for (const role of ROLES) {
    const feed = await must(clients[role].post('/api/me/calendar-feed'), 201, `calendar feed of ${role}`);
    feedPaths[role] = new URL(feed.url).pathname;
  }
});
afterAll(() => system?.close());

// ---------------------------------------------------------------------------------------------
// The table.

interface Expectation {
  status: number;
  /** Sensitive values the answer may carry. */
  may: readonly SecretKey[];
  /** Of those, the ones it must carry (the view works): by default all of them. */
  must: readonly SecretKey[];
}
/** The answer has this status and carries exactly these sensitive values. */
const shows = (status: number, ...keys: SecretKey[]): Expectation => ({ status, may: keys, must: keys });
/** Refused, or answered with none of the sensitive values. */
const nothing = (status: number): Expectation => ({ status, may: [], must: [] });
/** May carry these (e.g. identifiers in the audit trail, depending on paging), nothing else. */
const atMost = (status: number, ...keys: SecretKey[]): Expectation => ({ status, may: keys, must: [] });

interface EndpointSpec {
  name: string;
  /** The route table entry this row exercises (read rows). */
  route?: RouteDefinition;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: () => string;
  body?: () => unknown;
  /** Every role not listed gets `others`. */
  expect: Partial<Record<RoleName, Expectation>> & { others: Expectation };
  /**
   * Proof that the view works for a role even where it carries no sensitive value: strings its
   * answer must hold (an id, a number). A row that could pass by answering nothing to everyone
   * is refused by the test below.
   */
  evidence?: Partial<Record<RoleName, () => string[]>>;
}

const HER_CONTACT: SecretKey[] = ['herAddress', 'herPhone', 'herEmail'];
const HER_FILE: SecretKey[] = [
  ...HER_CONTACT,
  'codeWord',
  'safeTimes',
  'disclosure',
  'sharedDisclosure',
  'herViewOfRisk',
  'herRecordId',
  'contactUnsafe',
  'contactMeasures',
  'herTopic',
];
const victimSideOfA = (expectation: Expectation) => ({
  vssManager: expectation,
  partnerContact: expectation,
});

const readEndpoints: EndpointSpec[] = [
  {
    name: 'GET /api/people/search?q=<her name>',
    route: routes.people.search,
    method: 'GET',
    url: () => '/api/people/search?q=Lucia%20Rossi',
    expect: { others: nothing(200), ...victimSideOfA(shows(200, 'herRecordId')) },
  },
  {
    name: 'GET /api/people/search?q=<her name, accents and case changed>',
    route: routes.people.search,
    method: 'GET',
    url: () => '/api/people/search?q=l%C3%BAcia%20ROSSI',
    expect: { others: nothing(200), ...victimSideOfA(shows(200, 'herRecordId')) },
  },
  {
    name: 'GET /api/people/search?dateOfBirth=<the child’s>',
    route: routes.people.search,
    method: 'GET',
    url: () => '/api/people/search?dateOfBirth=2018-03-03',
    expect: { others: nothing(200) },
    evidence: { vssManager: () => [ids.child], ppManager: () => [ids.child] },
  },
  {
    name: 'GET /api/home',
    route: routes.cases.home,
    method: 'GET',
    url: () => '/api/home',
    // Her duties carry what the worker needs before contacting her: her safe times and code word.
    expect: { others: nothing(200), ...victimSideOfA(shows(200, 'herRecordId', 'codeWord', 'safeTimes')) },
    evidence: { ppManager: () => [ids.jointCase] },
  },
  {
    name: 'GET /api/duties',
    route: routes.duties.list,
    method: 'GET',
    url: () => '/api/duties',
    expect: { others: nothing(200), ...victimSideOfA(shows(200, 'herRecordId', 'codeWord', 'safeTimes')) },
  },
  {
    name: 'GET /api/people/:herId',
    route: routes.people.get,
    method: 'GET',
    url: () => `/api/people/${ids.her}`,
    expect: { others: nothing(404), ...victimSideOfA(shows(200, ...HER_CONTACT, 'herRecordId')) },
  },
  {
    name: 'GET /api/people/:childId',
    route: routes.people.get,
    method: 'GET',
    url: () => `/api/people/${ids.child}`,
    expect: {
      others: nothing(404),
      ...victimSideOfA(shows(200, 'childSchool')),
      // The programme works with him as a father: it knows the child, not where she is.
      ppManager: nothing(200),
      police: nothing(200),
      childProtection: nothing(200),
    },
    evidence: { ppManager: () => ['Sofia'], police: () => ['Sofia'] },
  },
  {
    name: 'GET /api/people/:himId',
    route: routes.people.get,
    method: 'GET',
    url: () => `/api/people/${ids.him}`,
    expect: {
      others: nothing(404),
      ppManager: nothing(200),
      ...victimSideOfA(nothing(200)),
      police: nothing(200),
    },
    evidence: { ppManager: () => ['Marco'], vssManager: () => ['Marco'], police: () => ['Marco'] },
  },
  {
    name: 'GET /api/victims/:herId',
    route: routes.victim.get,
    method: 'GET',
    url: () => `/api/victims/${ids.her}`,
    expect: { others: nothing(404), ...victimSideOfA(shows(200, ...HER_FILE)) },
  },
  {
    name: 'GET /api/victims/:herId/safety-plans/safety',
    route: routes.victim.safetyPlan,
    method: 'GET',
    url: () => `/api/victims/${ids.her}/safety-plans/safety`,
    expect: { others: nothing(404), ...victimSideOfA(shows(200, 'safetyPlanText')) },
  },
  {
    name: 'GET /api/pp-episodes/:id',
    route: routes.programme.get,
    method: 'GET',
    url: () => `/api/pp-episodes/${ids.episode}`,
    expect: {
      others: nothing(404),
      ppManager: nothing(200),
      ...victimSideOfA(shows(200, 'herRecordId')),
      // His release covers the programme for the police; the link to her record is not theirs.
      police: nothing(200),
    },
    evidence: { ppManager: () => [ids.episode, '"ordinal":1'], police: () => [ids.episode] },
  },
  {
    name: 'GET /api/pp-episodes',
    route: routes.programme.list,
    method: 'GET',
    url: () => '/api/pp-episodes',
    expect: { others: nothing(200) },
    evidence: { ppManager: () => [ids.episode], vssManager: () => [ids.episode] },
  },
  {
    name: 'GET /api/joint-cases/:id',
    route: routes.cases.get,
    method: 'GET',
    url: () => `/api/joint-cases/${ids.jointCase}`,
    expect: {
      others: nothing(404),
      // What was shared with the programme, and what she reported about him — without her name on it.
      ppManager: shows(200, 'sharedDisclosure', 'eventFromHer'),
      ...victimSideOfA(shows(200, ...HER_FILE, 'childSchool', 'eventAboutHer', 'eventFromHer')),
      police: shows(200, 'eventFromHer'),
      // Party to the case for the children only: the case header and the child, nothing of hers.
      childProtection: nothing(200),
    },
    evidence: { childProtection: () => [ids.jointCase, ids.child] },
  },
  {
    name: 'GET /api/joint-cases',
    route: routes.cases.list,
    method: 'GET',
    url: () => '/api/joint-cases',
    expect: { others: nothing(200) },
    evidence: {
      ppManager: () => [ids.jointCase],
      vssManager: () => [ids.jointCase],
      police: () => [ids.jointCase],
    },
  },
  {
    name: 'GET /api/joint-cases/:id/children',
    route: routes.cases.children,
    method: 'GET',
    url: () => `/api/joint-cases/${ids.jointCase}/children`,
    expect: {
      others: nothing(404),
      ...victimSideOfA(shows(200, 'childAssessmentNote', 'childSectionBNote')),
      // The programme knows the children of the case; how each was assessed is not for it.
      ppManager: nothing(200),
      // The agreement gives the police and child protection the children.
      police: shows(200, 'childAssessmentNote', 'childSectionBNote'),
      childProtection: shows(200, 'childAssessmentNote', 'childSectionBNote'),
    },
    evidence: { ppManager: () => [ids.child] },
  },
  {
    // Each child's newest level: for those who assess children, as far as the grants go; never
    // the school, nor a note.
    name: 'GET /api/children/risk-levels',
    route: routes.cases.childrenRisk,
    method: 'GET',
    url: () => '/api/children/risk-levels',
    expect: {
      others: nothing(404),
      ...victimSideOfA(nothing(200)),
      childProtection: nothing(200),
      combinedVss: nothing(200),
      stranger: nothing(200),
    },
    evidence: {
      vssManager: () => [ids.child],
      partnerContact: () => [ids.child],
      childProtection: () => [ids.child],
    },
  },
  {
    name: 'GET /api/joint-cases/:id/risk',
    route: routes.instruments.jointRisk,
    method: 'GET',
    url: () => `/api/joint-cases/${ids.jointCase}/risk`,
    expect: {
      others: nothing(404),
      // Without her consent to share risk information her items are withheld from all but her service.
      ppManager: shows(200, 'hisRiskNote'),
      ...victimSideOfA(shows(200, 'riskNote', 'hisRiskNote')),
      // Their agreements do not cover risk information.
      police: nothing(404),
      childProtection: nothing(404),
    },
  },
  {
    name: 'GET /api/networks/:id/risk-divergence',
    route: routes.instruments.riskDivergence,
    method: 'GET',
    url: () => `/api/networks/${scenario.network.id}/risk-divergence`,
    // Counts only, for the network's coordinator (and analysts): no case, no person, no level of hers.
    expect: { others: nothing(404), coordinator: nothing(200) },
    evidence: { coordinator: () => ['"minimumCount":5'] },
  },
  // The same counts as files for data collection: for the coordinator (and analysts) only.
  {
    name: 'GET /api/networks/:id/statistics.csv',
    route: routes.network.statisticsCsv,
    method: 'GET',
    url: () => `/api/networks/${scenario.network.id}/statistics.csv`,
    expect: { others: nothing(404), coordinator: nothing(200) },
    evidence: { coordinator: () => ['Network,From,To,Section,Figure,Value,Suppressed,Definition'] },
  },
  {
    name: 'GET /api/networks/:id/statistics.xlsx',
    route: routes.network.statisticsXlsx,
    method: 'GET',
    url: () => `/api/networks/${scenario.network.id}/statistics.xlsx`,
    expect: { others: nothing(404), coordinator: nothing(200) },
    // A zip (the workbook); its words are read back in statistics-export.test.ts.
    evidence: { coordinator: () => ['PK'] },
  },
  {
    name: 'GET /api/networks/:id/statistics.json',
    route: routes.network.statisticsJson,
    method: 'GET',
    url: () => `/api/networks/${scenario.network.id}/statistics.json`,
    expect: { others: nothing(404), coordinator: nothing(200) },
    evidence: { coordinator: () => ['"minimumCount": 5'] },
  },
  {
    name: 'GET /api/joint-cases/:id/recidivism',
    route: routes.instruments.recidivism,
    method: 'GET',
    url: () => `/api/joint-cases/${ids.jointCase}/recidivism`,
    expect: {
      others: nothing(404),
      ppManager: shows(200, 'hisRecidivismNote'),
      ...victimSideOfA(shows(200, 'recidivismNote', 'hisRecidivismNote')),
      police: nothing(404),
      childProtection: nothing(404),
    },
  },
  {
    name: 'GET /api/joint-cases/:id/impact',
    route: routes.instruments.impact,
    method: 'GET',
    url: () => `/api/joint-cases/${ids.jointCase}/impact`,
    expect: { others: nothing(404), ppManager: nothing(200), ...victimSideOfA(nothing(200)) },
    evidence: { ppManager: () => ['"timepoint":"T0"'], vssManager: () => ['"timepoint":"T0"'] },
  },
  {
    name: 'GET /api/joint-cases/:id/digital-violence',
    route: routes.instruments.digitalViolence,
    method: 'GET',
    url: () => `/api/joint-cases/${ids.jointCase}/digital-violence`,
    // Hers: her service's victim side only; the programme gets the one 404 (README, "Digital violence").
    expect: { others: nothing(404), ...victimSideOfA(shows(200, 'herRecordId')) },
    evidence: { vssManager: () => ['"identifications":[]'] },
  },
  {
    name: 'GET /api/joint-cases/:id/his-risk-factors',
    route: routes.instruments.hisRiskFactors,
    method: 'GET',
    url: () => `/api/joint-cases/${ids.jointCase}/his-risk-factors`,
    // The case's two sides; the agencies party to it learn only the events it raised.
    expect: { others: nothing(404), ppManager: nothing(200), ...victimSideOfA(nothing(200)) },
    evidence: { ppManager: () => ['"can":{"record":true}'], vssManager: () => ['"can":{"record":false}'] },
  },
  {
    name: 'GET /api/joint-cases/:id/meetings',
    route: routes.meetings.listOfCase,
    method: 'GET',
    url: () => `/api/joint-cases/${ids.jointCase}/meetings`,
    // Meetings belong to the two sides of the case; the agencies party to it see none.
    expect: {
      others: nothing(404),
      ppManager: nothing(200),
      ...victimSideOfA(nothing(200)),
      police: nothing(200),
      childProtection: nothing(200),
    },
    evidence: { ppManager: () => [ids.meeting], vssManager: () => [ids.meeting] },
  },
  {
    name: 'GET /api/meetings/:id',
    route: routes.meetings.get,
    method: 'GET',
    url: () => `/api/meetings/${ids.meeting}`,
    // Her side's qualitative notes stay on her side.
    expect: { others: nothing(404), ppManager: nothing(200), ...victimSideOfA(shows(200, 'herSideNote')) },
    evidence: { ppManager: () => [ids.meeting] },
  },
  {
    name: 'GET /api/meetings/:id/calendar.ics',
    route: routes.meetings.calendar,
    method: 'GET',
    url: () => `/api/meetings/${ids.meeting}/calendar.ics`,
    expect: { others: nothing(404), ppManager: nothing(200), ...victimSideOfA(nothing(200)) },
    evidence: { ppManager: () => ['BEGIN:VCALENDAR'], vssManager: () => ['BEGIN:VCALENDAR'] },
  },
  {
    // Whoever may read the meeting may listen to it (for one second here); the stream carries no content.
    name: 'GET /api/live',
    route: routes.live.stream,
    method: 'GET',
    url: () => `/api/live?topics=meeting:${ids.meeting},case:${ids.jointCase}&seconds=1`,
    expect: { others: nothing(404), ppManager: nothing(200), ...victimSideOfA(nothing(200)) },
    evidence: { ppManager: () => ['retry: 2000'], vssManager: () => ['retry: 2000'] },
  },
  {
    name: 'GET /api/joint-cases/:id/actions',
    route: routes.meetings.actionsOfCase,
    method: 'GET',
    url: () => `/api/joint-cases/${ids.jointCase}/actions`,
    // Her own safety measures never reach the programme.
    expect: {
      others: nothing(404),
      ppManager: nothing(200),
      ...victimSideOfA(shows(200, 'herSafetyAction')),
      police: nothing(200),
      childProtection: nothing(200),
    },
    evidence: { ppManager: () => ['"items":'] },
  },
  {
    name: 'GET /api/due',
    route: routes.instruments.due,
    method: 'GET',
    url: () => '/api/due',
    expect: { others: nothing(200) },
    evidence: { ppManager: () => [ids.jointCase], vssManager: () => [ids.jointCase] },
  },
  {
    name: 'GET /api/people/:herId/access-log',
    route: routes.audit.accessLog,
    method: 'GET',
    url: () => `/api/people/${ids.her}/access-log`,
    expect: { others: nothing(404), vssAdmin: nothing(200) },
    evidence: { vssAdmin: () => ['person.read'] },
  },
  {
    name: 'GET /api/people/:childId/access-log',
    route: routes.audit.accessLog,
    method: 'GET',
    url: () => `/api/people/${ids.child}/access-log`,
    expect: { others: nothing(404), vssAdmin: nothing(200) },
    evidence: { vssAdmin: () => ['person.read'] },
  },
  {
    name: 'GET /api/people/:himId/access-log',
    route: routes.audit.accessLog,
    method: 'GET',
    url: () => `/api/people/${ids.him}/access-log`,
    expect: { others: nothing(404), ppAdmin: nothing(200) },
    evidence: { ppAdmin: () => ['person.read'] },
  },
  {
    name: 'GET /api/audit?limit=100',
    route: routes.audit.list,
    method: 'GET',
    url: () => '/api/audit?limit=100',
    expect: {
      others: nothing(200),
      // Identifiers only, never content; the programme's admin never sees her record's id, even
      // where his own case manager created it by naming her.
      vssAdmin: atMost(200, 'herRecordId'),
    },
    evidence: { ppAdmin: () => ['data.read'], vssAdmin: () => ['data.read'] },
  },
  {
    name: 'GET /api/agreements',
    route: routes.network.listAgreements,
    method: 'GET',
    url: () => '/api/agreements',
    expect: { others: nothing(200) },
    evidence: { ppManager: () => [ids.agreement], police: () => [ids.agreement] },
  },
  {
    name: 'GET /api/agreements/:id (the case-level agreement)',
    route: routes.network.getAgreement,
    method: 'GET',
    url: () => `/api/agreements/${ids.agreement}`,
    expect: {
      others: nothing(404),
      ...Object.fromEntries(
        // Every member of a party agency reads the agreement (the coordinator works at the police here).
        (
          [
            'ppManager',
            'ppAdmin',
            'vssManager',
            'partnerContact',
            'vssAdmin',
            'police',
            'coordinator',
            'childProtection',
          ] as const
        ).map((role) => [role, nothing(200)]),
      ),
    },
    evidence: { ppManager: () => [ids.agreement], police: () => [ids.agreement] },
  },
  // The organisation that runs both sides.
  {
    name: 'GET /api/people/search?q=<her name> (combined organisation)',
    route: routes.people.search,
    method: 'GET',
    url: () => '/api/people/search?q=Anna%20Muraglia',
    expect: { others: nothing(200), combinedVss: shows(200, 'annaRecordId') },
  },
  {
    name: 'GET /api/people/:annaId (combined organisation)',
    route: routes.people.get,
    method: 'GET',
    url: () => `/api/people/${ids.anna}`,
    expect: { others: nothing(404), combinedVss: shows(200, 'annaAddress', 'annaRecordId') },
  },
  {
    name: 'GET /api/victims/:annaId (combined organisation)',
    route: routes.victim.get,
    method: 'GET',
    url: () => `/api/victims/${ids.anna}`,
    expect: { others: nothing(404), combinedVss: shows(200, 'annaAddress', 'annaRecordId') },
  },
  {
    name: 'GET /api/pp-episodes/:id (combined organisation)',
    route: routes.programme.get,
    method: 'GET',
    url: () => `/api/pp-episodes/${ids.episodeB}`,
    expect: { others: nothing(404), combinedPp: nothing(200), combinedVss: shows(200, 'annaRecordId') },
    evidence: { combinedPp: () => [ids.episodeB] },
  },
  {
    name: 'GET /api/joint-cases/:id (combined organisation)',
    route: routes.cases.get,
    method: 'GET',
    url: () => `/api/joint-cases/${ids.jointCaseB}`,
    expect: {
      others: nothing(404),
      combinedPp: nothing(200),
      combinedVss: shows(200, 'annaAddress', 'annaRecordId'),
    },
    evidence: { combinedPp: () => [ids.jointCaseB] },
  },
  {
    name: 'GET /api/victims/:herId/serious-harm-shares',
    route: routes.seriousHarm.listOfHer,
    method: 'GET',
    url: () => `/api/victims/${ids.her}/serious-harm-shares`,
    expect: {
      others: nothing(404),
      ...victimSideOfA(shows(200, 'seriousHarmReason', 'seriousHarmContent', 'herRecordId')),
    },
  },
  {
    name: 'GET /api/serious-harm-shares/received',
    route: routes.seriousHarm.received,
    method: 'GET',
    url: () => '/api/serious-harm-shares/received',
    expect: { others: nothing(200), police: shows(200, 'seriousHarmContent') },
  },
  {
    name: 'GET /api/admin/serious-harm-shares',
    route: routes.seriousHarm.reviewList,
    method: 'GET',
    url: () => '/api/admin/serious-harm-shares',
    // Her service's admin reviews the process: her record's reference, never what or why.
    expect: { others: nothing(404), ppAdmin: nothing(200), vssAdmin: shows(200, 'herRecordId') },
    evidence: { vssAdmin: () => [ids.seriousHarmShare] },
  },
  {
    name: 'GET /api/networks/:id/serious-harm-statistics',
    route: routes.seriousHarm.statistics,
    method: 'GET',
    url: () => `/api/networks/${scenario.network.id}/serious-harm-statistics`,
    expect: { others: nothing(404), coordinator: nothing(200) },
    evidence: { coordinator: () => ['"minimumCount":5'] },
  },
  // The service directory: every role, of any side, reads the listed entries; none holds her.
  {
    name: 'GET /api/directory?q=<words of the approach>',
    route: routes.directory.list,
    method: 'GET',
    url: () => `/api/directory?q=${encodeURIComponent(`partner contact for programmes ${RUN}`)}`,
    expect: { others: nothing(200) },
    evidence: directoryEvidence,
  },
  {
    name: 'GET /api/directory?region=&kind=&partnerContact=true',
    route: routes.directory.list,
    method: 'GET',
    url: () => '/api/directory?region=bolo&kind=victim_support&partnerContact=true&limit=100',
    expect: { others: nothing(200) },
    evidence: directoryEvidence,
  },
  {
    name: 'GET /api/directory/:agencyId (her service’s entry)',
    route: routes.directory.get,
    method: 'GET',
    url: () => `/api/directory/${scenario.agencies.vss.id}`,
    expect: { others: nothing(200) },
    evidence: directoryEvidence,
  },
  {
    name: 'GET /api/me/calendar-feed',
    route: routes.calendarFeed.status,
    method: 'GET',
    url: () => '/api/me/calendar-feed',
    // Whether the caller's own feed is in force: never its URL, never anyone else's.
    expect: { others: nothing(200) },
    evidence: Object.fromEntries(ROLES.map((role) => [role, () => ['"active":true']])),
  },
  // Each role's feed, fetched with every role's session (the session plays no part: the token
  // names its owner), holds nothing sensitive — only case numbers, kinds and links of the owner's cases.
  ...ROLES.map(
    (owner): EndpointSpec => ({
      name: `GET /api/calendar/:token.ics (the feed of ${owner})`,
      route: routes.calendarFeed.feed,
      method: 'GET',
      url: () => feedPaths[owner] ?? '/api/calendar/missing.ics',
      expect: { others: nothing(200) },
      evidence: Object.fromEntries(
        ROLES.map((role) => [
          role,
          () =>
            ['ppManager', 'vssManager', 'partnerContact'].includes(owner)
              ? [ids.jointCase]
              : ['BEGIN:VCALENDAR'],
        ]),
      ),
    }),
  ),
];

/**
 * GET routes outside the matrix, each with the reason: they hold no person-level data of a
 * client (staff and directory data are covered by their own tests), or they answer a file the
 * matrix cannot read as text (the PDFs: tests/meetings.test.ts reads them page by page).
 */
const OUTSIDE_THE_MATRIX: ReadonlyArray<[RouteDefinition, string]> = [
  [routes.system.health, 'liveness'],
  [routes.system.publicConfig, 'the sign-in page’s settings'],
  [routes.auth.session, 'the caller’s own session'],
  [routes.admin.listAgencies, 'the directory of agencies'],
  [routes.admin.listNetworks, 'the directory of networks'],
  [routes.admin.staffDirectory, 'names and roles of staff'],
  [routes.admin.listUsers, 'staff accounts (tests/separation-of-duties.test.ts)'],
  [routes.admin.getUser, 'staff accounts (tests/separation-of-duties.test.ts)'],
  [routes.admin.listRoleApprovals, 'staff accounts (tests/separation-of-duties.test.ts)'],
  [routes.network.listPhase1Meetings, 'the network’s Phase 1 meetings: no client'],
  [routes.instruments.definitions, 'instrument definitions'],
  [routes.instruments.definition, 'instrument definitions'],
  [routes.meetings.minutesPdf, 'a PDF (tests/meetings.test.ts reads its text)'],
  [routes.meetings.actionPlanPdf, 'a PDF (tests/meetings.test.ts reads its text)'],
];

/**
 * The main writes, each carrying sensitive values in its request. Refused answers must not
 * echo them; permitted answers show what the role may see. Roles run in table order, so each
 * permitted write happens once per permitted role (counted at the end).
 */
const writeEndpoints: EndpointSpec[] = [
  {
    name: 'POST /api/victims/:herId/serious-harm-shares',
    method: 'POST',
    url: () => `/api/victims/${ids.her}/serious-harm-shares`,
    body: () => ({
      recipientAgencyId: scenario.agencies.police.id,
      atRisk: 'her',
      lawfulBasis: 'legal_duty',
      legalReference: 'National reporting duty',
      reason: secrets.seriousHarmReason,
      content: secrets.seriousHarmContent,
      validTo: isoDay(7),
    }),
    // Only her case manager records one; the answer is its id.
    expect: { others: nothing(404), vssManager: nothing(201) },
  },
  {
    name: 'PUT /api/people/:herId/contact',
    method: 'PUT',
    url: () => `/api/people/${ids.her}/contact`,
    body: () => ({ address: secrets.herAddress, phone: secrets.herPhone, email: secrets.herEmail }),
    expect: { others: nothing(404), ...victimSideOfA(shows(200, ...HER_CONTACT, 'herRecordId')) },
  },
  {
    name: 'PUT /api/people/:childId/contact',
    method: 'PUT',
    url: () => `/api/people/${ids.child}/contact`,
    body: () => ({ childrensSchool: secrets.childSchool }),
    expect: { others: nothing(404), ...victimSideOfA(shows(200, 'childSchool')) },
  },
  {
    name: 'PUT /api/victims/:herId/contact-preferences',
    method: 'PUT',
    url: () => `/api/victims/${ids.her}/contact-preferences`,
    body: () => ({
      safeChannel: 'sms',
      safeTimes: secrets.safeTimes,
      mayLeaveMessage: false,
      codeWord: secrets.codeWord,
    }),
    expect: { others: nothing(404), ...victimSideOfA(shows(200, 'codeWord', 'safeTimes')) },
  },
  {
    name: 'POST /api/victims/:herId/consents/several',
    method: 'POST',
    url: () => `/api/victims/${ids.her}/consents/several`,
    body: () => ({ scopes: ['informed_module_content'], givenOn: isoDay(0) }),
    expect: { others: nothing(404), ...victimSideOfA(nothing(201)) },
  },
  {
    name: 'POST /api/victims/:herId/contact-safety-concerns',
    method: 'POST',
    url: () => `/api/victims/${ids.her}/contact-safety-concerns`,
    body: () => ({ recordedOn: isoDay(0), concern: 'Her mother may be told', measures: 'No letters' }),
    expect: { others: nothing(404), ...victimSideOfA(nothing(201)) },
  },
  {
    name: 'POST /api/victims/:herId/disclosures',
    method: 'POST',
    url: () => `/api/victims/${ids.her}/disclosures`,
    body: () => ({ disclosedOn: isoDay(-1), content: secrets.disclosure }),
    expect: { others: nothing(404), ...victimSideOfA(nothing(201)) },
  },
  {
    name: 'POST /api/pp-episodes/:id/critical-events (about her)',
    method: 'POST',
    url: () => `/api/pp-episodes/${ids.episode}/critical-events`,
    body: () => ({
      kind: 'new_incident',
      occurredOn: isoDay(-1),
      source: 'her',
      description: secrets.eventAboutHer,
      aboutPartnerId: ids.her,
    }),
    expect: { others: nothing(404), ...victimSideOfA(nothing(201)) },
  },
  {
    name: 'POST /api/disclosures/:id/share',
    method: 'POST',
    url: () => `/api/disclosures/${ids.sharedDisclosure}/share`,
    body: () => ({ jointCaseId: ids.jointCase, sourceProtected: true }),
    expect: { others: nothing(404), vssManager: nothing(201) },
  },
  {
    name: 'POST /api/children (with her as mother and the school)',
    method: 'POST',
    url: () => '/api/children',
    body: () => ({
      firstName: 'Sofia',
      lastName: 'Rossi',
      motherId: ids.her,
      childrensSchool: secrets.childSchool,
    }),
    expect: {
      others: nothing(403),
      vssManager: shows(201, 'childSchool'),
      // Case roles that may record children but cannot see her: "no such person in your reach".
      ppManager: nothing(400),
      combinedPp: nothing(400),
      combinedVss: nothing(400),
      childProtection: nothing(400),
      stranger: nothing(400),
    },
  },
  {
    name: 'POST /api/joint-cases/:id/informal-contacts',
    method: 'POST',
    url: () => `/api/joint-cases/${ids.jointCase}/informal-contacts`,
    body: () => ({
      occurredOn: isoDay(-1),
      withWhom: 'The other case manager',
      summary: 'Agreed to meet sooner',
    }),
    expect: {
      others: nothing(404),
      ppManager: nothing(201),
      ...victimSideOfA(nothing(201)),
      police: nothing(201),
      childProtection: nothing(201),
    },
  },
  {
    // The sides diverge (her service's checklist high, his programme's low): its case managers
    // record consulting the police; the answer is the risk view as each may read it.
    name: 'POST /api/joint-cases/:id/risk-consultations',
    method: 'POST',
    url: () => `/api/joint-cases/${ids.jointCase}/risk-consultations`,
    body: () => ({
      agencyId: scenario.agencies.police.id,
      consultedOn: isoDay(-1),
      reply: secrets.consultationReply,
    }),
    expect: {
      others: nothing(404),
      ppManager: shows(201, 'hisRiskNote', 'consultationReply'),
      vssManager: shows(201, 'riskNote', 'hisRiskNote', 'consultationReply'),
      partnerContact: nothing(403),
      police: nothing(404),
      childProtection: nothing(404),
    },
  },
  {
    // Only a meeting the system proposed awaits a decision: the case's planned one answers 409
    // to the team that runs it, and the one refusal to everyone else.
    name: 'POST /api/meetings/:id/decision',
    method: 'POST',
    url: () => `/api/meetings/${ids.meeting}/decision`,
    body: () => ({ decision: 'accept' }),
    expect: { others: nothing(404), ppManager: nothing(409), ...victimSideOfA(nothing(409)) },
  },
  {
    name: 'POST /api/pp-episodes/:id/attendance',
    method: 'POST',
    url: () => `/api/pp-episodes/${ids.episode}/attendance`,
    body: () => ({ sessionDate: isoDay(-2), status: 'present' }),
    expect: { others: nothing(404), ppManager: nothing(200) },
  },
  {
    name: 'POST /api/pp-episodes/:id/critical-events (about him, reported by her)',
    method: 'POST',
    url: () => `/api/pp-episodes/${ids.episode}/critical-events`,
    body: () => ({
      kind: 'threat',
      occurredOn: isoDay(-1),
      source: 'her',
      description: secrets.eventFromHer,
    }),
    expect: {
      others: nothing(404),
      ppManager: nothing(201),
      ...victimSideOfA(nothing(201)),
      police: nothing(201),
      // What she reported goes on his side only with her consent, which child protection cannot
      // read: it is refused rather than assumed.
      childProtection: nothing(409),
    },
  },
  {
    // Her service's own admin writes its entry; every other role is refused, another agency's admin too.
    name: 'PUT /api/agencies/:id/directory-entry',
    method: 'PUT',
    url: () => `/api/agencies/${scenario.agencies.vss.id}/directory-entry`,
    body: directoryEntryBody,
    expect: { others: nothing(404), vssAdmin: nothing(200) },
  },
  {
    // Replaces the caller's own feed: the answer is its new URL, and nothing of any case.
    name: 'POST /api/me/calendar-feed',
    method: 'POST',
    url: () => '/api/me/calendar-feed',
    expect: { others: nothing(201) },
  },
  {
    name: 'DELETE /api/me/calendar-feed',
    method: 'DELETE',
    url: () => '/api/me/calendar-feed',
    expect: { others: nothing(200) },
  },
];

/** The declarative table itself: one row per endpoint and role. */
function tableOf(specs: readonly EndpointSpec[]) {
  return specs.flatMap((spec) =>
    ROLES.map((role) => {
      const expectation = spec.expect[role] ?? spec.expect.others;
      return {
        endpoint: spec.name,
        spec,
        role,
        expectStatus: expectation.status,
        mayContain: expectation.may,
        mustContain: expectation.must,
      };
    }),
  );
}
type TableRow = ReturnType<typeof tableOf>[number];

interface Findings {
  leaks: string[];
  missing: string[];
  wrongStatus: string[];
  badErrorBodies: string[];
}

async function check(rows: readonly TableRow[]): Promise<Findings> {
  const findings: Findings = { leaks: [], missing: [], wrongStatus: [], badErrorBodies: [] };
  for (const row of rows) {
    const response = await clients[row.role].request(row.spec.method, row.spec.url(), row.spec.body?.());
    const where = `via ${row.endpoint} as ${row.role}`;
    if (response.statusCode !== row.expectStatus) {
      findings.wrongStatus.push(
        `${row.endpoint} as ${row.role}: ${response.statusCode}, expected ${row.expectStatus}`,
      );
    }
    for (const key of SECRET_KEYS) {
      const present = secrets[key] !== '' && response.body.includes(secrets[key]);
      if (present && !row.mayContain.includes(key)) findings.leaks.push(`${key} ${where}`);
      if (!present && row.mustContain.includes(key)) findings.missing.push(`${key} ${where}`);
    }
    for (const expected of row.spec.evidence?.[row.role]?.() ?? []) {
      if (!response.body.includes(expected)) findings.missing.push(`evidence ${expected} ${where}`);
    }
    if (PERPETRATOR_SIDE.includes(row.role) && /"(source|attribution)":"her"/.test(response.body)) {
      findings.leaks.push(`source "her" ${where}`);
    }
    if (response.statusCode >= 400) {
      const keys = Object.keys(response.json());
      if (!keys.includes('error') || keys.some((key) => !['error', 'message', 'fields'].includes(key))) {
        findings.badErrorBodies.push(`${where}: ${response.body}`);
      }
    }
  }
  return findings;
}

const noFindings: Findings = { leaks: [], missing: [], wrongStatus: [], badErrorBodies: [] };

describe('the access matrix: who receives which sensitive value, by every path', () => {
  it('builds the case with every sensitive value in place', () => {
    for (const key of SECRET_KEYS) expect(secrets[key], key).not.toBe('');
    expect(tableOf(readEndpoints)).toHaveLength(readEndpoints.length * ROLES.length);
  });

  it('names, for every read row, a role that must see something (no row passes by answering nothing)', () => {
    const blind = readEndpoints.filter(
      (spec) =>
        Object.entries(spec.expect).every(([, expectation]) => expectation.must.length === 0) &&
        Object.keys(spec.evidence ?? {}).length === 0,
    );
    expect(blind.map((spec) => spec.name)).toEqual([]);
  });

  it('covers every GET route of the route table, or says why not', () => {
    const covered = new Set<RouteDefinition>(
      readEndpoints.flatMap((spec) => (spec.route ? [spec.route] : [])),
    );
    const exempt = new Set(OUTSIDE_THE_MATRIX.map(([route]) => route));
    const uncovered = Object.values(routes)
      .flatMap((area) => Object.values(area) as RouteDefinition[])
      .filter((route) => route.method === 'GET' && !covered.has(route) && !exempt.has(route))
      .map((route) => route.path);
    expect(uncovered).toEqual([]);
  });

  it.each(readEndpoints.map((spec) => [spec.name, spec] as const))('%s', async (_name, spec) => {
    const findings = await check(tableOf([spec]));
    expect(findings.leaks, 'leaks').toEqual([]);
    expect(findings, 'statuses, missing values, error bodies').toEqual(noFindings);
  });

  it.each(writeEndpoints.map((spec) => [spec.name, spec] as const))('%s', async (_name, spec) => {
    const findings = await check(tableOf([spec]));
    expect(findings.leaks, 'leaks').toEqual([]);
    expect(findings, 'statuses, missing values, error bodies').toEqual(noFindings);
  });

  it('wrote only what the permitted roles wrote (refused writes left nothing behind)', async () => {
    const db = system.database.db;
    const count = async (table: 'disclosure' | 'shared_item' | 'attendance', column: string, value: string) =>
      Number(
        (
          await db
            .selectFrom(table)
            // biome-ignore lint/suspicious/noExplicitAny: a column of whichever table is counted
            .where(column as any, '=', value)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Set-up: two disclosures, one share; the matrix: one disclosure each by her case manager
    // and the partner-contact worker, one share by her case manager, one attendance.
    expect(await count('disclosure', 'person_id', ids.her)).toBe(4);
    expect(await count('shared_item', 'joint_case_id', ids.jointCase)).toBe(2);
    expect(await count('attendance', 'episode_id', ids.episode)).toBe(1);
    // Set-up: one serious-harm share; the matrix: one, by her case manager.
    const seriousHarm = await db
      .selectFrom('serious_harm_share')
      .select('recorded_by')
      .where('person_id', '=', ids.her)
      .execute();
    expect(seriousHarm.map((row) => row.recorded_by)).toEqual([
      scenario.users.vssManager.id,
      scenario.users.vssManager.id,
    ]);
    // One in the set-up, one each by her case manager and the partner-contact worker.
    const concerns = await db
      .selectFrom('contact_safety_concern')
      .select('owner_agency_id')
      .where('person_id', '=', ids.her)
      .execute();
    expect(concerns.map((row) => row.owner_agency_id)).toEqual(concerns.map(() => scenario.agencies.vss.id));
    expect(concerns).toHaveLength(3);
    const events = await db
      .selectFrom('case_event')
      .select(['event_type', 'partner_person_id', 'owner_side'])
      .where('episode_id', '=', ids.episode)
      .execute();
    const aboutHer = events.filter((event) => event.partner_person_id === ids.her);
    expect(aboutHer.map((event) => event.owner_side)).toEqual(['victim', 'victim', 'victim']);
    expect(events.filter((event) => event.event_type === 'informal_contact')).toHaveLength(5);
    const children = await db
      .selectFrom('person')
      .select(['owner_agency_id', 'owner_side'])
      .where('kind', '=', 'child')
      .where('mother_id', '=', ids.her)
      .execute();
    expect(children).toEqual([
      { owner_agency_id: scenario.agencies.vss.id, owner_side: 'victim' },
      { owner_agency_id: scenario.agencies.vss.id, owner_side: 'victim' },
    ]);
  });
});

describe('what the perpetrator side does receive, and how', () => {
  it('gets her report about him and the shared disclosure, attributed to "another source"', async () => {
    const page = (await clients.ppManager.get(`/api/joint-cases/${ids.jointCase}`)).json();
    expect(page.victimSide).toBeNull();
    expect(page.duties).toEqual([]);
    expect(page.partnerContacts).toEqual([]);
    expect(
      page.perpetratorSide.partners.map(
        (partner: { partnerPersonId: string | null }) => partner.partnerPersonId,
      ),
    ).toEqual([null]);
    expect(page.children).toEqual([expect.not.objectContaining({ contact: expect.anything() })]);
    const fromHer = page.events.filter(
      (event: { description: string }) => event.description === secrets.eventFromHer,
    );
    expect(fromHer.length).toBeGreaterThan(0);
    expect(fromHer.map((event: { source: string }) => event.source)).toEqual(
      fromHer.map(() => 'another_source'),
    );
    expect(page.events.map((event: { source: string }) => event.source)).not.toContain('her');
    expect(page.sharedItems.length).toBe(2);
    for (const item of page.sharedItems) {
      expect(item).toMatchObject({ content: secrets.sharedDisclosure, attribution: 'another_source' });
    }
  });

  it('gives the victim side and the police the true source', async () => {
    for (const role of ['vssManager', 'police'] as const) {
      const page = (await clients[role].get(`/api/joint-cases/${ids.jointCase}`)).json();
      const fromHer = page.events.filter(
        (event: { description: string }) => event.description === secrets.eventFromHer,
      );
      expect(fromHer.length, role).toBeGreaterThan(0);
      expect(new Set(fromHer.map((event: { source: string }) => event.source)), role).toEqual(
        new Set(['her']),
      );
    }
  });
});
