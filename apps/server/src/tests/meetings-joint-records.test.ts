/**
 * Phase 2 meetings as joint records: when a meeting was held and in which zone, what of the
 * victim side's free text the programme reads, and the abilities sent with each view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJointCase, makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

let system: TestSystem;
let scenario: NetworkScenario;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
});
afterAll(() => system?.close());

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

/** Runs through the five items so the meeting can be closed. */
async function addressAll(client: NetworkScenario['clients']['ppManager'], meetingId: string) {
  for (const item of [
    'joint_risk_assessment',
    'recidivism',
    'individual_change',
    'qualitative_elements',
    'joint_action_plan',
  ]) {
    const addressed = await client.put(`/api/meetings/${meetingId}/agenda/${item}`, { status: 'addressed' });
    expect(addressed.statusCode).toBe(200);
  }
}

async function callMeeting(jointCaseId: string, scheduledFor: string, body: Record<string, unknown> = {}) {
  const meeting = await scenario.clients.vssManager.post(`/api/joint-cases/${jointCaseId}/meetings`, {
    kind: 'extraordinary',
    mode: 'in_person',
    scheduledFor,
    ...body,
  });
  expect(meeting.statusCode).toBe(201);
  return meeting.json().id as string;
}

describe('the record of when a meeting was held, in its zone', () => {
  it('shows the held date — in the view, the list, the calendar and the minutes — when it differs from the plan', async () => {
    const { clients, users } = scenario;
    const made = await makeJointCase(scenario);
    const meetingId = await callMeeting(made.jointCaseId, '2026-03-10T09:00:00Z', {
      place: 'Sala riunioni, piano 2',
    });
    await addressAll(clients.ppManager, meetingId);
    const closed = await clients.ppManager.post(`/api/meetings/${meetingId}/close`, {
      attendance: [users.ppManager.id, users.vssManager.id],
      heldAt: '2026-03-05T14:30:00Z',
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      scheduledFor: '2026-03-10T09:00:00.000Z',
      heldAt: '2026-03-05T14:30:00.000Z',
      timeZone: 'Europe/Rome',
    });
    const listed = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/meetings`)).json()
      .items;
    expect(listed.find((meeting: { id: string }) => meeting.id === meetingId)).toMatchObject({
      heldAt: '2026-03-05T14:30:00.000Z',
      timeZone: 'Europe/Rome',
    });
    const ics = (await clients.vssManager.get(`/api/meetings/${meetingId}/calendar.ics`)).body;
    expect(ics).toContain('DTSTART:20260305T143000Z');
    expect(ics).toContain('DTEND:20260305T153000Z');
    // The zone and the local time (15:30 in Rome) are in the description.
    expect(ics.replace(/\r\n /g, '')).toContain('2026-03-05 15:30 (Europe/Rome)');
    const pdf = await pdfText(
      (await clients.ppManager.get(`/api/meetings/${meetingId}/minutes.pdf?lang=en`)).rawPayload,
    );
    expect(pdf).toContain(squash('Held 2026-03-05 15:30 (Europe/Rome)'));
    expect(pdf).toContain(squash('Planned for 2026-03-10 10:00 (Europe/Rome)'));
    expect(pdf).toContain(squash('Time zone Europe/Rome'));

    const future = await callMeeting(made.jointCaseId, '2026-03-20T09:00:00Z');
    await addressAll(clients.ppManager, future);
    const tomorrow = new Date(system.clock.now().getTime() + 86_400_000).toISOString();
    const early = await clients.ppManager.post(`/api/meetings/${future}/close`, {
      attendance: [users.ppManager.id],
      heldAt: tomorrow,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0].path).toBe('heldAt');
    // Without a time, it was held now (the system's clock).
    const now = await clients.ppManager.post(`/api/meetings/${future}/close`, {
      attendance: [users.ppManager.id],
    });
    expect(now.json().heldAt).toBe(system.clock.now().toISOString());
  });

  it('creates an extraordinary meeting in its network’s zone and prints that zone', async () => {
    const other = await makeNetworkScenario(system);
    await system.database.db
      .updateTable('network')
      .set({ time_zone: 'America/Bogota' })
      .where('id', '=', other.network.id)
      .execute();
    const made = await makeJointCase(other);
    const meeting = await other.clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/meetings`, {
      kind: 'extraordinary',
      mode: 'remote',
      scheduledFor: '2026-03-06T15:00:00Z',
    });
    expect(meeting.json().timeZone).toBe('America/Bogota');
    const ics = (await other.clients.ppManager.get(`/api/meetings/${meeting.json().id}/calendar.ics`)).body;
    expect(ics).toContain('DTSTART:20260306T150000Z');
    expect(ics.replace(/\r\n /g, '')).toContain('2026-03-06 10:00 (America/Bogota)');
    const pdf = await pdfText(
      (await other.clients.vssManager.get(`/api/meetings/${meeting.json().id}/minutes.pdf?lang=it`))
        .rawPayload,
    );
    expect(pdf).toContain(squash('Prevista per 2026-03-06 10:00 (America/Bogota)'));
    expect(pdf).toContain(squash('Fuso orario America/Bogota'));
  });
});

describe('victim-side free text in joint records', () => {
  it('keeps her side’s qualitative notes from the programme, and marks what the programme reads', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const meetingId = await callMeeting(made.jointCaseId, '2026-03-11T09:00:00Z');
    await clients.ppManager.post(`/api/meetings/${meetingId}/qualitative-notes`, {
      concernLevel: 'medium',
      text: 'He minimises the last incident',
    });
    const hers = await clients.vssManager.post(`/api/meetings/${meetingId}/qualitative-notes`, {
      concernLevel: 'high',
      text: 'She fears he follows her to the bakery',
    });
    expect(hers.statusCode).toBe(200);
    expect(hers.json().victimSideNotes).toEqual([
      expect.objectContaining({
        authorSide: 'victim',
        concernLevel: 'high',
        text: 'She fears he follows her to the bakery',
      }),
    ]);
    expect(hers.json().qualitativeNotes.map((note: { text: string }) => note.text)).toEqual([
      'He minimises the last incident',
    ]);

    const forProgramme = await clients.ppManager.get(`/api/meetings/${meetingId}`);
    expect(forProgramme.body).not.toContain('bakery');
    expect(forProgramme.json().victimSideNotes).toEqual([]);
    expect(forProgramme.json().qualitativeNotes).toHaveLength(1);
    expect(forProgramme.json().seenByProgramme).toEqual(
      expect.arrayContaining(['place', 'agenda.notes', 'minutes', 'decisions']),
    );
    expect(forProgramme.json().can).toMatchObject({
      updateAgenda: true,
      addNote: true,
      close: true,
      callExtraordinary: true,
    });
    const programmePdf = await pdfText(
      (await clients.ppManager.get(`/api/meetings/${meetingId}/minutes.pdf`)).rawPayload,
    );
    expect(programmePdf).toContain(squash('He minimises the last incident'));
    expect(programmePdf).not.toContain('bakery');
    const herServicePdf = await pdfText(
      (await clients.vssManager.get(`/api/meetings/${meetingId}/minutes.pdf`)).rawPayload,
    );
    expect(herServicePdf).toContain('bakery');
    expect(herServicePdf).toContain(squash('He minimises the last incident'));
  });

  it('asks her side before joint text that contains her recorded details is saved — and never asks him', async () => {
    const { clients, users, agencies } = scenario;
    const child = await clients.vssManager.post('/api/children', {
      firstName: 'Giulia',
      lastName: 'Figlia',
      dateOfBirth: '2017-09-01',
      childrensSchool: 'Scuola Primaria Gianni Rodari',
    });
    const made = await makeJointCase(scenario, {
      herAddress: 'Via Giosuè Carducci 12, Bologna',
      childIds: [child.json().id],
    });
    const meetingId = await callMeeting(made.jointCaseId, '2026-03-12T09:00:00Z');

    const note = { status: 'addressed', notes: 'She has moved to via giosue  CARDUCCI, 12 last week' };
    const asked = await clients.vssManager.put(`/api/meetings/${meetingId}/agenda/joint_action_plan`, note);
    expect(asked.statusCode).toBe(409);
    expect(asked.json()).toMatchObject({ error: 'her_details', fields: [{ path: 'notes' }] });
    expect(asked.json().message).toContain('address');
    expect((await clients.ppManager.get(`/api/meetings/${meetingId}`)).body).not.toContain('CARDUCCI');
    const confirmed = await clients.vssManager.put(`/api/meetings/${meetingId}/agenda/joint_action_plan`, {
      ...note,
      confirmHerDetails: true,
    });
    expect(confirmed.statusCode).toBe(200);
    // Once saved, the programme reads it exactly as written.
    const forProgramme = (await clients.ppManager.get(`/api/meetings/${meetingId}`)).json();
    expect(
      forProgramme.agenda.find((item: { item: string }) => item.item === 'joint_action_plan').notes,
    ).toBe(note.notes);

    const place = await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/meetings`, {
      scheduledFor: '2026-03-13T09:00:00Z',
      place: 'Via Giosue Carducci 12',
    });
    expect(place.statusCode).toBe(409);
    expect(place.json().fields[0].path).toBe('place');

    const school = await clients.partnerContact.post(`/api/joint-cases/${made.jointCaseId}/actions`, {
      need: 'The children’s safety at school',
      action: 'Talk to the head of Scuola primaria Gianni Rodari',
      term: '2027-01-01',
      responsibleAgencyId: agencies.vss.id,
    });
    expect(school.statusCode).toBe(409);
    expect(school.json().fields[0].path).toBe('action');
    // Her own safety measures stay on her side: nothing to ask.
    const hers = await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/actions`, {
      need: 'Safe route',
      action: 'Change the way from Via Giosuè Carducci 12 to the school',
      term: '2027-01-01',
      responsibleAgencyId: agencies.vss.id,
      victimSideOnly: true,
    });
    expect(hers.statusCode).toBe(201);
    expect(hers.json().can).toEqual({ update: true });

    await addressAll(clients.ppManager, meetingId);
    const phone = await clients.vssManager.post(`/api/meetings/${meetingId}/close`, {
      attendance: [users.vssManager.id],
      minutes: 'Her new number is 333-000 0000.',
    });
    expect(phone.statusCode).toBe(409);
    expect(phone.json().fields).toEqual([expect.objectContaining({ path: 'minutes' })]);
    expect(phone.json().message).toContain('phone');

    // His side is never told that a text matches her details: the comparison does not run.
    const his = await clients.ppManager.post(`/api/meetings/${meetingId}/close`, {
      attendance: [users.ppManager.id],
      minutes: 'He says she lives in Via Giosuè Carducci 12 and calls 333 000 0000.',
    });
    expect(his.statusCode).toBe(200);
    const audit = await system.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id'])
      .where('action', 'like', 'her_details.%')
      .execute();
    expect(audit.some((event) => event.actor_user_id === users.ppManager.id)).toBe(false);
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining(['her_details.detected', 'her_details.confirmed']),
    );
  });
});

describe('abilities', () => {
  it('sends what each reader may do with a meeting and an action', async () => {
    const { clients, users, agencies } = scenario;
    const made = await makeJointCase(scenario);
    const meetingId = await callMeeting(made.jointCaseId, '2026-03-14T09:00:00Z');
    expect((await clients.partnerContact.get(`/api/meetings/${meetingId}`)).json().can).toMatchObject({
      close: true,
    });
    await addressAll(clients.ppManager, meetingId);
    const closed = await clients.ppManager.post(`/api/meetings/${meetingId}/close`, {
      attendance: [users.ppManager.id],
    });
    expect(closed.json().can).toMatchObject({
      updateAgenda: false,
      addNote: false,
      close: false,
      callExtraordinary: true,
    });
    expect(
      (await clients.ppManager.put(`/api/meetings/${meetingId}/agenda/recidivism`, { status: 'addressed' }))
        .statusCode,
    ).toBe(409);

    const joint = await clients.ppManager.post(`/api/joint-cases/${made.jointCaseId}/actions`, {
      need: 'Attendance',
      action: 'Weekly group',
      term: '2027-01-01',
      responsibleAgencyId: agencies.pp.id,
    });
    expect(joint.json().can).toEqual({ update: true });
    const updated = await clients.vssManager.patch(`/api/actions/${joint.json().id}`, {
      status: 'in_progress',
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'in_progress', can: { update: true } });
  });
});
