import { expect, test } from '@playwright/test';
import { makeJointCase, signInCaseTeam } from './api-setup';
import { isoDaysAgo, personAt } from './support';

/**
 * Risk management, not only assessment (docs/domain.md, "Risk management"): the level agreed
 * high proposes its actions to the action plan, her own safety measure only to her side; a repeat
 * incident fires an escalation trigger, whose critical event says why, and the extraordinary
 * meeting it proposed is accepted from the case page. Set-up through the API, as the people who
 * do it would; what the case managers read and decide, in the browser.
 */
const run = Date.now().toString(36).slice(-6);

test('the agreed level proposes its actions; a repeat incident proposes an extraordinary meeting', async ({
  browser,
}) => {
  const team = await signInCaseTeam(browser);
  const { pp, vss } = team;
  const jointCase = await makeJointCase(team, {
    protocolTitle: `Risk management protocol ${run}`,
    referral: {
      person: { firstName: 'Mauro', lastName: `Rischio${run}`, dateOfBirth: '1981-04-02' },
      pathway: 'voluntary',
    },
    her: {
      firstName: 'Irene',
      lastName: `Protetta${run}`,
      relationship: 'current',
      contact: { address: `Via Riparata ${run}`, phone: '+39 333 111 2222' },
    },
    daysAgo: { referral: 60, intake: 55, active: 50, release: 55, support: 50 },
    otherParties: { police: ['programme', 'safety_concerns'] },
  });
  const caseId = jointCase.jointCaseId;
  await vss.post(`/api/joint-cases/${caseId}/agreed-level`, {
    level: 'high',
    rationale: 'Threats to kill, which she believes',
    agreedOn: isoDaysAgo(0),
  });
  for (const occurredOn of [isoDaysAgo(40), isoDaysAgo(3)])
    await pp.post(`/api/joint-cases/${caseId}/recidivism`, {
      occurredOn,
      forms: ['psychological'],
      severity: 'low',
      source: 'him',
    });
  await team.close();

  const herSide = await personAt(browser, 'vss.manager@casadonne.demo');
  await herSide.goto(`/joint-cases/${caseId}/risk`);
  const actions = herSide.getByRole('region', { name: 'Actions of the agreed level' });
  await expect(actions.getByText(/Call her the same day through her safe channel/)).toBeVisible();
  await expect(actions.getByText(/bring charges or seek a protection order/)).toBeVisible();

  await herSide.goto(`/cases/${caseId}`);
  const events = herSide.getByRole('region', { name: 'Critical events' });
  await expect(events.getByText('Escalation trigger')).toBeVisible();
  await expect(events.getByText(/A new incident within 12 months of an earlier one/)).toBeVisible();
  await herSide.getByRole('link', { name: 'Extraordinary meeting proposed: decide' }).click();
  await expect(herSide.getByRole('heading', { name: 'Extraordinary meeting proposed' })).toBeVisible();
  await herSide.getByRole('button', { name: 'Accept and plan' }).click();
  await expect(herSide.getByText('The meeting is planned.')).toBeVisible();
  await expect(herSide.getByRole('heading', { name: 'Extraordinary meeting proposed' })).toHaveCount(0);

  // The programme's case manager reads the actions it carries, never her own safety measure.
  const programme = await personAt(browser, 'pp.manager@oltre.demo');
  await programme.goto(`/joint-cases/${caseId}/risk`);
  const forProgramme = programme.getByRole('region', { name: 'Actions of the agreed level' });
  await expect(forProgramme.getByText(/Tighten his supervision/)).toBeVisible();
  await expect(forProgramme.getByText(/safe channel/)).toHaveCount(0);
});
