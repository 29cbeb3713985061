import { describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';
import { makeAgency } from '../testing/factories.js';

/** His release: naming her to a service, and recording children (docs/domain.md), through the API and checked in the database. */

const { world, db, grantsOf } = caseWorld();

describe('naming her to a service and recording children', () => {
  it('refuses to name a partner to a VSS with no organisation-level agreement, and writes nothing', async () => {
    const { clients, network } = world.scenario;
    const unbound = await makeAgency(db(), { kind: 'victim_support', networkIds: [network.id] });
    const referral = await must(
      clients.ppManager.post('/api/referrals', {
        person: { firstName: 'Piero', lastName: 'Senzaccordo' },
        pathway: 'voluntary',
        referralDate: isoDay(-5),
      }),
      201,
      'referral',
    );
    const refused = await clients.ppManager.post(`/api/pp-episodes/${referral.id}/release`, {
      signedOn: isoDay(-5),
      scope: ['programme'],
      partners: [
        {
          firstName: 'Nessuna',
          lastName: 'Intesa',
          relationship: 'current',
          partnerContactAgencyId: unbound.id,
          contact: { address: 'Via Protetta 99' },
        },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('partners.0.partnerContactAgencyId');
    expect(refused.body).not.toContain('Via Protetta');
    expect(
      await db().selectFrom('person').select('id').where('search_name', '=', 'nessuna intesa').execute(),
    ).toEqual([]);
    expect(
      await db().selectFrom('partner_referral').select('id').where('episode_id', '=', referral.id).execute(),
    ).toEqual([]);
    expect(
      await db()
        .selectFrom('partner_referral')
        .select('id')
        .where('partner_contact_agency_id', '=', unbound.id)
        .execute(),
    ).toEqual([]);
    expect(
      await db()
        .selectFrom('release_of_information')
        .select('episode_id')
        .where('episode_id', '=', referral.id)
        .execute(),
    ).toEqual([]);
    expect(await grantsOf(referral.id)).toEqual([]);
  });

  it('refuses the same when the organisation agreement has expired', async () => {
    const { clients, network, agencies, users } = world.scenario;
    const lapsed = await makeAgency(db(), { kind: 'victim_support', networkIds: [network.id] });
    const agreement = await db()
      .insertInto('agreement')
      .values({
        level: 'organisation',
        network_id: network.id,
        title: 'Lapsed',
        valid_from: '2020-01-01',
        valid_to: isoDay(-1),
        created_by: users.coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('agreement_party')
      .values(
        [agencies.pp.id, lapsed.id].map((agencyId) => ({
          agreement_id: agreement.id,
          agency_id: agencyId,
          signatory_name: 'Director',
          signed_on: '2020-01-01',
        })),
      )
      .execute();
    const referral = await must(
      clients.ppManager.post('/api/referrals', {
        person: { firstName: 'Piero', lastName: 'Scaduto' },
        pathway: 'voluntary',
        referralDate: isoDay(-5),
      }),
      201,
      'referral',
    );
    const refused = await clients.ppManager.post(`/api/pp-episodes/${referral.id}/release`, {
      signedOn: isoDay(-5),
      scope: ['programme'],
      partners: [
        { firstName: 'Ex', lastName: 'Scaduta', relationship: 'former', partnerContactAgencyId: lapsed.id },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('partners.0.partnerContactAgencyId');
    expect(
      await db().selectFrom('partner_referral').select('id').where('episode_id', '=', referral.id).execute(),
    ).toEqual([]);
  });

  it('refuses a child’s school from the perpetrator side (400 naming the field), and writes nothing', async () => {
    const { clients } = world.scenario;
    for (const client of [clients.ppManager, clients.combinedPp]) {
      const refused = await client.post('/api/children', {
        firstName: 'Figlio',
        lastName: 'Senzascuola',
        childrensSchool: 'Scuola Nascosta',
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields[0].path).toBe('childrensSchool');
      expect(refused.body).not.toContain('Scuola Nascosta');
    }
    expect(
      await db().selectFrom('person').select('id').where('search_name', '=', 'figlio senzascuola').execute(),
    ).toEqual([]);
    // Without the school, the programme records the child it knows of.
    const child = await clients.ppManager.post('/api/children', {
      firstName: 'Figlio',
      lastName: 'Senzascuola',
    });
    expect(child.statusCode).toBe(201);
    expect(child.json().contact).toBeUndefined();
    // …and cannot add the school afterwards.
    expect(
      (
        await clients.ppManager.put(`/api/people/${child.json().id}/contact`, {
          childrensSchool: 'Scuola Nascosta',
        })
      ).statusCode,
    ).toBe(404);
    const row = await db()
      .selectFrom('person')
      .select('contact_enc')
      .where('id', '=', child.json().id)
      .executeTakeFirstOrThrow();
    expect(row.contact_enc).toBeNull();
  });

  it('lists the partner newly named to her service on the partner-contact worker’s home page until she is contacted', async () => {
    const { clients, agencies } = world.scenario;
    const referral = await must(
      clients.ppManager.post('/api/referrals', {
        person: { firstName: 'Piero', lastName: 'Nuovo' },
        pathway: 'voluntary',
        referralDate: isoDay(-3),
      }),
      201,
      'referral',
    );
    await must(
      clients.ppManager.post(`/api/pp-episodes/${referral.id}/release`, {
        signedOn: isoDay(-2),
        scope: ['programme'],
        partners: [
          {
            firstName: 'Nuova',
            lastName: 'Nominata',
            relationship: 'current',
            partnerContactAgencyId: agencies.vss.id,
          },
        ],
      }),
      200,
      'release',
    );
    const herId = (await must(clients.partnerContact.get(`/api/pp-episodes/${referral.id}`), 200, 'episode'))
      .partners[0].partnerPersonId as string;
    const awaiting = async () =>
      (
        (await clients.partnerContact.get('/api/home')).json().newReferrals as Array<{
          partnerPersonId: string;
        }>
      ).filter((item) => item.partnerPersonId === herId);
    expect(await awaiting()).toEqual([
      expect.objectContaining({
        ppEpisodeId: referral.id,
        partnerName: 'Nuova Nominata',
        relationship: 'current',
      }),
    ]);
    // Her case manager and the programme get no such list (the programme never learns her name).
    expect((await clients.vssManager.get('/api/home')).json().newReferrals).toBeUndefined();
    const forPp = await clients.ppManager.get('/api/home');
    expect(forPp.json().newReferrals).toBeUndefined();
    expect(forPp.body).not.toContain('Nominata');

    await must(
      clients.partnerContact.post(`/api/victims/${herId}/partner-contacts`, {
        ppEpisodeId: referral.id,
        contactedOn: isoDay(0),
        channel: 'phone',
        outcome: 'declined',
      }),
      201,
      'partner contact',
    );
    expect(await awaiting()).toEqual([]);
  });
});
