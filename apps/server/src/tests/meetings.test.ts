import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inAuditedTransaction } from '../data/transaction.js';
import { keepMeetingsScheduled } from '../jobs/job-runner.js';
import { ensureNextMeeting } from '../services/consequences/meeting-schedule.js';
import { makeJointCase, makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
let scenario: NetworkScenario;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
});
afterAll(() => system?.close());

const daysBetween = (from: Date, to: string) =>
  Math.round((new Date(to).getTime() - from.getTime()) / 86_400_000);

async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  // Text runs split words at arbitrary places: compare without any white space at all.
  return squash(pages.join(''));
}
const squash = (text: string) => text.replace(/\s+/g, '');

describe('Phase 2 meeting scheduling', () => {
  it('plans the first meeting at the network interval, brings it forward when the risk is high, and stops when he drops out', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const first = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/meetings`)).json()
      .items;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: 'scheduled', status: 'planned' });
    const days = daysBetween(new Date(), first[0].scheduledFor);
    expect(days).toBeGreaterThanOrEqual(27);
    expect(days).toBeLessThanOrEqual(31);

    const today = new Date().toISOString().slice(0, 10);
    await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/agreed-level`, {
      level: 'high',
      rationale: 'Strangulation reported',
      agreedOn: today,
    });
    const sooner = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/meetings`)).json()
      .items;
    expect(sooner).toHaveLength(1);
    expect(daysBetween(new Date(), sooner[0].scheduledFor)).toBeLessThanOrEqual(17);

    await clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/status`, {
      to: 'dropped_out',
      date: today,
      reason: 'Stopped coming',
    });
    expect(
      (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/meetings`)).json().items,
    ).toEqual([]);
  });
});

describe('a meeting under way', () => {
  it('keeps its date when the agreed level changes during it', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const [planned] = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/meetings`)).json()
      .items;
    await clients.vssManager.put(`/api/meetings/${planned.id}/agenda/recidivism`, {
      status: 'addressed',
      notes: 'No new episodes',
    });
    const today = new Date().toISOString().slice(0, 10);
    await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/agreed-level`, {
      level: 'high',
      rationale: 'Threats this week',
      agreedOn: today,
    });
    const after = (await clients.vssManager.get(`/api/meetings/${planned.id}`)).json();
    expect(after.scheduledFor).toBe(planned.scheduledFor);
    expect(after.team.map((member: { role: string }) => member.role).sort()).toEqual([
      'partner_contact_worker',
      'pp_case_manager',
      'vss_case_manager',
    ]);
  });
});

describe('a Phase 2 meeting', () => {
  it('cannot close until each compulsory item is addressed or deferred with a reason; then plans the next', async () => {
    const { clients, users } = scenario;
    const made = await makeJointCase(scenario);
    const event = await clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/critical-events`, {
      kind: 'threat',
      occurredOn: '2026-03-05',
      source: 'him',
      description: 'He sent threatening messages',
    });
    const meeting = await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/meetings`, {
      kind: 'extraordinary',
      mode: 'remote',
      scheduledFor: '2026-03-06T10:00:00Z',
      triggerEventId: event.json().id,
    });
    expect(meeting.statusCode).toBe(201);
    const meetingId = meeting.json().id;
    expect(meeting.json().agenda.map((item: { item: string }) => item.item)).toEqual([
      'joint_risk_assessment',
      'recidivism',
      'individual_change',
      'qualitative_elements',
      'joint_action_plan',
    ]);

    const early = await clients.vssManager.post(`/api/meetings/${meetingId}/close`, {
      attendance: [users.vssManager.id],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().fields.map((field: { path: string }) => field.path)).toContain('agenda.recidivism');

    const deferWithoutReason = await clients.ppManager.put(
      `/api/meetings/${meetingId}/agenda/individual_change`,
      { status: 'deferred' },
    );
    expect(deferWithoutReason.statusCode).toBe(400);
    expect(deferWithoutReason.json().fields[0].path).toBe('deferredReason');

    for (const item of ['joint_risk_assessment', 'recidivism', 'qualitative_elements', 'joint_action_plan']) {
      const addressed = await clients.ppManager.put(`/api/meetings/${meetingId}/agenda/${item}`, {
        status: 'addressed',
        notes: `Discussed ${item}`,
      });
      expect(addressed.statusCode).toBe(200);
    }
    await clients.ppManager.put(`/api/meetings/${meetingId}/agenda/individual_change`, {
      status: 'deferred',
      deferredReason: 'No questionnaire due',
    });
    const note = await clients.ppManager.post(`/api/meetings/${meetingId}/qualitative-notes`, {
      concernLevel: 'high',
      text: 'He talks about her new partner a lot',
    });
    expect(note.json().qualitativeNotes[0]).toMatchObject({
      concernLevel: 'high',
      authorSide: 'perpetrator',
    });

    const police = await clients.police.post(`/api/meetings/${meetingId}/close`, {
      attendance: [users.police.id],
    });
    expect(police.statusCode).toBe(404);
    const closed = await clients.vssManager.post(`/api/meetings/${meetingId}/close`, {
      attendance: [users.ppManager.id, users.vssManager.id],
      minutes: 'Both case managers met remotely.',
      decisions: 'Reassess after the court hearing.',
      // Held as planned: the record (and the calendar entry) show when it was held.
      heldAt: '2026-03-06T10:00:00Z',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      attendance: expect.arrayContaining([expect.objectContaining({ id: users.ppManager.id })]),
    });
    const ics = await clients.ppManager.get(`/api/meetings/${meetingId}/calendar.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('DTSTART:20260306T100000Z');
    expect(ics.body).not.toContain('Lucia');
    expect(ics.body).not.toContain('Marco');
  });
});

describe('the joint action plan, safety plans and children', () => {
  it('keeps her own safety measures and plans on the victim side, surfaces overdue actions, and prints only what each may see', async () => {
    const { clients, users, agencies } = scenario;
    const made = await makeJointCase(scenario, { herAddress: 'Via del Rifugio 5' });
    const joint = await clients.ppManager.post(`/api/joint-cases/${made.jointCaseId}/actions`, {
      need: 'He controls the family finances',
      action: 'Financial-abuse module with him',
      term: '2026-01-01',
      responsibleAgencyId: agencies.pp.id,
      responsibleUserId: users.ppManager.id,
    });
    expect(joint.statusCode).toBe(201);
    expect(joint.json().overdue).toBe(true);
    const hers = await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/actions`, {
      need: 'Safe housing',
      action: 'Move her to the Girasole shelter',
      term: '2027-01-01',
      responsibleAgencyId: agencies.vss.id,
      victimSideOnly: true,
    });
    expect(hers.statusCode).toBe(201);
    const ppTriesHers = await clients.ppManager.post(`/api/joint-cases/${made.jointCaseId}/actions`, {
      need: 'x',
      action: 'y',
      term: '2027-01-01',
      responsibleAgencyId: agencies.pp.id,
      victimSideOnly: true,
    });
    expect(ppTriesHers.statusCode).toBe(403);
    const ppActions = await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}/actions`);
    expect(ppActions.body).not.toContain('Girasole');
    expect((await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/actions`)).body).toContain(
      'Girasole',
    );
    const home = (await clients.ppManager.get('/api/home')).json();
    expect(home.overdueActions.map((action: { id: string }) => action.id)).toContain(joint.json().id);
    expect(
      (await clients.vssManager.get('/api/home'))
        .json()
        .overdueActions.map((action: { id: string }) => action.id),
    ).toContain(joint.json().id);

    const plan = await clients.vssManager.put(`/api/victims/${made.herId}/safety-plans/it_safety`, {
      safeDevice: 'The phone from the centre',
      onlineAccounts: 'New e-mail account created from the centre',
    });
    expect(plan.statusCode).toBe(200);
    expect(
      (await clients.vssManager.get(`/api/victims/${made.herId}/safety-plans/it_safety`)).json().plan
        .safeDevice,
    ).toBe('The phone from the centre');
    expect(
      (await clients.ppManager.get(`/api/victims/${made.herId}/safety-plans/it_safety`)).statusCode,
    ).toBe(404);
    expect((await clients.police.get(`/api/victims/${made.herId}/safety-plans/safety`)).statusCode).toBe(404);

    const meeting = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/meetings`)).json()
      .items[0];
    for (const lang of ['en', 'it'] as const) {
      const pdf = await clients.ppManager.get(`/api/meetings/${meeting.id}/minutes.pdf?lang=${lang}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.rawPayload);
      expect(text).toContain(
        squash(lang === 'it' ? 'Verbale della riunione' : 'Minutes of the case-manager meeting'),
      );
      expect(text).toContain(squash('Financial-abuse module'));
      for (const hidden of ['Girasole', 'Via del Rifugio', 'Lucia', 'Rossi', 'centre'])
        expect(text, hidden).not.toContain(squash(hidden));
    }
    const vssPdf = await pdfText(
      (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/action-plan.pdf`)).rawPayload,
    );
    expect(vssPdf).toContain('Girasole');
    const ppPlanPdf = await pdfText(
      (await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}/action-plan.pdf`)).rawPayload,
    );
    expect(ppPlanPdf).toContain(squash('Financial-abuse module'));
    expect(ppPlanPdf).not.toContain('Girasole');
  });

  it('records how a child was assessed only when the principles were followed, and never by the programme', async () => {
    const { clients } = scenario;
    const child = await clients.vssManager.post('/api/children', {
      firstName: 'Tommaso',
      lastName: 'Figlio',
      dateOfBirth: '2018-04-01',
      childrensSchool: 'Scuola Primaria Rodari',
    });
    expect(child.statusCode).toBe(201);
    const made = await makeJointCase(scenario, { childIds: [child.json().id] });
    const without = await clients.vssManager.post(`/api/children/${child.json().id}/assessments`, {
      jointCaseId: made.jointCaseId,
      assessedOn: '2026-03-01',
      parentConsentFrom: 'mother',
      childInformed: true,
      childToldMayWithdraw: false,
      childToldMayRefuse: true,
      childToldHowRecorded: true,
    });
    expect(without.statusCode).toBe(400);
    expect(without.json().fields[0].path).toBe('childToldMayWithdraw');
    const recorded = await clients.vssManager.post(`/api/children/${child.json().id}/assessments`, {
      jointCaseId: made.jointCaseId,
      assessedOn: '2026-03-01',
      parentConsentFrom: 'mother',
      childInformed: true,
      childToldMayWithdraw: true,
      childToldMayRefuse: true,
      childToldHowRecorded: true,
      supportPerson: 'His aunt',
      professionalGenderChosen: 'female',
    });
    expect(recorded.statusCode).toBe(201);
    const view = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/children`)).json();
    expect(view.assessments).toHaveLength(1);
    expect(view.children[0].firstName).toBe('Tommaso');
    const forPp = await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}/children`);
    expect(forPp.json().assessments).toEqual([]);
    expect(forPp.body).not.toContain('Rodari');
  });
});

describe('the schedule under concurrent runs', () => {
  it('leaves one planned meeting when the schedule runs twice at once, in two transactions', async () => {
    const made = await makeJointCase(scenario);
    const db = system.database.db;
    const planned = () =>
      db
        .selectFrom('case_meeting')
        .select('id')
        .where('joint_case_id', '=', made.jointCaseId)
        .where('kind', '=', 'scheduled')
        .where('status', '=', 'planned')
        .execute();
    expect(await planned()).toHaveLength(1);
    // Take the plan away, so that both runs find none and both would plan one.
    await db
      .updateTable('case_meeting')
      .set({ status: 'cancelled' })
      .where('joint_case_id', '=', made.jointCaseId)
      .execute();
    const run = () =>
      inAuditedTransaction(db, null, null, (trx, audit) =>
        ensureNextMeeting({ db: trx, audit, clock: system.clock }, made.jointCaseId),
      );
    await Promise.all([run(), run()]);
    expect(await planned()).toHaveLength(1);
    // And two maintenance sweeps at once (two app instances) change nothing.
    await Promise.all([keepMeetingsScheduled(db, system.clock), keepMeetingsScheduled(db, system.clock)]);
    expect(await planned()).toHaveLength(1);
  });
});
