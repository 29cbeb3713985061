import { expect, test } from '@playwright/test';
import { makeJointCase, signInCaseTeam } from './api-setup';
import { isoDaysAgo, personAt, seriousViolations } from './support';

/**
 * When the two sides diverge (README, "When the two sides diverge"): the programme's checklists
 * come out lower than victim support's by a level or more; the joint risk view shows each pair
 * over time and proposes consulting the other agencies of the case-level agreement; victim
 * support's case manager agrees the level and records whom they consulted, what they said and the
 * level agreed after; the programme reads the same divergence over time and the consultation,
 * never what she said. The checklists are recorded through the API, as each side would.
 */
const run = Date.now().toString(36).slice(-6);

const checklist = (jointCaseId: string, completedOn: string, answers: object, extra: object = {}) => ({
  instrumentId: 'asap-risk-checklist',
  version: 1,
  jointCaseId,
  subject: 'case',
  completedOn,
  answers,
  ...extra,
});

test('the sides diverge; the joint view proposes a consultation, which is recorded with the level agreed after', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const team = await signInCaseTeam(browser);
  const made = await makeJointCase(team, {
    protocolTitle: `Consultation protocol ${run}`,
    referral: {
      person: { firstName: 'Sergio', lastName: `Divergente${run}`, dateOfBirth: '1979-09-12' },
      pathway: 'voluntary',
    },
    her: {
      firstName: 'Giulia',
      lastName: `Ascoltata${run}`,
      relationship: 'current',
      contact: { address: `Via Nascosta ${run}`, phone: '+39 333 666 7777' },
    },
    daysAgo: { referral: 60, intake: 55, active: 50, release: 55, support: 40 },
    otherParties: { police: ['programme', 'safety_concerns', 'risk'] },
  });
  const id = made.jointCaseId;
  const herWords = { strangulation: { value: 'yes', source: 'her', note: `He choked her ${run}` } };
  // Three weeks ago two levels apart; last week one level apart: still diverging. Each new
  // checklist pairs with the other side's latest, so the four give three pairs.
  await team.pp.post('/api/instrument-responses', checklist(id, isoDaysAgo(21), {}));
  await team.vss.post('/api/instrument-responses', checklist(id, isoDaysAgo(20), herWords));
  await team.pp.post(
    '/api/instrument-responses',
    checklist(id, isoDaysAgo(7), {}, { judgedLevel: 'intermediate' }),
  );
  await team.vss.post('/api/instrument-responses', checklist(id, isoDaysAgo(6), herWords));
  await team.close();

  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  await vss.goto(`/joint-cases/${id}/risk`);
  await expect(vss.getByTestId('pp-lower')).toBeVisible();
  const pairs = vss.getByTestId('divergence-table').locator('tbody tr');
  await expect(pairs).toHaveCount(3);
  await expect(pairs.nth(0)).toContainText('Programme 2 levels lower');
  await expect(pairs.nth(1)).toContainText('Programme 1 level lower');
  await expect(pairs.nth(2)).toContainText('Programme 1 level lower');
  await expect(vss.getByTestId('consult-proposed')).toContainText('Consult the other agencies of the case');
  expect(await seriousViolations(vss)).toEqual([]);

  // The case managers agree the level; the consultation then names it as the level agreed after.
  const agree = vss.getByRole('form', { name: 'Record the agreed level' });
  await agree.getByLabel('Agreed level').selectOption({ label: 'High' });
  await agree.getByLabel('Rationale').fill(`The police confirm the escalation ${run}`);
  await agree.getByRole('button', { name: 'Record the agreed level' }).click();
  await expect(vss.getByTestId('agreed-level')).toContainText('High');

  const consult = vss.getByRole('form', { name: 'Record a consultation' });
  await consult.getByRole('button', { name: 'Record the consultation' }).click();
  await expect(consult.getByText('Fill in this field')).not.toHaveCount(0);
  await consult.getByLabel('Agency consulted').selectOption({ label: 'Polizia di Stato — Questura' });
  await consult
    .getByLabel('What they said')
    .fill(`Two call-outs this month; they support a high level ${run}`);
  await consult.getByLabel('Level agreed after').selectOption({ index: 1 });
  await consult.getByRole('button', { name: 'Record the consultation' }).click();
  await expect(vss.getByText('Consultation recorded.')).toBeVisible();
  const records = vss.getByTestId('consultations');
  await expect(records).toContainText('Polizia di Stato — Questura');
  await expect(records).toContainText(`they support a high level ${run}`);
  await expect(records).toContainText('level agreed after: High');

  // The programme reads the same divergence over time and the consultation, never her words.
  const pp = await personAt(browser, 'pp.manager@oltre.demo');
  await pp.goto(`/joint-cases/${id}/risk`);
  const ppPairs = pp.getByTestId('divergence-table').locator('tbody tr');
  await expect(ppPairs).toHaveCount(3);
  await expect(ppPairs.nth(0)).toContainText('Programme 2 levels lower');
  await expect(ppPairs.nth(1)).toContainText('Programme 1 level lower');
  await expect(ppPairs.nth(2)).toContainText('Programme 1 level lower');
  await expect(pp.getByTestId('consultations')).toContainText(`they support a high level ${run}`);
  await expect(pp.locator('body')).not.toContainText('choked');
  await expect(pp.locator('body')).not.toContainText('Via Nascosta');

  for (const page of [vss, pp]) await page.context().close();
});
