import { expect, type Locator, test } from '@playwright/test';
import type { InstrumentDefinition, JointRiskView } from '@tandem/shared';
import { apiAs, type JointCase, makeJointCase, signInCaseTeam } from './api-setup';
import { isoDaysAgo, isoDaysFromNow, personAt } from './support';

/**
 * The reassessment done most: little changed since the last one. Victim support's case manager
 * goes from the home page (a critical event made the reassessment due) to her side's 42-item
 * checklist, starts from the last one, changes two answers and saves.
 *
 * The test counts the UI actions it takes (clicks, fills, selects and key presses, as
 * meeting.spec.ts counts them) and prints the number: no more than 20.
 *
 * The case, its first assessment three months ago and the critical event go through the API, as
 * the people who do them would.
 */

const run = Date.now().toString(36).slice(-6);

interface Made {
  jointCase: JointCase;
  riskUrl: string;
  /** Her side's first checklist, as recorded. */
  before: Record<string, { value: string; source: string }>;
}

const ASAP = 'asap-risk-checklist';
// What she told her service three months ago: separation planned, extremely afraid; the rest no.
const YES_BEFORE = new Set(['separation', 'extreme_fear']);

let made: Made;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const team = await signInCaseTeam(browser);
  const jointCase = await makeJointCase(team, {
    protocolTitle: `Reassessment protocol ${run}`,
    referral: {
      person: { firstName: 'Enzo', lastName: `Riesame${run}`, dateOfBirth: '1983-06-20' },
      pathway: 'voluntary',
    },
    her: {
      firstName: 'Marta',
      lastName: `Sicura${run}`,
      relationship: 'current',
      contact: { phone: '+39 333 000 0001' },
    },
    daysAgo: { referral: 120, intake: 115, active: 110, release: 115, support: 100 },
    otherParties: { police: ['programme', 'safety_concerns'] },
  });
  const definition = (await team.vss.get<{ items: InstrumentDefinition[] }>('/api/instruments')).items.find(
    (candidate) => candidate.id === ASAP,
  );
  if (!definition) throw new Error(`No ${ASAP} in the demo network`);
  const itemIds = definition.sections.flatMap((section) => section.items.map((item) => item.id));
  expect(itemIds).toHaveLength(42);
  const before = Object.fromEntries(
    itemIds.map((id) => [id, { value: YES_BEFORE.has(id) ? 'yes' : 'no', source: 'her' }]),
  );
  const checklist = (api: typeof team.vss, subject: 'case', answers: object) =>
    api.post<{ id: string; level: string | null }>('/api/instrument-responses', {
      instrumentId: ASAP,
      version: definition.version,
      jointCaseId: jointCase.jointCaseId,
      subject,
      completedOn: isoDaysAgo(90),
      answers,
    });
  const hers = await checklist(team.vss, 'case', before);
  const hersLevel = hers.level ?? 'low';
  const his = await checklist(team.pp, 'case', {
    separation: { value: 'yes', source: 'him' },
    extreme_fear: { value: 'unknown', source: 'professional_observation' },
  });
  await team.vss.post(`/api/joint-cases/${jointCase.jointCaseId}/agreed-level`, {
    level: hersLevel,
    rationale: `Separation planned; she is afraid ${run}`,
    agreedOn: isoDaysAgo(90),
    ppResponseId: his.id,
    vssResponseId: hers.id,
  });
  // Threatening messages, reported by the police: the reassessment is due now.
  await team.pp.post(`/api/pp-episodes/${jointCase.episodeId}/critical-events`, {
    kind: 'threat',
    occurredOn: isoDaysAgo(0),
    source: 'agency',
    sourceAgencyId: jointCase.agencyId('police'),
    description: `Threatening messages reported to the police ${run}`,
  });
  await team.close();
  made = { jointCase, riskUrl: `/joint-cases/${jointCase.jointCaseId}/risk`, before };
});

/** Every click, fill, select and key press of the test goes through here, and is counted. */
class Ui {
  count = 0;
  async click(locator: Locator) {
    this.count += 1;
    await locator.click();
  }
  /** A key press is an action too (Y, N or U answers an item from the keyboard). */
  async press(locator: Locator, key: string) {
    this.count += 1;
    await locator.press(key);
  }
}

test('a reassessment where little changed: from the last checklist, two answers changed, saved', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const ui = new Ui();
  const { jointCase, riskUrl, before } = made;

  // From the home page: the reassessment the critical event made due.
  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  const dueCard = vss.getByRole('region', { name: 'Reassessments and questionnaires due' });
  await expect(dueCard.getByRole('listitem').first()).toBeVisible();
  const showAll = dueCard.getByRole('button', { name: /^Show all/ });
  if (await showAll.isVisible()) await ui.click(showAll);
  const dueRow = dueCard
    .getByRole('listitem')
    .filter({ hasText: jointCase.caseNumber })
    .filter({ hasText: 'after a critical event' });
  await ui.click(dueRow.getByRole('link', { name: 'Reassess the risk' }));
  await expect(vss).toHaveURL(new RegExp(`${riskUrl}$`));
  await expect(vss.getByTestId('reassessment-due')).toContainText('Reassessment due now');

  // Her side's checklist, from the last one: every item answered as it was.
  await ui.click(vss.getByRole('link', { name: 'Fill in our checklist' }).first());
  await expect(vss.getByRole('heading', { level: 1, name: /Risk checklist of/ })).toBeVisible();
  await expect(vss.getByText(/Your side’s last checklist: /)).toBeVisible();
  await ui.click(vss.getByRole('button', { name: 'Start from it' }));
  const form = vss.locator('form').filter({ has: vss.locator('[data-item]') });
  await expect(form.locator('[data-item][data-answered]')).toHaveCount(42);

  // What changed: he has now threatened to kill her, and the separation is no longer planned —
  // they are back together. Each changed answer is marked as changed.
  const threats = form.locator('[data-item="threats_to_kill"]');
  await ui.click(threats.getByText('Yes', { exact: true }));
  const separation = form.locator('[data-item="separation"]');
  await ui.click(separation.getByText('No', { exact: true }));
  await expect(form.locator('[data-item][data-changed]')).toHaveCount(2);
  await expect(threats.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked();
  await expect(separation.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
  await ui.click(vss.getByRole('button', { name: 'Save', exact: true }));
  await expect(vss).toHaveURL(new RegExp(`${riskUrl}$`));

  // Saved as today's checklist of her side: the 40 other answers as they were, hers as before.
  const api = await apiAs(browser, 'vss.manager@casadonne.demo');
  const view = await api.get<JointRiskView>(`/api/joint-cases/${jointCase.jointCaseId}/risk`);
  await api.close();
  const after = view.victimSide;
  expect(after?.completedOn).toBe(isoDaysFromNow(0));
  const expected = {
    ...before,
    threats_to_kill: { value: 'yes', source: 'her' },
    separation: { value: 'no', source: 'her' },
  };
  expect(
    Object.fromEntries(
      Object.entries(after?.answers ?? {}).map(([id, answer]) => [
        id,
        { value: answer.value, source: answer.source },
      ]),
    ),
  ).toEqual(expected);

  console.log(`Checklist reassessment: ${ui.count} UI actions.`);
  expect(ui.count).toBeLessThanOrEqual(20);
  await vss.context().close();
});
