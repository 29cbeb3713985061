import { expect, type Page, test } from '@playwright/test';
import { makeJointCase, signInCaseTeam } from './api-setup';
import { personAt, seriousViolations } from './support';

/**
 * Digital violence (README, "Digital violence"): her service's worker answers the identification
 * on the joint case; her IT safety plan then starts with "document before you act" and the steps
 * her "yes" answers draw in. The programme is offered no link to it and gets the server's 404.
 */
const run = Date.now().toString(36).slice(-6);

async function answerYes(page: Page, question: RegExp) {
  await page.getByRole('group', { name: question }).getByText('Yes', { exact: true }).click();
}

test('victim support answers the digital-violence identification and sees the IT safety plan it draws', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const team = await signInCaseTeam(browser);
  const made = await makeJointCase(team, {
    protocolTitle: `Digital violence protocol ${run}`,
    referral: {
      person: { firstName: 'Dario', lastName: `Digitale${run}`, dateOfBirth: '1980-04-05' },
      pathway: 'voluntary',
    },
    her: {
      firstName: 'Elena',
      lastName: `Sicura${run}`,
      relationship: 'current',
      contact: { address: `Via Protetta ${run}`, phone: '+39 333 444 5555' },
    },
    daysAgo: { referral: 60, intake: 55, active: 50, release: 55, support: 40 },
    otherParties: {},
  });
  await team.close();
  const id = made.jointCaseId;

  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  await vss.goto(`/cases/${id}`);
  await vss.getByRole('link', { name: 'Digital violence' }).click();
  await expect(
    vss.getByRole('heading', { level: 1, name: `Digital violence — ${made.caseNumber}` }),
  ).toBeVisible();
  await expect(vss.getByText('No identification yet.')).toBeVisible();
  await answerYes(vss, /Monitoring or stalkerware signs/);
  await answerYes(vss, /Intimate images or videos of her/);
  await vss.getByRole('button', { name: 'Save', exact: true }).click();
  const past = vss.getByRole('region', { name: 'Past identifications' });
  await expect(past).toContainText('Digital violence present');
  await expect(past).toContainText('2 “yes”');
  expect(await seriousViolations(vss)).toEqual([]);

  await vss.getByRole('link', { name: 'Her IT safety plan' }).click();
  const steps = vss.getByRole('region', { name: 'First steps' });
  await expect(steps.getByRole('listitem').first()).toContainText('Document before you act.');
  await expect(steps).toContainText('report to the platform and to the police');
  await expect(steps).toContainText('with a specialist before removing anything');
  // Saving her own plan works as before.
  await vss
    .getByLabel(/safe device/i)
    .first()
    .fill('The centre’s phone');
  await vss.getByRole('button', { name: 'Save the plan' }).click();
  await expect(vss.getByText('Plan saved.')).toBeVisible();
  await expect(steps.getByRole('listitem').first()).toContainText('Document before you act.');

  // The programme sees no link, and the page's data is the server's 404.
  const pp = await personAt(browser, 'pp.manager@oltre.demo');
  await pp.goto(`/cases/${id}`);
  await expect(pp.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(pp.getByRole('link', { name: 'Digital violence' })).toHaveCount(0);
  const response = await pp.request.get(`/api/joint-cases/${id}/digital-violence`);
  expect(response.status()).toBe(404);
});
