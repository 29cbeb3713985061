import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';

/** Critical events and duties to inform her (docs/domain.md), through the API and checked in the database. */

const { world, db, openCase, auditRows } = caseWorld();

describe('critical events and duties to inform her', () => {
  it('keeps what she reported on the victim side unless she consents to share risk information', async () => {
    const { clients } = world.scenario;
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
    const { clients } = world.scenario;
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
        sourceAgencyId: world.scenario.agencies.police.id,
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
    const { clients } = world.scenario;
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
        ? [
            {
              owner_agency_id: world.scenario.agencies.vss.id,
              assigned_user_id: world.scenario.users.partnerContact.id,
            },
          ]
        : [],
    );
    // Duties live on the victim side.
    expect((await clients.ppManager.get('/api/duties')).json().items).toEqual([]);
  });

  it('refuses to close a duty without a reason (400 naming reason) and writes nothing', async () => {
    const { clients } = world.scenario;
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
    expect(still).toMatchObject({
      state: 'open',
      closed_reason_enc: null,
      resolved_by: null,
      resolved_at: null,
    });
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
    const { clients } = world.scenario;
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

describe('informal contacts and what makes the reassessment due', () => {
  it('gives informal contacts between the case managers to the two sides of the case, never to the police', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    const summary = 'Agreed to bring the next meeting forward';
    const recorded = await must(
      clients.ppManager.post(`/api/joint-cases/${made.jointCaseId}/informal-contacts`, {
        occurredOn: isoDay(-1),
        withWhom: 'Her case manager',
        summary,
      }),
      201,
      'informal contact',
    );
    const [row] = await db()
      .selectFrom('case_event')
      .select(['joint_case_id', 'event_type', 'description_enc'])
      .where('id', '=', recorded.id)
      .execute();
    expect(row).toMatchObject({ joint_case_id: made.jointCaseId, event_type: 'informal_contact' });
    // What the case managers wrote is encrypted at rest.
    expect(row!.description_enc).not.toContain('meeting');
    expect(world.system.cipher.decrypt(row!.description_enc!)).toBe(summary);
    for (const role of ['ppManager', 'vssManager', 'partnerContact'] as const) {
      const page = (await clients[role].get(`/api/joint-cases/${made.jointCaseId}`)).json();
      expect(page.informalContacts, role).toEqual([expect.objectContaining({ id: recorded.id, summary })]);
    }
    // The police are party to the case (and see his programme and safety concerns), not to its coordination.
    const forPolice = await clients.police.get(`/api/joint-cases/${made.jointCaseId}`);
    expect(forPolice.statusCode).toBe(200);
    expect(forPolice.json().perpetratorSide).not.toBeNull();
    expect(forPolice.json().informalContacts).toEqual([]);
    expect(forPolice.body).not.toContain(summary);
    // Its two sides are offered to record one.
    expect(
      (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}`)).json().can.recordInformalContact,
    ).toBe(true);
  });

  it('makes the reassessment due now when he drops out, on the case page and both home pages', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    expect(
      (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}`)).json().reassessmentDueSince,
    ).toBeNull();
    await must(
      clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/status`, {
        to: 'dropped_out',
        date: isoDay(0),
        reason: 'Stopped attending',
      }),
      200,
      'dropout',
    );
    const page = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}`)).json();
    expect(page.reassessmentDueSince).not.toBeNull();
    expect(Math.abs(world.system.clock.now().getTime() - Date.parse(page.reassessmentDueSince))).toBeLessThan(
      60_000,
    );
    for (const client of [clients.ppManager, clients.vssManager]) {
      const due = ((await client.get('/api/home')).json().reassessmentsDue as Array<{ id: string }>).map(
        (item) => item.id,
      );
      expect(due).toContain(made.jointCaseId);
    }
  });

  it('refuses an unknown source agency with 400 naming the field, and writes nothing', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    const refused = await clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/critical-events`, {
      kind: 'court_decision',
      occurredOn: isoDay(-1),
      source: 'agency',
      sourceAgencyId: '00000000-0000-4000-8000-000000000000',
      description: 'Order extended',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('sourceAgencyId');
    expect(
      await db().selectFrom('case_event').select('id').where('episode_id', '=', made.episodeId).execute(),
    ).toEqual([]);
    expect(
      (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}`)).json().reassessmentDueSince,
    ).toBeNull();
  });
});
