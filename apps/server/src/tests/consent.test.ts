import { describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';

/** Her consent: revocation takes effect at once (docs/domain.md), through the API and checked in the database. */

const { world, db, openCase, grantsOf, auditRows } = caseWorld();

describe('revoking her consent', () => {
  it('removes what rested on the joint_case consent in the same request: grants and the API', async () => {
    const { clients, agencies } = world.scenario;
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
    const { clients, agencies } = world.scenario;
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
    const { clients } = world.scenario;
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
    const { clients, agencies } = world.scenario;
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

describe('giving several consents at once', () => {
  it('records one consent per scope in one command, the recipient only where a scope sends something of hers', async () => {
    const { clients, agencies } = world.scenario;
    const made = await openCase({ policeReceives: ['programme', 'victim_contact'] });
    const given = await clients.vssManager.post(`/api/victims/${made.herId}/consents/several`, {
      scopes: ['informed_status', 'share_contact_details'],
      recipientAgencyId: agencies.police.id,
      givenOn: isoDay(0),
      note: 'Agreed at the second meeting',
    });
    expect(given.statusCode).toBe(201);
    expect(
      given
        .json()
        .items.map((consent: { scope: string; recipientAgencyId: string | null }) => [
          consent.scope,
          consent.recipientAgencyId,
        ]),
    ).toEqual([
      ['informed_status', null],
      ['share_contact_details', agencies.police.id],
    ]);
    // What rests on them is in force after the one request: the police may now reach her.
    expect(await grantsOf(made.episodeId)).toContainEqual(
      expect.objectContaining({
        subject_person_id: made.herId,
        agency_id: agencies.police.id,
        kind: 'victim_contact',
      }),
    );
    const audited = await auditRows({ action: 'consent.give' });
    for (const consent of given.json().items)
      expect(audited.some((row) => row.resource_id === consent.id)).toBe(true);
  });

  it('writes none of them when one part is wrong, and names the field', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom('consent')
            .where('person_id', '=', made.herId)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const noSuchAgency = await clients.vssManager.post(`/api/victims/${made.herId}/consents/several`, {
      scopes: ['informed_attendance', 'share_disclosures'],
      recipientAgencyId: '00000000-0000-4000-8000-000000000000',
      givenOn: isoDay(0),
    });
    expect(noSuchAgency.statusCode).toBe(400);
    expect(noSuchAgency.json().fields[0].path).toBe('recipientAgencyId');
    const twice = await clients.vssManager.post(`/api/victims/${made.herId}/consents/several`, {
      scopes: ['informed_attendance', 'informed_attendance'],
      givenOn: isoDay(0),
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields[0].path).toBe('scopes');
    const programme = await clients.ppManager.post(`/api/victims/${made.herId}/consents/several`, {
      scopes: ['informed_attendance'],
      givenOn: isoDay(0),
    });
    expect(programme.statusCode).toBe(404);
    expect(await count()).toBe(before);
  });
});

describe('how she may be contacted, for the worker who must inform her', () => {
  it('a duty carries her safe channel and times, the code word, whether to leave a message', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    await must(
      clients.partnerContact.put(`/api/victims/${made.herId}/contact-preferences`, {
        safeChannel: 'phone',
        safeTimes: 'Weekdays 10-12, while he is at work',
        mayLeaveMessage: false,
        codeWord: 'Girasole',
        notes: 'Her sister answers sometimes',
      }),
      200,
      'contact preferences',
    );
    await must(
      clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/status`, {
        to: 'suspended',
        date: isoDay(0),
        reason: 'Missed sessions',
      }),
      200,
      'suspend',
    );
    const dutyOf = async (client: (typeof world.scenario.clients)['partnerContact']) =>
      ((await client.get('/api/duties')).json().items as Array<Record<string, unknown>>).find(
        (duty) => duty.ppEpisodeId === made.episodeId,
      );
    for (const client of [clients.partnerContact, clients.vssManager]) {
      expect(await dutyOf(client)).toMatchObject({
        trigger: 'status_suspended',
        partnerPersonId: made.herId,
        safeChannel: 'phone',
        safeTimes: 'Weekdays 10-12, while he is at work',
        mayLeaveMessage: false,
        codeWord: 'Girasole',
        can: { resolve: true },
      });
    }
    // Her notes stay in her file: the duty names only what reaching her needs.
    expect(await dutyOf(clients.partnerContact)).not.toHaveProperty('notes');
    const forProgramme = await clients.ppManager.get('/api/duties');
    expect(forProgramme.json().items).toEqual([]);
    expect(forProgramme.body).not.toContain('Girasole');
    expect((await clients.police.get('/api/duties')).json().items).toEqual([]);

    const duty = (await dutyOf(clients.partnerContact))!;
    const done = await clients.partnerContact.post(`/api/duties/${duty.id}/done`, {
      doneOn: isoDay(0),
      how: 'Called at 11, she was alone; told her he was suspended',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      state: 'done',
      doneHow: 'Called at 11, she was alone; told her he was suspended',
      can: { resolve: false },
    });
    // How she was reached is encrypted at rest.
    const row = await db()
      .selectFrom('duty_to_inform')
      .select(['done_how_enc', 'closed_reason_enc'])
      .where('id', '=', duty.id as string)
      .executeTakeFirstOrThrow();
    expect(row.done_how_enc).toMatch(/^v1:/);
    expect(row.done_how_enc).not.toContain('alone');
    expect(row.closed_reason_enc).toBeNull();
  });

  it('keeps her words in the partner-contact log and on her consents encrypted at rest', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    const consent = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/consents`, {
        scope: 'informed_attendance',
        givenOn: isoDay(0),
        note: 'Only by phone, never by letter',
      }),
      201,
      'consent',
    );
    expect(consent.note).toBe('Only by phone, never by letter');
    await must(
      clients.partnerContact.post(`/api/victims/${made.herId}/partner-contacts`, {
        ppEpisodeId: made.episodeId,
        contactedOn: isoDay(0),
        channel: 'phone',
        outcome: 'reached',
        topicsCovered: [],
        hopesAndFears: 'Hopes he changes; fears the summer holidays',
        herViewOfRisk: 'Worse when he drinks',
        notes: 'Call back in two weeks',
      }),
      201,
      'partner contact',
    );
    const stored = JSON.stringify([
      await db().selectFrom('consent').selectAll().where('id', '=', consent.id).executeTakeFirstOrThrow(),
      await db()
        .selectFrom('partner_contact')
        .selectAll()
        .where('partner_person_id', '=', made.herId)
        .execute(),
    ]);
    for (const words of ['never by letter', 'summer holidays', 'when he drinks', 'two weeks']) {
      expect(stored).not.toContain(words);
    }
    const file = (await clients.partnerContact.get(`/api/victims/${made.herId}`)).json();
    expect(file.partnerContacts).toEqual([
      expect.objectContaining({
        hopesAndFears: 'Hopes he changes; fears the summer holidays',
        herViewOfRisk: 'Worse when he drinks',
        notes: 'Call back in two weeks',
      }),
    ]);
    expect(file.consents).toContainEqual(
      expect.objectContaining({ id: consent.id, note: 'Only by phone, never by letter' }),
    );
    expect(file.can).toMatchObject({
      logContact: true,
      recordConsent: true,
      share: false,
      openJointCase: false,
    });
    expect((await clients.vssManager.get(`/api/victims/${made.herId}`)).json().can).toMatchObject({
      share: true,
      openJointCase: true,
    });
    expect((await clients.ppManager.get(`/api/victims/${made.herId}`)).statusCode).toBe(404);
  });
});
