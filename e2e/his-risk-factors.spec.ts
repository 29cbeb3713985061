import { expect, type Page, test } from '@playwright/test';
import { makeJointCase, signInCaseTeam } from './api-setup';
import { personAt, seriousViolations } from './support';

/**
 * His risk factors (README, "His risk factors"): the programme's case manager answers them on
 * the case's tools; a suicide plan proposes the programme's same-day crisis referral and raises
 * a critical event, which victim support's case manager sees on the joint case.
 */
const run = Date.now().toString(36).slice(-6);

async function answerYes(page: Page, question: RegExp) {
  await page.getByRole('group', { name: question }).getByText('Yes', { exact: true }).click();
}

test('the programme answers his risk factors; the action is proposed and victim support sees the event', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const team = await signInCaseTeam(browser);
  const made = await makeJointCase(team, {
    protocolTitle: `Risk factors protocol ${run}`,
    referral: {
      person: { firstName: 'Bruno', lastName: `Fattori${run}`, dateOfBirth: '1978-02-03' },
      pathway: 'voluntary',
    },
    her: {
      firstName: 'Anna',
      lastName: `Protetta${run}`,
      relationship: 'current',
      contact: { address: `Via Riservata ${run}`, phone: '+39 333 111 2222' },
    },
    daysAgo: { referral: 60, intake: 55, active: 50, release: 55, support: 40 },
    otherParties: { police: ['programme', 'safety_concerns'] },
  });
  await team.close();
  const id = made.jointCaseId;

  const pp = await personAt(browser, 'pp.manager@oltre.demo');
  await pp.goto(`/joint-cases/${id}/his-risk-factors`);
  await expect(
    pp.getByRole('heading', { level: 1, name: `His risk factors — ${made.caseNumber}` }),
  ).toBeVisible();
  await answerYes(pp, /a plan or the means to kill himself/);
  await answerYes(pp, /firearm licence, or weapons at home/);
  await pp.getByRole('button', { name: 'Save', exact: true }).click();
  const actions = pp.getByRole('region', { name: 'Actions it raised' });
  await expect(actions).toContainText('Refer him to a crisis or mental-health service the same day');
  await expect(actions).toContainText('Inform the police');
  await expect(pp.getByRole('region', { name: 'Critical events it raised' })).toContainText(
    'The programme flagged his suicide risk',
  );
  expect(await seriousViolations(pp)).toEqual([]);

  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  await vss.goto(`/cases/${id}`);
  await expect(vss.getByText('The programme flagged his suicide risk').first()).toBeVisible();
  await vss.goto(`/joint-cases/${id}/his-risk-factors`);
  await expect(vss.getByRole('region', { name: 'Critical events it raised' })).toContainText(
    'The programme flagged his access to weapons',
  );
  // Victim support gives no answers about him: no form is offered.
  await expect(vss.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
});
