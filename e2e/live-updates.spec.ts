import { expect, test } from '@playwright/test';
import { makeJointCase, signInCaseTeam } from './api-setup';
import { personAt } from './support';

/**
 * Live updates (README, "Live updates"): both case managers have the same meeting open at their
 * own desks; what one records appears on the other's screen within two seconds, with no click
 * and no reload. Set-up through the API; the meeting itself in the browser.
 */
const run = Date.now().toString(36).slice(-6);

test('what one case manager records on the meeting screen appears on the other’s within two seconds, unasked', async ({
  browser,
}) => {
  const team = await signInCaseTeam(browser);
  const jointCase = await makeJointCase(team, {
    protocolTitle: `Live protocol ${run}`,
    referral: {
      person: { firstName: 'Aldo', lastName: `Diretto${run}`, dateOfBirth: '1983-02-11' },
      pathway: 'voluntary',
    },
    her: {
      firstName: 'Marta',
      lastName: `Presente${run}`,
      relationship: 'current',
      contact: { address: `Via Viva ${run}`, phone: '+39 333 222 3333' },
    },
    daysAgo: { referral: 40, intake: 35, active: 30, release: 35, support: 30 },
    otherParties: {},
  });
  const meetings = await team.vss.get<{ items: { id: string; status: string }[] }>(
    `/api/joint-cases/${jointCase.jointCaseId}/meetings`,
  );
  const meetingId = meetings.items.find((meeting) => meeting.status === 'planned')?.id;
  expect(meetingId).toBeTruthy();
  await team.close();

  const herSide = await personAt(browser, 'vss.manager@casadonne.demo');
  const programme = await personAt(browser, 'pp.manager@oltre.demo');
  await herSide.goto(`/meetings/${meetingId}`);
  await programme.goto(`/meetings/${meetingId}`);
  const qualitativeOf = (page: typeof herSide) => page.getByRole('region', { name: /Qualitative elements/ });
  await expect(qualitativeOf(herSide)).toBeVisible();
  await expect(qualitativeOf(programme)).toBeVisible();

  // The programme's note appears on her case manager's screen by itself.
  const note = `He speaks of her new flat ${run}`;
  const ppQualitative = qualitativeOf(programme);
  await ppQualitative.getByText('High concern', { exact: true }).click();
  await ppQualitative.getByLabel('What you perceive as danger').fill(note);
  await ppQualitative.getByRole('button', { name: 'Add note' }).click();
  await expect(ppQualitative).toContainText(note);
  await expect(qualitativeOf(herSide)).toContainText(note, { timeout: 2_000 });

  // An item addressed on her screen shows as addressed on his, unasked.
  await qualitativeOf(herSide).getByRole('button', { name: 'Mark addressed' }).click();
  await expect(herSide.getByRole('button', { name: /Qualitative elements/ })).toContainText('Addressed');
  await expect(programme.getByRole('button', { name: /Qualitative elements/ })).toContainText('Addressed', {
    timeout: 2_000,
  });
});
