import { describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';

/** Sharing what she disclosed (docs/domain.md), through the API and checked in the database. */

const { world, db, openCase, auditRows } = caseWorld();

describe('sharing what she disclosed', () => {
  it('is refused with 409 naming the field without her share_disclosures consent, and writes nothing', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    const disclosure = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-1),
        content: 'He has a new gun',
      }),
      201,
      'disclosure',
    );
    const refused = await clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
      jointCaseId: made.jointCaseId,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'no_consent', fields: [{ path: 'recipientAgencyId' }] });
    expect(refused.body).not.toContain('He has a new gun');
    const shared = await db()
      .selectFrom('shared_item')
      .select('id')
      .where('disclosure_id', '=', disclosure.id)
      .execute();
    expect(shared).toEqual([]);
    expect((await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`)).json().sharedItems).toEqual(
      [],
    );
    const denied = await auditRows({ action: 'disclosure.share', resourceId: disclosure.id });
    expect(denied.map((row) => row.outcome)).toEqual(['denied']);
  });

  it('with her consent, reaches the programme source-protected, and the audit row carries the basis', async () => {
    const { clients } = world.scenario;
    const made = await openCase({ consents: [{ scope: 'share_disclosures' }] });
    const disclosure = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-1),
        content: 'He bought a new gun',
      }),
      201,
      'disclosure',
    );
    // The partner-contact worker does not decide what is shared; her case manager does.
    expect(
      (
        await clients.partnerContact.post(`/api/disclosures/${disclosure.id}/share`, {
          jointCaseId: made.jointCaseId,
        })
      ).statusCode,
    ).toBe(404);
    const share = await clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
      jointCaseId: made.jointCaseId,
    });
    expect(share.statusCode).toBe(201);

    const forPp = (await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`)).json();
    expect(forPp.sharedItems).toEqual([
      expect.objectContaining({ content: 'He bought a new gun', attribution: 'another_source' }),
    ]);
    // Only the recipient gets it: police, party to the case, do not.
    expect((await clients.police.get(`/api/joint-cases/${made.jointCaseId}`)).json().sharedItems).toEqual([]);

    const [audit] = await auditRows({ action: 'disclosure.share', resourceId: share.json().id });
    expect(audit).toMatchObject({ outcome: 'success', subject_person_id: made.herId });
    expect(audit!.basis).toEqual({
      agreementId: made.agreementId,
      consentId: made.consentIds.share_disclosures,
      jointCaseId: made.jointCaseId,
    });
    expect(JSON.stringify(audit)).not.toContain('new gun');

    // Her file counts the share; revoking the consent stops the next one at once.
    const file = (await clients.vssManager.get(`/api/victims/${made.herId}`)).json();
    expect(file.disclosures.find((item: { id: string }) => item.id === disclosure.id).sharedCount).toBe(1);
    await must(
      clients.vssManager.post(`/api/consents/${made.consentIds.share_disclosures}/revoke`, {
        revokedOn: isoDay(0),
      }),
      200,
      'revoke',
    );
    const afterRevoke = await clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
      jointCaseId: made.jointCaseId,
    });
    expect(afterRevoke.statusCode).toBe(409);
  });

  it.each([
    [
      'the case-level agreement has expired',
      async (made: Awaited<ReturnType<typeof openCase>>) => {
        await db()
          .updateTable('agreement')
          .set({ valid_from: isoDay(-100), valid_to: isoDay(-1) })
          .where('id', '=', made.agreementId)
          .execute();
      },
    ],
    [
      'the case-level agreement is not yet in force',
      async (made: Awaited<ReturnType<typeof openCase>>) => {
        await db()
          .updateTable('agreement')
          .set({ valid_from: isoDay(2), valid_to: isoDay(100) })
          .where('id', '=', made.agreementId)
          .execute();
      },
    ],
    [
      'she revoked her consent to the joint case',
      async (made: Awaited<ReturnType<typeof openCase>>) => {
        await must(
          world.scenario.clients.vssManager.post(`/api/consents/${made.consentIds.joint_case}/revoke`, {
            revokedOn: isoDay(0),
          }),
          200,
          'revoke',
        );
      },
    ],
  ])(
    'is refused when %s, even with her share_disclosures consent, and writes nothing',
    async (_name, lapse) => {
      const { clients } = world.scenario;
      const made = await openCase({ consents: [{ scope: 'share_disclosures' }] });
      const disclosure = await must(
        clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
          disclosedOn: isoDay(-1),
          content: 'No basis left',
        }),
        201,
        'disclosure',
      );
      await lapse(made);
      const refused = await clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
        jointCaseId: made.jointCaseId,
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().fields[0].path).toBe('jointCaseId');
      expect(
        await db()
          .selectFrom('shared_item')
          .select('id')
          .where('disclosure_id', '=', disclosure.id)
          .execute(),
      ).toEqual([]);
      expect(
        (await clients.ppManager.get(`/api/joint-cases/${made.jointCaseId}`)).json().sharedItems,
      ).toEqual([]);
    },
  );

  it('stops reaching each recipient once she revokes the consent it rests on; the record stays', async () => {
    const { clients, agencies } = world.scenario;
    const made = await openCase({
      consents: [
        { scope: 'share_disclosures' },
        { scope: 'share_disclosures', recipientAgencyId: agencies.police.id },
      ],
    });
    const disclosure = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-1),
        content: 'He follows her car',
      }),
      201,
      'disclosure',
    );
    const toProgramme = await must(
      clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, { jointCaseId: made.jointCaseId }),
      201,
      'share with the programme',
    );
    const toPolice = await must(
      clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
        jointCaseId: made.jointCaseId,
        recipientAgencyId: agencies.police.id,
      }),
      201,
      'share with the police',
    );
    const sharedWith = async (client: (typeof clients)['ppManager']) =>
      ((await client.get(`/api/joint-cases/${made.jointCaseId}`)).json().sharedItems ?? []).map(
        (item: { content: string }) => item.content,
      );
    expect(await sharedWith(clients.ppManager)).toEqual(['He follows her car']);
    expect(await sharedWith(clients.police)).toEqual(['He follows her car']);
    const basisOf = await db()
      .selectFrom('shared_item')
      .select(['id', 'consent_id', 'agreement_id', 'recipient_side'])
      .where('disclosure_id', '=', disclosure.id)
      .execute();
    expect(basisOf).toEqual(
      expect.arrayContaining([
        {
          id: toProgramme.id,
          consent_id: made.consentIds.share_disclosures,
          agreement_id: made.agreementId,
          recipient_side: 'perpetrator',
        },
        {
          id: toPolice.id,
          consent_id: made.consentIds[`share_disclosures:${agencies.police.id}`],
          agreement_id: made.agreementId,
          recipient_side: 'neutral',
        },
      ]),
    );

    // Revoking what the programme's share rests on hides it from the programme at once, not the police's.
    await must(
      clients.vssManager.post(`/api/consents/${made.consentIds.share_disclosures}/revoke`, {
        revokedOn: isoDay(0),
      }),
      200,
      'revoke for the programme',
    );
    expect(await sharedWith(clients.ppManager)).toEqual([]);
    expect(await sharedWith(clients.police)).toEqual(['He follows her car']);
    await must(
      clients.vssManager.post(
        `/api/consents/${made.consentIds[`share_disclosures:${agencies.police.id}`]}/revoke`,
        {
          revokedOn: isoDay(0),
        },
      ),
      200,
      'revoke for the police',
    );
    expect(await sharedWith(clients.police)).toEqual([]);
    expect(await sharedWith(clients.ppManager)).toEqual([]);

    // The record of each share stays, and her service still counts them.
    expect(
      await db().selectFrom('shared_item').select('id').where('disclosure_id', '=', disclosure.id).execute(),
    ).toHaveLength(2);
    const file = (await clients.vssManager.get(`/api/victims/${made.herId}`)).json();
    expect(file.disclosures.find((item: { id: string }) => item.id === disclosure.id).sharedCount).toBe(2);
  });

  it('is refused on a consent dated in the future: it is not yet in force', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    await must(
      clients.vssManager.post(`/api/victims/${made.herId}/consents`, {
        scope: 'share_disclosures',
        givenOn: isoDay(2),
      }),
      201,
      'consent dated in two days',
    );
    const disclosure = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-1),
        content: 'Not yet',
      }),
      201,
      'disclosure',
    );
    const refused = await clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
      jointCaseId: made.jointCaseId,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: 'no_consent', fields: [{ path: 'recipientAgencyId' }] });
  });

  it('to a further agency needs that agency to be party to the case agreement', async () => {
    const { clients, agencies } = world.scenario;
    const made = await openCase({
      consents: [{ scope: 'share_disclosures', recipientAgencyId: agencies.combined.id }],
    });
    const disclosure = await must(
      clients.vssManager.post(`/api/victims/${made.herId}/disclosures`, {
        disclosedOn: isoDay(-1),
        content: 'Threats by text',
      }),
      201,
      'disclosure',
    );
    const refused = await clients.vssManager.post(`/api/disclosures/${disclosure.id}/share`, {
      jointCaseId: made.jointCaseId,
      recipientAgencyId: agencies.combined.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('recipientAgencyId');
    expect(
      await db().selectFrom('shared_item').select('id').where('disclosure_id', '=', disclosure.id).execute(),
    ).toEqual([]);
  });
});
