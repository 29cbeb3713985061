import { expect, type Page, test } from '@playwright/test';
import { apiAs, type JointCase, makeJointCase, signInCaseTeam } from './api-setup';
import { isoDaysAgo, personAt, seriousViolations } from './support';

/**
 * The joint risk assessment, recidivism and the due list, in the browser: both sides complete
 * the checklist and diverge (the programme low, victim support high); the joint view shows the
 * divergence, "the programme assesses lower", and protects what she said from the programme;
 * the case managers record the agreed level with a rationale; a critical event makes the
 * reassessment due on the home page; an episode she reported and he did not is flagged as
 * possible minimisation, and reaches the programme only as a count.
 *
 * The joint case is set up through the API, as the people who do it would (the casework pages
 * have their own spec).
 */

const run = Date.now().toString(36).slice(-6);

/** One checklist item (a group named by its question). */
const item = (page: Page, question: RegExp) => page.getByRole('group', { name: question });

async function answer(page: Page, question: RegExp, value: 'Yes' | 'No' | 'Unknown', source?: string) {
  const group = item(page, question);
  await group.getByText(value, { exact: true }).click();
  if (source) await group.getByLabel('Source').selectOption({ label: source });
}

let made: JointCase;

// Referral, release naming her, her support episode, her consent, the joint case.
test.beforeAll(async ({ browser }) => {
  const team = await signInCaseTeam(browser);
  made = await makeJointCase(team, {
    protocolTitle: `Instruments protocol ${run}`,
    referral: {
      person: { firstName: 'Dario', lastName: `Rischio${run}`, dateOfBirth: '1981-04-02' },
      pathway: 'voluntary',
    },
    her: {
      firstName: 'Elisa',
      lastName: `Sicura${run}`,
      relationship: 'current',
      contact: { phone: '+39 333 000 0000' },
    },
    daysAgo: { referral: 60, intake: 55, active: 50, release: 55, support: 40 },
    otherParties: { police: ['programme', 'safety_concerns'] },
  });
  await team.close();
});

test('both sides diverge, the joint view says so, the level is agreed; a critical event makes it due again', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const riskUrl = `/joint-cases/${made.jointCaseId}/risk`;

  // The programme: what it knows from him and its own observation. Low.
  const pp = await personAt(browser, 'pp.manager@oltre.demo');
  await pp.goto(riskUrl);
  await expect(
    pp.getByRole('heading', { level: 1, name: `Joint risk assessment — ${made.caseNumber}` }),
  ).toBeVisible();
  await pp.getByRole('link', { name: 'Fill in our checklist' }).first().click();
  await expect(pp.getByRole('heading', { level: 1, name: /Risk checklist of the programme/ })).toBeVisible();
  // The programme never records what she said.
  await expect(
    item(pp, /strangle, choke/)
      .getByLabel('Source')
      .locator('option', { hasText: /^Her$/ }),
  ).toHaveCount(0);
  await answer(pp, /strangle, choke/, 'No', 'Him');
  await answer(pp, /misuses alcohol/, 'Yes', 'Him');
  await answer(pp, /minimises, denies/, 'Yes', 'Professional observation');
  await expect(pp.getByTestId('computed-level')).toContainText('Low');
  await pp.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(pp).toHaveURL(new RegExp(`${riskUrl}$`));
  await expect(pp.getByTestId('pp-level')).toContainText('Low');

  // Victim support: what she said, and what the police reported. High, live, before saving.
  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  await vss.goto(`${riskUrl}/checklist`);
  await expect(vss.getByTestId('computed-level')).toContainText('Low');
  expect(await seriousViolations(vss)).toEqual([]);
  await answer(vss, /strangle, choke/, 'Yes', 'Her');
  await item(vss, /strangle, choke/)
    .getByRole('button', { name: 'Add a note' })
    .click();
  await item(vss, /strangle, choke/)
    .getByLabel('Note')
    .fill(`She said he choked her in the kitchen ${run}`);
  await expect(vss.getByTestId('computed-level')).toContainText('High');
  await answer(vss, /extremely afraid/, 'Yes', 'Her');
  await answer(vss, /misuses alcohol/, 'Yes', 'Another agency');
  await item(vss, /misuses alcohol/)
    .getByRole('combobox', { name: 'Which agency' })
    .selectOption({ label: 'Polizia di Stato — Questura' });
  await vss.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(vss).toHaveURL(new RegExp(`${riskUrl}$`));

  // The joint view: both levels, the divergence, item by item.
  await expect(vss.getByTestId('vss-level')).toContainText('High');
  await expect(vss.getByTestId('pp-level')).toContainText('Low');
  await expect(vss.getByTestId('pp-lower')).toContainText(
    'The programme assesses the risk lower than victim support',
  );
  const strangulation = vss.locator('tr[data-item="strangulation"]');
  await expect(strangulation).toContainText('Differs');
  await expect(strangulation).toContainText('from her');
  await expect(strangulation).toContainText('choked her in the kitchen');
  await expect(vss.locator('tr[data-item="substance_misuse"]')).toContainText(
    'from Polizia di Stato — Questura',
  );

  // The programme sees the divergence of levels, but not what she said: withheld, never her words.
  await pp.reload();
  await expect(pp.getByTestId('pp-lower')).toBeVisible();
  // Without her consent every answer of her side is withheld alike: nothing marks which were hers.
  await expect(pp.locator('tr[data-item="strangulation"]')).toContainText('Withheld');
  await expect(pp.locator('tr[data-item="extreme_fear"]')).toContainText('Withheld');
  await expect(pp.locator('body')).not.toContainText('her information');
  await expect(pp.locator('body')).not.toContainText('choked');
  await expect(pp.getByText('Never confront him')).toBeVisible();

  // The case managers agree the level, with its rationale; the next reassessment is set.
  const agree = vss.getByRole('form', { name: 'Record the agreed level' });
  await agree.getByRole('button', { name: 'Record the agreed level' }).click();
  // The level and the rationale are both required, each named at its field.
  await expect(agree.getByText('Fill in this field')).toHaveCount(2);
  await agree.getByLabel('Agreed level').selectOption({ label: 'High' });
  await agree.getByLabel('Rationale').fill(`Strangulation reported; she is extremely afraid ${run}`);
  await agree.getByRole('button', { name: 'Record the agreed level' }).click();
  await expect(vss.getByTestId('agreed-level')).toContainText('High');
  await expect(vss.getByTestId('agreed-level')).toContainText(`she is extremely afraid ${run}`);
  await expect(vss.getByTestId('next-reassessment')).toContainText('Next reassessment on');
  await vss.getByText('Show the data as a table').click();
  await expect(vss.getByRole('table', { name: 'Risk level over time' })).toContainText('High');
  expect(await seriousViolations(vss)).toEqual([]);

  // A critical event (a threat reported by the police) calls for an immediate reassessment.
  const ppApi = await apiAs(browser, 'pp.manager@oltre.demo');
  await ppApi.post(`/api/pp-episodes/${made.episodeId}/critical-events`, {
    kind: 'threat',
    occurredOn: isoDaysAgo(0),
    source: 'agency',
    sourceAgencyId: made.agencyId('police'),
    description: `Threatening messages reported to the police ${run}`,
  });
  await ppApi.close();

  // It is on victim support's home page, one click from where it is done.
  await vss.goto('/');
  const dueCard = vss.getByRole('region', { name: 'Reassessments and questionnaires due' });
  await expect(dueCard.getByRole('listitem').first()).toBeVisible();
  const showAll = dueCard.getByRole('button', { name: /^Show all/ });
  if (await showAll.isVisible()) await showAll.click();
  const dueRow = dueCard
    .getByRole('listitem')
    .filter({ hasText: made.caseNumber })
    .filter({ hasText: 'after a critical event' });
  await expect(dueRow).toHaveCount(1);
  await dueRow.getByRole('link', { name: 'Reassess the risk' }).click();
  await expect(vss).toHaveURL(new RegExp(`${riskUrl}$`));
  await expect(vss.getByTestId('reassessment-due')).toContainText('Reassessment due now');

  await pp.context().close();
  await vss.context().close();
});

test('an episode she reported and he did not is flagged as possible minimisation; without her consent nothing of it reaches the programme, not even a count', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const url = `/joint-cases/${made.jointCaseId}/recidivism`;

  // He tells the programme about one episode (physical).
  const pp = await personAt(browser, 'pp.manager@oltre.demo');
  await pp.goto(url);
  const ppForm = pp.getByRole('form', { name: 'Record an episode' });
  await expect(ppForm.getByRole('radio', { name: 'Her' })).toHaveCount(0);
  await ppForm.getByRole('checkbox', { name: 'Physical' }).check();
  await ppForm.getByRole('radio', { name: 'Low' }).check();
  await ppForm.getByRole('radio', { name: 'Him' }).check();
  await ppForm.getByRole('button', { name: 'Record the episode' }).click();
  await expect(pp.getByTestId('recidivism-episodes')).toContainText('Physical');
  await expect(pp.getByTestId('recidivism-comparison')).not.toContainText('Possible minimisation');

  // She tells victim support about another (psychological, severe) that he did not report.
  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  await vss.goto(url);
  const vssForm = vss.getByRole('form', { name: 'Record an episode' });
  await vssForm.getByRole('button', { name: 'Record the episode' }).click();
  await expect(vssForm.getByText('Choose at least one')).toBeVisible();
  await vssForm.getByRole('checkbox', { name: 'Psychological' }).check();
  await vssForm.getByRole('radio', { name: 'Severe' }).check();
  await vssForm.getByRole('radio', { name: 'Her' }).check();
  await vssForm.getByLabel('Description').fill(`He screamed at her for an hour ${run}`);
  await vssForm.getByRole('button', { name: 'Record the episode' }).click();

  const comparison = vss.getByTestId('recidivism-comparison');
  const thisMonth = comparison.locator('tbody tr').last();
  await expect(thisMonth).toContainText('Possible minimisation');
  await expect(comparison.locator('thead')).toContainText('Reported by her');
  const herEpisode = vss
    .getByTestId('recidivism-episodes')
    .getByRole('row')
    .filter({ hasText: 'screamed at her' });
  await expect(herEpisode).toContainText('Possible minimisation');

  // The quarter view says the same.
  await vss.getByText('Quarter', { exact: true }).click();
  await expect(comparison.locator('thead')).toContainText('Quarter');
  await expect(comparison.locator('tbody tr').last()).toContainText('Possible minimisation');

  // The programme, without her consent to share risk information: his episodes and the agencies'
  // only — no count of hers, no flag that only her report raised (it could be differenced out).
  await pp.reload();
  const ppComparison = pp.getByTestId('recidivism-comparison');
  await expect(ppComparison.locator('thead')).toContainText('Reported by him');
  await expect(ppComparison.locator('thead')).not.toContainText('Other sources');
  await expect(ppComparison.locator('thead')).not.toContainText('Reported by her');
  await expect(ppComparison.locator('tbody tr').last()).not.toContainText('Possible minimisation');
  await expect(pp.locator('body')).not.toContainText('screamed');
  await expect(pp.getByTestId('recidivism-episodes').getByRole('row')).toHaveCount(2); // header + his episode

  await pp.context().close();
  await vss.context().close();
});
