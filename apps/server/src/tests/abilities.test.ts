/**
 * The abilities sent with each view agree with what the server then does (docs/architecture.md,
 * "Policies"): for each, an actor it offers the action to is accepted, and an actor it does not
 * offer it to is refused — through the API, as the web app would ask.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseBuilder, isoDay, must } from '../testing/case-builder.js';
import { makeUser } from '../testing/factories.js';
import { makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { signInFully, startTestSystem, type TestClient, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
let scenario: NetworkScenario;
let cases: ReturnType<typeof caseBuilder>;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
  cases = caseBuilder(system, () => scenario);
});
afterAll(() => system?.close());

/** The police as a party receiving his risk, recidivism and questionnaires under the case agreement. */
const policeReceivesHisRecords = {
  policeReceives: ['programme' as const, 'risk' as const, 'recidivism' as const, 'questionnaires' as const],
};

const checklist = (jointCaseId: string, source: string) => ({
  instrumentId: 'asap-risk-checklist',
  version: 1,
  jointCaseId,
  subject: 'case',
  completedOn: isoDay(-1),
  answers: { minimising: { value: 'yes', source } },
});

const questionnaire = (jointCaseId: string, subject: 'him' | 'her') => ({
  instrumentId: `impact-${subject}`,
  version: 1,
  jointCaseId,
  subject,
  timepoint: 'T0',
  completedOn: isoDay(-1),
  answers: { physical: { value: 1 } },
});

const episode = (source: string, sourceAgencyId?: string) => ({
  occurredOn: isoDay(-2),
  forms: ['psychological'],
  severity: 'moderate',
  source,
  ...(sourceAgencyId && { sourceAgencyId }),
});

const abilitiesOf = async (client: TestClient) =>
  (await must(client.get('/api/auth/session'), 200, 'session')).abilities;

describe('the session: the Programme list', () => {
  it('is offered to whoever the list shows episodes to, and to nobody it shows none', async () => {
    const { clients } = scenario;
    const made = await cases.openCase();
    for (const client of [clients.ppManager, clients.police]) {
      expect((await abilitiesOf(client)).viewProgrammes).toBe(true);
      const list = await must(client.get('/api/pp-episodes'), 200, 'list');
      expect(list.items.map((item: { id: string }) => item.id)).toContain(made.episodeId);
    }
    expect((await abilitiesOf(clients.ppAdmin)).viewProgrammes).toBe(false);
    expect((await must(clients.ppAdmin.get('/api/pp-episodes'), 200, 'list')).items).toEqual([]);
    // The victim side reaches his programme through the partners he named, not a list of men.
    expect((await abilitiesOf(clients.vssManager)).viewProgrammes).toBe(false);
  });
});

describe('the session: the children’s risk levels', () => {
  it('are offered to her side, and not to the programme, which the page refuses', async () => {
    const { clients } = scenario;
    expect((await abilitiesOf(clients.vssManager)).assessChildren).toBe(true);
    await must(clients.vssManager.get('/api/children/risk-levels'), 200, 'levels');
    expect((await abilitiesOf(clients.ppManager)).assessChildren).toBe(false);
    expect((await clients.ppManager.get('/api/children/risk-levels')).statusCode).toBe(404);
  });
});

describe('the joint risk assessment', () => {
  it('records the checklist of the side it names, with the sources it offers', async () => {
    const { clients } = scenario;
    const made = await cases.openCase(policeReceivesHisRecords);
    const url = `/api/joint-cases/${made.jointCaseId}/risk`;

    const forProgramme = (await must(clients.ppManager.get(url), 200, 'risk')).can;
    expect(forProgramme).toMatchObject({ recordChecklist: true, recordChecklistFor: 'perpetrator' });
    expect(forProgramme.answerSources).not.toContain('her');
    const refused = await clients.ppManager.post(
      '/api/instrument-responses',
      checklist(made.jointCaseId, 'her'),
    );
    expect(refused.statusCode).toBe(400);
    const his = await must(
      clients.ppManager.post('/api/instrument-responses', checklist(made.jointCaseId, 'him')),
      201,
      'his checklist',
    );

    const forHerService = (await must(clients.vssManager.get(url), 200, 'risk')).can;
    expect(forHerService).toMatchObject({ recordChecklist: true, recordChecklistFor: 'victim' });
    expect(forHerService.answerSources).toContain('her');
    const hers = await must(
      clients.vssManager.post('/api/instrument-responses', checklist(made.jointCaseId, 'her')),
      201,
      'her checklist',
    );

    // The police record their own checklist: on neither side's card.
    const forPolice = (await must(clients.police.get(url), 200, 'risk')).can;
    expect(forPolice).toMatchObject({ recordChecklist: true, recordChecklistFor: null });
    await must(
      clients.police.post('/api/instrument-responses', checklist(made.jointCaseId, 'agency')),
      201,
      'police checklist',
    );
    const view = await must(clients.vssManager.get(url), 200, 'risk');
    expect(view.perpetratorSide.id).toBe(his.id);
    expect(view.victimSide.id).toBe(hers.id);
  });

  it('is not offered to a reader that records none, and the server records none from it', async () => {
    const made = await cases.openCase({ policeReceives: ['programme', 'risk'] });
    const admin = await signInFully(
      system,
      await makeUser(system.database.db, {
        agencyId: scenario.agencies.police.id,
        roles: ['agency_admin'],
        side: 'neutral',
        networkIds: [scenario.network.id],
      }),
    );
    expect((await admin.get(`/api/joint-cases/${made.jointCaseId}/risk`)).statusCode).toBe(404);
    const refused = await admin.post('/api/instrument-responses', checklist(made.jointCaseId, 'agency'));
    expect(refused.statusCode).toBe(404);
  });
});

describe('recidivism', () => {
  it('records from the sources it offers, and an agency of neither side as itself', async () => {
    const { clients, agencies } = scenario;
    const made = await cases.openCase(policeReceivesHisRecords);
    const url = `/api/joint-cases/${made.jointCaseId}/recidivism`;
    const view = async (client: TestClient) =>
      (await must(client.get(`${url}?period=month`), 200, 'view')).can;

    expect(await view(clients.ppManager)).toEqual({ sources: ['him', 'agency'], reportsAsAgency: false });
    expect((await clients.ppManager.post(url, episode('her'))).statusCode).toBe(400);
    await must(clients.ppManager.post(url, episode('him')), 201, 'his report');

    expect(await view(clients.vssManager)).toEqual({
      sources: ['him', 'her', 'agency'],
      reportsAsAgency: false,
    });
    await must(clients.vssManager.post(url, episode('her')), 201, 'her report');

    // Without her consent naming them, what she reported is not the police's to record.
    const police = await view(clients.police);
    expect(police).toEqual({ sources: ['him', 'agency'], reportsAsAgency: true });
    await must(clients.police.post(url, episode('agency', agencies.police.id)), 201, 'its own report');
    const hers = await clients.police.post(url, episode('her'));
    // The write policy refuses it as the one 404.
    expect(hers.statusCode).toBe(404);
  });
});

describe('IMPACT', () => {
  it('gives the questionnaire it names: his for his programme, hers for her service, none for the police', async () => {
    const { clients } = scenario;
    const made = await cases.openCase(policeReceivesHisRecords);
    const url = `/api/joint-cases/${made.jointCaseId}/impact`;
    const can = async (client: TestClient) => (await must(client.get(url), 200, 'impact')).can;

    expect(await can(clients.ppManager)).toMatchObject({ recordFor: 'him' });
    await must(
      clients.ppManager.post('/api/instrument-responses', questionnaire(made.jointCaseId, 'him')),
      201,
      'his questionnaire',
    );
    expect(
      (await clients.ppManager.post('/api/instrument-responses', questionnaire(made.jointCaseId, 'her')))
        .statusCode,
    ).toBe(400);

    expect(await can(clients.vssManager)).toMatchObject({ recordFor: 'her' });
    await must(
      clients.vssManager.post('/api/instrument-responses', questionnaire(made.jointCaseId, 'her')),
      201,
      'her questionnaire',
    );

    expect(await can(clients.police)).toMatchObject({ recordFor: null });
    const hers = await clients.police.post(
      '/api/instrument-responses',
      questionnaire(made.jointCaseId, 'her'),
    );
    expect(hers.statusCode).toBe(404);
  });
});

describe('the joint case: its meetings and action plan', () => {
  it('lets call a meeting and add an action exactly whom it offers them to', async () => {
    const { clients, agencies } = scenario;
    const made = await cases.openCase();
    const can = async (client: TestClient) =>
      (await must(client.get(`/api/joint-cases/${made.jointCaseId}`), 200, 'case')).can;
    const meeting = {
      kind: 'extraordinary',
      mode: 'remote',
      scheduledFor: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    };
    const action = {
      need: 'Safety',
      action: 'Review the plan',
      term: isoDay(30),
      responsibleAgencyId: agencies.vss.id,
    };

    expect(await can(clients.ppManager)).toMatchObject({ callMeeting: true, addAction: true });
    await must(
      clients.ppManager.post(`/api/joint-cases/${made.jointCaseId}/meetings`, meeting),
      201,
      'meeting',
    );
    expect(await can(clients.vssManager)).toMatchObject({ callMeeting: true, addAction: true });
    await must(
      clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/actions`, action),
      201,
      'action',
    );

    expect(await can(clients.police)).toMatchObject({ callMeeting: false, addAction: false });
    const called = await clients.police.post(`/api/joint-cases/${made.jointCaseId}/meetings`, meeting);
    expect(called.statusCode).toBe(403);
    const added = await clients.police.post(`/api/joint-cases/${made.jointCaseId}/actions`, {
      ...action,
      responsibleAgencyId: agencies.police.id,
    });
    expect(added.statusCode).toBe(403);
  });
});

describe('her file: closing her support and editing her contact details', () => {
  it('offers them to her service, which may do them, and to nobody the server refuses', async () => {
    const { clients, agencies, network } = scenario;
    const made = await cases.openCase();
    const file = await must(clients.vssManager.get(`/api/victims/${made.herId}`), 200, 'file');
    expect(file.can).toMatchObject({ closeSupport: true, editContactDetails: true });

    // Her service's child-protection lead reads her file and records on her record, but closes no support.
    const childProtection = await signInFully(
      system,
      await makeUser(system.database.db, {
        agencyId: agencies.vss.id,
        roles: ['child_protection_lead'],
        side: 'victim',
        networkIds: [network.id],
      }),
    );
    const itsView = await must(childProtection.get(`/api/victims/${made.herId}`), 200, 'file');
    expect(itsView.can).toMatchObject({ closeSupport: false });
    const episodeId = file.episodes[0].id as string;
    expect((await childProtection.post(`/api/vss-episodes/${episodeId}/close`)).statusCode).toBe(404);

    // The programme never sees her file nor edits where she is.
    expect((await clients.ppManager.get(`/api/victims/${made.herId}`)).statusCode).toBe(404);
    expect(
      (await clients.ppManager.put(`/api/people/${made.herId}/contact`, { phone: '1' })).statusCode,
    ).toBe(404);

    await must(
      clients.vssManager.put(`/api/people/${made.herId}/contact`, { address: 'Via Nuova 1' }),
      200,
      'contact',
    );
    await must(clients.vssManager.post(`/api/vss-episodes/${episodeId}/close`), 200, 'close');
    const after = await must(clients.vssManager.get(`/api/victims/${made.herId}`), 200, 'file');
    expect(after.can.closeSupport).toBe(false);
  });
});
