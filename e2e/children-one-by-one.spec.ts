import { expect, type Locator, test } from '@playwright/test';
import { makeJointCase, signInCaseTeam } from './api-setup';
import { isoDaysAgo, personAt, seriousViolations } from './support';

/**
 * Children, one by one (README, "Children, one by one"): victim support's case manager answers
 * Section B with each of two children on their own, under the children's instrument; each child
 * gets its own level (one from the answers, one raised by a vulnerability marker, with an item
 * the child chose not to answer); the child-protection lead, whose agency the case's agreement
 * gives the children, reads both levels on its own page. The case and the children are set up
 * through the API; what the people read and decide, in the browser.
 */
const run = Date.now().toString(36).slice(-6);

/** One Section B item of a child's form (a group named by its question). */
const item = (form: Locator, question: RegExp) => form.getByRole('group', { name: question });

async function principles(form: Locator) {
  await form.getByRole('radio', { name: 'Mother' }).check();
  for (const confirmation of [
    'The child was told about the topics first',
    'The child knows they may stop at any time',
    'The child knows they may refuse to answer any question',
    'The child knows how the answers are recorded',
  ])
    await form.getByRole('checkbox', { name: confirmation }).check();
}

test('each child answers Section B on their own and gets their own level; the child-protection lead sees both', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const team = await signInCaseTeam(browser);
  const made = await makeJointCase(team, {
    protocolTitle: `Children protocol ${run}`,
    referral: {
      person: { firstName: 'Paolo', lastName: `Padre${run}`, dateOfBirth: '1980-02-03' },
      pathway: 'voluntary',
    },
    her: {
      firstName: 'Laura',
      lastName: `Madre${run}`,
      relationship: 'current',
      contact: { phone: '+39 333 444 5555' },
    },
    daysAgo: { referral: 60, intake: 55, active: 50, release: 55, support: 40 },
    otherParties: { child_protection: ['children'] },
  });
  const elder = `Marta${run}`;
  const younger = `Luca${run}`;
  for (const [firstName, dateOfBirth] of [
    [elder, isoDaysAgo(11 * 365)],
    [younger, isoDaysAgo(8 * 365)],
  ] as const) {
    const child = await team.vss.post<{ id: string }>('/api/children', {
      firstName,
      lastName: `Madre${run}`,
      dateOfBirth,
      motherId: made.herId,
    });
    await team.vss.post(`/api/joint-cases/${made.jointCaseId}/children`, { childId: child.id });
  }
  await team.close();

  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  await vss.goto(`/joint-cases/${made.jointCaseId}/children`);
  const elderCard = vss.getByRole('region', { name: `${elder} Madre${run}` });
  const youngerCard = vss.getByRole('region', { name: `${younger} Madre${run}` });

  // The elder child: he threatened, directly, to kill the children — a serious indicator, high.
  await elderCard.getByRole('button', { name: `Assess ${elder}` }).click();
  const elderForm = vss.getByRole('form', { name: `Assessment of ${elder}` });
  await principles(elderForm);
  await item(elderForm, /threatened, directly, to kill the children/)
    .getByText('Yes', { exact: true })
    .click();
  await item(elderForm, /heard episodes of violence/)
    .getByText('Yes', { exact: true })
    .click();
  await expect(elderForm.getByTestId('child-rule-level')).toContainText('High');
  expect(await seriousViolations(vss)).toEqual([]);
  await elderForm.getByRole('button', { name: 'Record the assessment' }).click();
  await expect(vss.getByText('Assessment recorded.', { exact: true })).toBeVisible();
  await expect(elderCard.getByTestId('child-level')).toContainText('High');

  // The younger child heard episodes only, and chose not to answer whether they refuse contact
  // with him; medical needs raise the child to intermediate.
  await youngerCard.getByRole('button', { name: `Assess ${younger}` }).click();
  const youngerForm = vss.getByRole('form', { name: `Assessment of ${younger}` });
  await principles(youngerForm);
  await item(youngerForm, /heard episodes of violence/)
    .getByText('Yes', { exact: true })
    .click();
  await item(youngerForm, /threatened, directly, to kill the children/)
    .getByText('No', { exact: true })
    .click();
  await item(youngerForm, /refuse contact with him/)
    .getByText('Chose not to answer', { exact: true })
    .click();
  await expect(youngerForm.getByTestId('child-rule-level')).toContainText('Low');
  await youngerForm.getByRole('checkbox', { name: 'Medical or mental-health needs' }).check();
  await expect(youngerForm.getByTestId('child-rule-level')).toContainText('Intermediate');
  await expect(youngerForm.getByTestId('child-rule-level')).toContainText('Raised by a vulnerability marker');
  await expect(youngerForm.getByTestId('child-rule-level')).toContainText(
    "1 item not answered by the child's choice",
  );
  await youngerForm.getByRole('button', { name: 'Record the assessment' }).click();
  await expect(youngerCard.getByTestId('child-level')).toContainText('Intermediate');

  // Each child's own history: the level, the marker, the refusal; the other child's stays its own.
  const youngerHistory = youngerCard.getByRole('table', { name: `Assessments of ${younger} Madre${run}` });
  await expect(youngerHistory).toContainText('Intermediate');
  await expect(youngerHistory).toContainText('Medical needs');
  await expect(youngerHistory).toContainText("1 item not answered by the child's choice");
  await expect(elderCard.getByTestId('child-level')).toContainText('High');
  await expect(
    elderCard.getByRole('table', { name: `Assessments of ${elder} Madre${run}` }),
  ).not.toContainText('Medical needs');

  // The programme knows the children, never their assessments.
  const pp = await personAt(browser, 'pp.manager@oltre.demo');
  await pp.goto(`/joint-cases/${made.jointCaseId}/children`);
  await expect(pp.getByRole('region', { name: `${elder} Madre${run}` })).toBeVisible();
  await expect(pp.getByTestId('child-level')).toHaveCount(0);
  await expect(pp.getByRole('button', { name: `Assess ${elder}` })).toHaveCount(0);
  await expect(pp.getByRole('link', { name: "Children's risk levels" })).toHaveCount(0);

  // The child-protection lead: every child's newest level, from the navigation.
  const lead = await personAt(browser, 'child.lead@childprotection.demo');
  await lead.goto('/');
  await lead.getByRole('link', { name: "Children's risk levels" }).click();
  await expect(lead.getByRole('heading', { level: 1, name: "Children's risk levels" })).toBeVisible();
  const levels = lead.getByRole('table', { name: "Children's risk levels" });
  await expect(levels.getByRole('row').filter({ hasText: elder })).toContainText('High');
  const youngerRow = levels.getByRole('row').filter({ hasText: younger });
  await expect(youngerRow).toContainText('Intermediate');
  await expect(youngerRow).toContainText('Medical needs');
  expect(await seriousViolations(lead)).toEqual([]);

  for (const page of [vss, pp, lead]) await page.context().close();
});
