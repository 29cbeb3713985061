import { describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';

/**
 * How each child was assessed (docs/domain.md, "The tools"): for her service, and for an agency
 * of the case only as far as the case-level agreement gives it the children — nothing by
 * default; never for the programme. A refusal is audited like every other.
 */
const { world, openCase, auditRows } = caseWorld();

const assessment = (jointCaseId: string, note: string) => ({
  jointCaseId,
  assessedOn: isoDay(-1),
  parentConsentFrom: 'mother',
  childInformed: true,
  childToldMayWithdraw: true,
  childToldMayRefuse: true,
  childToldHowRecorded: true,
  needsConsidered: note,
});

describe('child-assessment records', () => {
  it('reach the police only when the agreement gives them the children', async () => {
    const { clients } = world.scenario;
    const without = await openCase({ withChild: true, policeReceives: ['programme', 'safety_concerns'] });
    const withChildren = await openCase({ withChild: true, policeReceives: ['programme', 'children'] });
    for (const [made, note] of [
      [without, 'Needs her aunt beside her — case one'],
      [withChildren, 'Needs her aunt beside her — case two'],
    ] as const) {
      await must(
        clients.vssManager.post(
          `/api/children/${made.childId}/assessments`,
          assessment(made.jointCaseId, note),
        ),
        201,
        'assessment',
      );
    }
    const notes = async (jointCaseId: string) =>
      (
        await must(clients.police.get(`/api/joint-cases/${jointCaseId}/children`), 200, 'children')
      ).assessments.map((record: { needsConsidered?: string }) => record.needsConsidered);
    expect(await notes(without.jointCaseId)).toEqual([]);
    expect(await notes(withChildren.jointCaseId)).toEqual(['Needs her aunt beside her — case two']);
    // Her service reads both; the programme neither.
    expect(
      (await must(clients.vssManager.get(`/api/joint-cases/${without.jointCaseId}/children`), 200, 'vss'))
        .assessments,
    ).toHaveLength(1);
    expect(
      (await must(clients.ppManager.get(`/api/joint-cases/${withChildren.jointCaseId}/children`), 200, 'pp'))
        .assessments,
    ).toEqual([]);
  });

  it('are never written by the programme, and the refusal is in the audit trail', async () => {
    const { clients } = world.scenario;
    const made = await openCase({ withChild: true });
    const refused = await clients.ppManager.post(
      `/api/children/${made.childId}/assessments`,
      assessment(made.jointCaseId, 'written by the programme'),
    );
    expect([403, 404]).toContain(refused.statusCode);
    const denied = (await auditRows({ action: 'child_assessment.record' })).filter(
      (row) => row.outcome === 'denied' && row.actor_user_id === world.scenario.users.ppManager.id,
    );
    expect(denied.length).toBeGreaterThan(0);
  });
});
