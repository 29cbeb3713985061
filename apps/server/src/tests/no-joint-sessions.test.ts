import { routes } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeJointCase, makeNetworkScenario, type NetworkScenario } from '../testing/scenario.js';
import { startTestSystem, type TestSystem } from '../testing/test-system.js';

/**
 * No couple counselling or mediation (docs/domain.md, "Information-flow rules", 7; Istanbul
 * Convention art. 48): nothing in Tandem brings him and her into one session, and nothing on his
 * side writes to her. These tests hold the places where either could be built by mistake.
 */
let system: TestSystem;
let scenario: NetworkScenario;
beforeAll(async () => {
  system = await startTestSystem();
  scenario = await makeNetworkScenario(system);
});
afterAll(() => system?.close());

const AGENDA_ITEMS = [
  'joint_risk_assessment',
  'recidivism',
  'individual_change',
  'qualitative_elements',
  'joint_action_plan',
];

describe('no joint session of him and her', () => {
  it('records a case meeting with staff only: neither his nor her person is accepted as a participant', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const himId = (await clients.ppManager.get(`/api/pp-episodes/${made.episodeId}`)).json().person.id;
    const meetings = (await clients.vssManager.get(`/api/joint-cases/${made.jointCaseId}/meetings`)).json();
    const meetingId = meetings.items[0].id;
    for (const item of AGENDA_ITEMS) {
      const addressed = await clients.ppManager.put(`/api/meetings/${meetingId}/agenda/${item}`, {
        status: 'addressed',
        notes: 'Discussed',
      });
      expect(addressed.statusCode).toBe(200);
    }
    for (const [who, personId] of [
      ['him', himId],
      ['her', made.herId],
    ] as const) {
      const response = await clients.vssManager.post(`/api/meetings/${meetingId}/close`, {
        attendance: [scenario.users.vssManager.id, personId],
        confirmHerDetails: true,
      });
      expect({ who, status: response.statusCode, field: response.json().fields?.[0]?.path }).toEqual({
        who,
        status: 400,
        field: 'attendance.1',
      });
    }
  });

  it('records his programme sessions as his alone: a second person cannot be attached', async () => {
    const { clients } = scenario;
    const made = await makeJointCase(scenario);
    const response = await clients.ppManager.post(`/api/pp-episodes/${made.episodeId}/attendance`, {
      sessionDate: '2026-02-03',
      status: 'present',
      partnerPersonId: made.herId,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.map((field: { path: string }) => field.path)).toEqual(['partnerPersonId']);
  });

  it('has no route that schedules a couple session or sends her a message', () => {
    // A message to her would be named for her; a joint session, for what it is.
    const forbiddenWords =
      /mediat|counsel|couple|joint_?session|(message|mail|letter|sms)_?(to|for)_?(her|partner|victim)|(send|write)_?(to_?)?(her|partner|victim)/i;
    const offending: string[] = [];
    for (const [group, table] of Object.entries(routes)) {
      for (const [name, route] of Object.entries(
        table as Record<string, { path: string; body?: z.ZodType }>,
      )) {
        const words = [
          route.path,
          name,
          ...(route.body
            ? propertyNames(z.toJSONSchema(route.body, { io: 'input', unrepresentable: 'any' }))
            : []),
        ];
        for (const word of words) if (forbiddenWords.test(word)) offending.push(`${group}.${name}: ${word}`);
      }
    }
    expect(offending).toEqual([]);
  });
});

/** Every property name anywhere in a JSON schema. */
function propertyNames(schema: unknown): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const names: string[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && value && typeof value === 'object') names.push(...Object.keys(value));
    names.push(...propertyNames(value));
  }
  return names;
}
