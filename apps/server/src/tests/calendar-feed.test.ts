import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';
import { TestClient } from '../testing/test-system.js';

/**
 * The personal calendar feed (README, "Calendar feed"): a URL with a secret token, computed as its
 * owner through their own policy — their meetings and due items, case numbers only.
 */
const { world, openCase, db } = caseWorld();

const RUN = Math.random().toString(36).slice(2, 8).toUpperCase();
const herAddress = `Via Nascosta del Calendario ${RUN}`;
const herPhone = `+39 333 ${RUN} 42`;
const herEmail = `lucia.calendar.${RUN.toLowerCase()}@hidden.invalid`;
const codeWord = `GIRASOLE-${RUN}`;
const safeTimes = `Only Thursday afternoons ${RUN}`;
const actionText = `Move her to the shelter on Via Segreta ${RUN}`;

/** The path below the host of a feed URL (the test client speaks to the app in-process). */
const pathOf = (url: string) => new URL(url).pathname;

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      summary: event.summary,
      description: event.description,
      allDay: event.startDate.isDate,
      start: event.startDate.toString(),
    };
  });
}

let caseNumber = '';
let feedOfPp = '';

describe('the calendar feed', () => {
  it('is made once, shown once, and then named only by the day it was made', async () => {
    const { clients, agencies } = world.scenario;
    const made = await openCase({ herAddress });
    const herId = made.herId;
    // Her details and a joint action, all of them where a careless feed would find them.
    await must(
      clients.vssManager.put(`/api/people/${herId}/contact`, {
        address: herAddress,
        phone: herPhone,
        email: herEmail,
      }),
      200,
      'her contact',
    );
    await must(
      clients.vssManager.put(`/api/victims/${herId}/contact-preferences`, {
        safeChannel: 'sms',
        safeTimes,
        mayLeaveMessage: false,
        codeWord,
      }),
      200,
      'her preferences',
    );
    await must(
      clients.ppManager.post(`/api/joint-cases/${made.jointCaseId}/actions`, {
        need: 'Programme attendance',
        action: actionText,
        term: isoDay(10),
        responsibleAgencyId: agencies.pp.id,
        confirmHerDetails: true,
      }),
      201,
      'action',
    );
    caseNumber = (await must(clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`), 200, 'case'))
      .caseNumber;

    expect(await must(clients.ppManager.get('/api/me/calendar-feed'), 200, 'status')).toEqual({
      active: false,
      activeSince: null,
    });
    const created = await must(clients.ppManager.post('/api/me/calendar-feed'), 201, 'create');
    expect(created.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    feedOfPp = created.url;
    const status = await must(clients.ppManager.get('/api/me/calendar-feed'), 200, 'status');
    expect(status).toEqual({ active: true, activeSince: created.activeSince });
    expect(JSON.stringify(status)).not.toContain(pathOf(created.url).slice(14, 50));
    // Only the hash is stored.
    const rows = await db().selectFrom('calendar_feed_token').selectAll().execute();
    const token = pathOf(created.url).replace('/api/calendar/', '').replace('.ics', '');
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('holds the user’s meetings and due items as iCalendar, with the case number and no session', async () => {
    const response = await new TestClient(world.system.app).get(pathOf(feedOfPp));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    const entries = events(response.body);
    const ofCase = entries.filter((entry) => entry.summary.includes(caseNumber));
    const meetings = ofCase.filter((entry) => !entry.allDay);
    const due = ofCase.filter((entry) => entry.allDay);
    expect(meetings.length).toBeGreaterThanOrEqual(1);
    expect(meetings[0]!.summary).toBe(`Case-manager meeting ${caseNumber}`);
    // The case was never assessed (a reassessment due today) and carries an action due in 10 days.
    expect(due.map((entry) => entry.summary)).toEqual(
      expect.arrayContaining([
        `Joint risk reassessment due · ${caseNumber}`,
        `Action of the joint plan due · ${caseNumber}`,
      ]),
    );
    expect(due.find((entry) => entry.summary.startsWith('Action'))!.start).toBe(isoDay(10));
    expect(due[0]!.description).toContain('/joint-cases/');
  });

  it('gives the perpetrator side nothing of hers and no name of the couple', async () => {
    const body = (await new TestClient(world.system.app).get(pathOf(feedOfPp))).body;
    // The folded text and the unfolded values: nothing may hide across a line break.
    const unfolded = body.replace(/\r\n[ \t]/g, '');
    for (const marker of [herAddress, herPhone, herEmail, codeWord, safeTimes, actionText, RUN]) {
      expect(unfolded, marker).not.toContain(marker);
    }
    for (const name of ['Lucia', 'Marco', 'Regola']) expect(unfolded, name).not.toContain(name);
  });

  it('is in the owner’s language', async () => {
    const { clients } = world.scenario;
    await must(clients.vssManager.put('/api/me/preferences', { language: 'it' }), 200, 'language');
    const created = await must(clients.vssManager.post('/api/me/calendar-feed'), 201, 'create');
    const body = (await new TestClient(world.system.app).get(pathOf(created.url))).body;
    const summaries = events(body).map((entry) => entry.summary);
    expect(summaries).toContain(`Riunione dei case manager ${caseNumber}`);
    const unfolded = body.replace(/\r\n[ \t]/g, '');
    for (const marker of [herAddress, herPhone, codeWord, 'Lucia', 'Marco']) {
      expect(unfolded, marker).not.toContain(marker);
    }
    await must(clients.vssManager.put('/api/me/preferences', { language: 'en' }), 200, 'language');
  });

  it('is audited as a read by its owner', async () => {
    const reads = await db()
      .selectFrom('audit_event')
      .select(['actor_user_id', 'outcome'])
      .where('action', '=', 'calendar_feed.read')
      .execute();
    expect(reads.map((row) => row.actor_user_id)).toContain(world.scenario.users.ppManager.id);
  });

  it('answers the one 404 to a replaced, revoked or wrong token', async () => {
    const { clients } = world.scenario;
    const anonymous = new TestClient(world.system.app);
    const replacement = await must(clients.ppManager.post('/api/me/calendar-feed'), 201, 'replace');
    const replaced = await anonymous.get(pathOf(feedOfPp));
    expect(replaced.statusCode).toBe(404);
    expect(replaced.json()).toEqual({ error: 'not_found', message: 'Not found' });
    expect((await anonymous.get(pathOf(replacement.url))).statusCode).toBe(200);

    await must(clients.ppManager.request('DELETE', '/api/me/calendar-feed'), 200, 'revoke');
    expect((await anonymous.get(pathOf(replacement.url))).statusCode).toBe(404);
    expect(await must(clients.ppManager.get('/api/me/calendar-feed'), 200, 'status')).toEqual({
      active: false,
      activeSince: null,
    });
    const wrong = await anonymous.get(`/api/calendar/${'A'.repeat(43)}.ics`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toEqual({ error: 'not_found', message: 'Not found' });
    expect((await anonymous.get('/api/calendar/x.ics')).statusCode).toBe(404);
    // One token in force per user, the others kept with the day they stopped working.
    const ofPp = await db()
      .selectFrom('calendar_feed_token')
      .select('revoked_at')
      .where('user_id', '=', world.scenario.users.ppManager.id)
      .execute();
    expect(ofPp).toHaveLength(2);
    expect(ofPp.every((row) => row.revoked_at !== null)).toBe(true);
  });

  it('stops working when its owner’s account is deactivated', async () => {
    const { clients, users } = world.scenario;
    const created = await must(clients.police.post('/api/me/calendar-feed'), 201, 'create');
    const anonymous = new TestClient(world.system.app);
    expect((await anonymous.get(pathOf(created.url))).statusCode).toBe(200);
    await db().updateTable('app_user').set({ active: false }).where('id', '=', users.police.id).execute();
    expect((await anonymous.get(pathOf(created.url))).statusCode).toBe(404);
    await db().updateTable('app_user').set({ active: true }).where('id', '=', users.police.id).execute();
  });

  it('refuses the management routes without a session', async () => {
    const anonymous = new TestClient(world.system.app);
    for (const method of ['GET', 'POST', 'DELETE']) {
      const response = await anonymous.request(
        method,
        '/api/me/calendar-feed',
        method === 'GET' ? undefined : {},
      );
      expect({ method, status: response.statusCode }).toEqual({ method, status: 401 });
    }
  });
});
