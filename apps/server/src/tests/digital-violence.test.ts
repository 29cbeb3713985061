import { describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';

/** Her digital-violence identification and the IT safety plan it draws (README, "Digital violence"). */

const { world, openCase } = caseWorld();
const ID = 'digital-violence-identification';

describe('the digital-violence identification', () => {
  it('is recorded and read by her service only; the programme sees nothing of it, even with her consent', async () => {
    const { clients } = world.scenario;
    const made = await openCase({ consents: [{ scope: 'share_risk_information' }] });
    const recorded = await must(
      clients.vssManager.post('/api/instrument-responses', {
        instrumentId: ID,
        version: 2,
        jointCaseId: made.jointCaseId,
        subject: 'her',
        completedOn: isoDay(-1),
        answers: {
          stalkerware_signs: { value: 'yes', note: 'Battery drains overnight' },
          intimate_images: { value: 'yes' },
          shared_accounts: { value: 'no' },
        },
      }),
      201,
      'her identification',
    );
    const responseId = recorded.id as string;
    expect(recorded).toMatchObject({ computedLevel: 'present', score: 2 });

    const mine = await must(
      clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/digital-violence`),
      200,
      'her service reads it',
    );
    expect(mine.identifications.map((row: { id: string }) => row.id)).toEqual([responseId]);
    expect(mine.can.record).toBe(true);

    // The programme gets the one 404, as for a case that does not exist, and no list or count it reads has it.
    for (const client of [clients.ppManager, clients.police]) {
      const refused = await client.get(`/api/joint-cases/${made.jointCaseId}/digital-violence`);
      const missing = await client.get(
        `/api/joint-cases/00000000-0000-4000-8000-000000000000/digital-violence`,
      );
      expect(refused.statusCode).toBe(404);
      expect(refused.body).toBe(missing.body);
      for (const path of [
        `/api/joint-cases/${made.jointCaseId}/risk`,
        `/api/joint-cases/${made.jointCaseId}/impact`,
        `/api/joint-cases/${made.jointCaseId}`,
        '/api/due',
      ]) {
        const response = await client.get(path);
        expect(response.body, path).not.toContain(responseId);
        expect(response.body, path).not.toContain(ID);
        expect(response.body, path).not.toContain('Battery');
      }
    }
    // Nor does he record one: her questionnaires are given by the victim side.
    const byPp = await clients.ppManager.post('/api/instrument-responses', {
      instrumentId: ID,
      version: 2,
      jointCaseId: made.jointCaseId,
      subject: 'her',
      completedOn: isoDay(-1),
      answers: { stalkerware_signs: { value: 'yes' } },
    });
    expect(byPp.statusCode).toBe(400);
    const rows = await world.system.database.db
      .selectFrom('instrument_response')
      .select(['id', 'owner_side'])
      .where('instrument_id', '=', ID)
      .where('joint_case_id', '=', made.jointCaseId)
      .execute();
    expect(rows).toEqual([{ id: responseId, owner_side: 'victim' }]);

    // Her IT safety plan: "document before you act" first, then the steps of her "yes" answers, in the definition's order.
    const plan = await must(
      clients.vssManager.get(`/api/victims/${made.herId}/safety-plans/it_safety`),
      200,
      'her IT safety plan',
    );
    const steps = plan.itSafety.steps as Array<{
      id: string;
      itemId: string | null;
      text: { en: string } | null;
    }>;
    expect(steps.map((step) => step.id)).toEqual([
      'document_before_you_act',
      'intimate_images.0',
      'stalkerware_signs.0',
    ]);
    expect(steps[2]!.text!.en).toMatch(/specialist before removing anything/);
    expect(plan.itSafety.identification).toMatchObject({
      id: responseId,
      jointCaseId: made.jointCaseId,
      version: 2,
      level: 'present',
    });

    // Saving keeps working as before, and the steps come back with the saved plan.
    const saved = await must(
      clients.vssManager.put(`/api/victims/${made.herId}/safety-plans/it_safety`, {
        safeDevice: 'The centre’s phone',
      }),
      200,
      'saved',
    );
    expect(saved.plan.safeDevice).toBe('The centre’s phone');
    expect(saved.itSafety.steps[0].id).toBe('document_before_you_act');
    // Her ordinary safety plan draws nothing in.
    const safety = await must(
      clients.vssManager.get(`/api/victims/${made.herId}/safety-plans/safety`),
      200,
      'plan',
    );
    expect(safety.itSafety).toBeUndefined();
    expect(
      (await clients.ppManager.get(`/api/victims/${made.herId}/safety-plans/it_safety`)).statusCode,
    ).toBe(404);
  });

  it('starts with "document before you act" alone before any identification', async () => {
    const { clients } = world.scenario;
    const made = await openCase();
    const plan = await must(
      clients.vssManager.get(`/api/victims/${made.herId}/safety-plans/it_safety`),
      200,
      'plan',
    );
    expect(plan.itSafety).toEqual({
      steps: [{ id: 'document_before_you_act', itemId: null, text: null }],
      identification: null,
    });
    const empty = await must(
      clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/digital-violence`),
      200,
      'none yet',
    );
    expect(empty.identifications).toEqual([]);
  });
});
