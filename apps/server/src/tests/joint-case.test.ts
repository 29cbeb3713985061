import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, dateIn } from '../domain/clock.js';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';

/** Opening the joint case (docs/domain.md), through the API and checked in the database. */

const { world, db, openCase } = caseWorld();

describe('opening the joint case', () => {
  it('refuses a second joint case for the same man and woman with 409 naming the field, and writes nothing', async () => {
    const { clients, users, agencies } = world.scenario;
    const made = await openCase();
    const support = await must(
      clients.vssManager.post('/api/vss-episodes', { personId: made.herId, intakeDate: isoDay(-1) }),
      201,
      'second support episode',
    );
    const agreementsBefore = await db()
      .selectFrom('agreement')
      .select('id')
      .where('level', '=', 'case')
      .execute();
    const again = await clients.vssManager.post('/api/joint-cases', {
      ppEpisodeId: made.episodeId,
      vssEpisodeId: support.id,
      consentId: made.consentIds.joint_case,
      ppCaseManagerId: users.ppManager.id,
      vssCaseManagerId: users.vssManager.id,
      agreement: {
        validFrom: isoDay(0),
        validTo: isoDay(30),
        otherParties: [{ agencyId: agencies.police.id, receives: [] }],
      },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].path).toBe('ppEpisodeId');
    expect(await db().selectFrom('agreement').select('id').where('level', '=', 'case').execute()).toEqual(
      agreementsBefore,
    );
    expect(
      await db().selectFrom('joint_case').select('id').where('pp_episode_id', '=', made.episodeId).execute(),
    ).toHaveLength(1);
  });

  it('is opened by her case manager only', async () => {
    const { clients } = world.scenario;
    // Everything in place — his episode, her support episode, her consent — but the case itself.
    const ready = await world.build.prepareCase();
    for (const client of [clients.ppManager, clients.partnerContact, clients.police, clients.vssAdmin]) {
      const refused = await client.post('/api/joint-cases', ready.openingBody);
      expect(refused.statusCode).toBe(403);
    }
    expect(
      await db().selectFrom('joint_case').select('id').where('pp_episode_id', '=', ready.episodeId).execute(),
    ).toEqual([]);
    // The same request, by her case manager, opens it.
    expect((await clients.vssManager.post('/api/joint-cases', ready.openingBody)).statusCode).toBe(201);
  });
});

describe('the children of a joint case', () => {
  it('adds a child after the case is opened and takes them off again, the grants following at once', async () => {
    const { clients, agencies } = world.scenario;
    const made = await openCase();
    const child = await must(
      clients.vssManager.post('/api/children', {
        firstName: 'Tardiva',
        lastName: made.herLastName,
        motherId: made.herId,
        childrensSchool: 'Scuola Tardiva',
      }),
      201,
      'child',
    );
    const childGrants = async () =>
      (await world.build.grantsOf(made.episodeId))
        .filter((grant) => grant.subject_person_id === child.id)
        .map((grant) => `${grant.agency_id === agencies.pp.id ? 'pp' : 'vss'} ${grant.side} ${grant.kind}`)
        .sort();
    expect(await childGrants()).toEqual([]);
    expect((await clients.ppManager.get(`/api/people/${child.id}`)).statusCode).toBe(404);

    // Neither the police (a further party) nor a stranger to the case may add one; nothing is written.
    for (const client of [clients.police, clients.combinedVss]) {
      expect(
        (await client.post(`/api/joint-cases/${made.jointCaseId}/children`, { childId: child.id }))
          .statusCode,
      ).toBe(404);
    }
    expect(await childGrants()).toEqual([]);

    const added = await must(
      clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/children`, { childId: child.id }),
      200,
      'add child',
    );
    expect(added.children.map((person: { id: string }) => person.id)).toEqual([child.id]);
    expect(added.can).toMatchObject({ addChild: true, removeChild: true });
    expect(await childGrants()).toEqual([
      'pp perpetrator children',
      'vss victim children',
      'vss victim victim_contact',
    ]);
    // The programme now knows of the child as his, never where the child is.
    const forPp = await must(
      clients.ppManager.get(`/api/people/${child.id}`),
      200,
      'child for the programme',
    );
    expect(forPp.contact).toBeUndefined();
    const again = await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/children`, {
      childId: child.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].path).toBe('childId');
    const unknown = await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/children`, {
      childId: made.himId,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].path).toBe('childId');

    expect(
      (await clients.police.request('DELETE', `/api/joint-cases/${made.jointCaseId}/children/${child.id}`))
        .statusCode,
    ).toBe(404);
    expect(await childGrants()).toHaveLength(3);
    const removed = await clients.vssManager.request(
      'DELETE',
      `/api/joint-cases/${made.jointCaseId}/children/${child.id}`,
    );
    expect(removed.statusCode).toBe(200);
    expect(removed.json().children).toEqual([]);
    expect(await childGrants()).toEqual([]);
    expect((await clients.ppManager.get(`/api/people/${child.id}`)).statusCode).toBe(404);
    expect(
      await world.build.auditRows({ action: 'joint_case.child_add', subjectPersonId: child.id }),
    ).toHaveLength(1);
    expect(
      await world.build.auditRows({ action: 'joint_case.child_remove', subjectPersonId: child.id }),
    ).toHaveLength(1);
  });
});

describe('closing the joint case', () => {
  const complete = async (episodeId: string) =>
    must(
      world.scenario.clients.ppManager.post(`/api/pp-episodes/${episodeId}/status`, {
        to: 'completed',
        date: isoDay(0),
      }),
      200,
      'completed',
    );
  const caseRow = (id: string) =>
    db()
      .selectFrom('joint_case')
      .select(['status', 'closed_on', 'closing_reason_enc'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('is closed by its case managers only, and ends what flowed through it', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    for (const client of [clients.partnerContact, clients.police, clients.combinedPp]) {
      expect((await client.post(`/api/joint-cases/${made.jointCaseId}/close`)).statusCode).toBe(404);
    }
    const closed = await must(
      clients.ppManager.post(`/api/joint-cases/${made.jointCaseId}/close`),
      200,
      'close',
    );
    expect(closed).toMatchObject({ status: 'closed', can: { close: false, addChild: false } });
    // Its action plan is its record: nothing is added to it any more.
    const late = await clients.ppManager.post(`/api/joint-cases/${made.jointCaseId}/actions`, {
      need: 'Anger management',
      action: 'Individual session',
      term: isoDay(7),
      responsibleAgencyId: world.scenario.agencies.pp.id,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toBe('case_closed');
    expect(
      (await world.build.grantsOf(made.episodeId)).filter((grant) => grant.basis.kind === 'joint_case'),
    ).toEqual([]);
    expect((await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/close`)).statusCode).toBe(
      409,
    );
  });

  it('after his programme ended, needs the closing assessment and the final questionnaires, or the reason', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    await complete(made.episodeId);
    const refused = await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/close`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fields[0].path).toBe('closingReason');
    const blank = await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/close`, {
      closingReason: '   ',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields[0].path).toBe('closingReason');
    expect(await caseRow(made.jointCaseId)).toEqual({
      status: 'open',
      closed_on: null,
      closing_reason_enc: null,
    });

    const closed = await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/close`, {
      closingReason: 'She moved away and asked for no further contact',
    });
    expect(closed.statusCode).toBe(200);
    const row = await caseRow(made.jointCaseId);
    expect(row).toMatchObject({
      status: 'closed',
      closed_on: dateIn(DEFAULT_TIME_ZONE, world.system.clock.now()),
    });
    expect(world.system.cipher.decrypt(row.closing_reason_enc!)).toBe(
      'She moved away and asked for no further contact',
    );
    // The reason is the case managers' words: it stays out of the audit trail.
    expect(
      JSON.stringify(
        await world.build.auditRows({ action: 'joint_case.close', resourceId: made.jointCaseId }),
      ),
    ).not.toContain('moved away');
  });

  it('after his programme ended, closes without a reason once the closing assessment and both T3 are recorded', async () => {
    const { clients, users, agencies } = world.scenario;
    const made = await openCase();
    await complete(made.episodeId);
    // The scene: the instruments recorded as their own routes would (what is under test is the closing rule).
    const questionnaire = await db()
      .selectFrom('instrument_version')
      .select(['instrument_id', 'version'])
      .where(sql<boolean>`definition ->> 'kind' = 'questionnaire'`)
      .executeTakeFirstOrThrow();
    const t3 = (side: 'perpetrator' | 'victim') => ({
      instrument_id: questionnaire.instrument_id,
      version: questionnaire.version,
      instrument_kind: 'questionnaire',
      joint_case_id: made.jointCaseId,
      subject_person_id: side === 'perpetrator' ? made.himId : made.herId,
      owner_agency_id: side === 'perpetrator' ? agencies.pp.id : agencies.vss.id,
      owner_side: side,
      info_kind: side === 'perpetrator' ? 'questionnaires' : 'victim_disclosures',
      timepoint: 'T3',
      answers_enc: world.system.cipher.encrypt('{}'),
      completed_on: isoDay(0),
      recorded_by: side === 'perpetrator' ? users.ppManager.id : users.vssManager.id,
    });
    await db().insertInto('instrument_response').values(t3('perpetrator')).execute();
    expect(
      (await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/close`)).json().fields[0].path,
    ).toBe('closingReason');
    await db().insertInto('instrument_response').values(t3('victim')).execute();
    await db()
      .insertInto('agreed_risk_level')
      .values({
        joint_case_id: made.jointCaseId,
        level: 'low',
        agreed_on: isoDay(0),
        next_reassessment_on: isoDay(90),
        rationale_enc: world.system.cipher.encrypt('Closing assessment'),
        recorded_by: users.vssManager.id,
      })
      .execute();
    expect((await clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/close`)).statusCode).toBe(
      200,
    );
    expect(await caseRow(made.jointCaseId)).toMatchObject({ status: 'closed', closing_reason_enc: null });
  });
});
