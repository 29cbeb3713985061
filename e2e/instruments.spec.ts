import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, newPersonPage, signInAsDemo } from './support';

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

const isoDaysAgo = (days: number) => {
  const d = new Date(Date.now() - days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

interface Api {
  userId: string;
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, data: unknown) => Promise<T>;
  close: () => Promise<void>;
}

/** A demo user signed in through the API; writes carry the CSRF token of the session. */
async function apiAs(browser: Browser, email: string): Promise<Api> {
  const browserContext = await browser.newContext();
  const context = browserContext.request;
  const login = await context.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.ok(), `sign-in of ${email}`).toBeTruthy();
  const session = await (await context.get('/api/auth/session')).json();
  const headers = { 'x-csrf-token': session.csrfToken as string };
  const check = async (path: string, response: Awaited<ReturnType<APIRequestContext['get']>>) => {
    if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return {
    userId: session.user.id,
    close: () => browserContext.close(),
    get: async (path) => check(path, await context.get(path)),
    post: async (path, data) => check(path, await context.post(path, { data, headers })),
  };
}

interface Made {
  jointCaseId: string;
  caseNumber: string;
  episodeId: string;
  policeId: string;
}

/** Referral, release naming her, her support episode, her consent, the joint case. */
async function makeJointCase(browser: Browser): Promise<Made> {
  const pp = await apiAs(browser, 'pp.manager@oltre.demo');
  const vss = await apiAs(browser, 'vss.manager@casadonne.demo');
  const partnerContact = await apiAs(browser, 'partner.contact@casadonne.demo');
  const coordinator = await apiAs(browser, 'coordinator@network.demo');
  const agencies = (await vss.get<{ items: { id: string; kind: string }[] }>('/api/agencies?limit=100'))
    .items;
  const agencyOf = (kind: string) => agencies.find((agency) => agency.kind === kind)!.id;
  const [ppAgency, vssAgency, policeId] = [
    agencyOf('perpetrator_programme'),
    agencyOf('victim_support'),
    agencyOf('police'),
  ];

  // No person-level information crosses agencies without an organisation-level agreement.
  const networks = await coordinator.get<{ items: { id: string }[] }>('/api/networks?limit=100');
  await coordinator.post('/api/agreements', {
    level: 'organisation',
    networkId: networks.items[0]!.id,
    title: `Instruments protocol ${run}`,
    validFrom: isoDaysAgo(400),
    parties: [ppAgency, vssAgency, policeId].map((agencyId) => ({
      agencyId,
      signatoryName: 'Director',
      signedOn: isoDaysAgo(400),
      receives: ['programme'],
    })),
  });

  const referral = await pp.post<{ id: string }>('/api/referrals', {
    person: { firstName: 'Dario', lastName: `Rischio${run}`, dateOfBirth: '1981-04-02' },
    pathway: 'voluntary',
    referralDate: isoDaysAgo(60),
  });
  const episodeId = referral.id;
  await pp.post(`/api/pp-episodes/${episodeId}/status`, { to: 'intake', date: isoDaysAgo(55) });
  await pp.post(`/api/pp-episodes/${episodeId}/status`, { to: 'active', date: isoDaysAgo(50) });
  await pp.post(`/api/pp-episodes/${episodeId}/release`, {
    signedOn: isoDaysAgo(55),
    scope: ['programme', 'safety_concerns', 'risk', 'recidivism', 'questionnaires'],
    partners: [
      {
        firstName: 'Elisa',
        lastName: `Sicura${run}`,
        relationship: 'current',
        partnerContactAgencyId: vssAgency,
        contact: { phone: '+39 333 000 0000' },
      },
    ],
  });
  const episode = await partnerContact.get<{ partners: { partnerPersonId: string }[] }>(
    `/api/pp-episodes/${episodeId}`,
  );
  const herId = episode.partners[0]!.partnerPersonId;
  const support = await vss.post<{ id: string }>('/api/vss-episodes', {
    personId: herId,
    intakeDate: isoDaysAgo(40),
  });
  const consent = await vss.post<{ id: string }>(`/api/victims/${herId}/consents`, {
    scope: 'joint_case',
    givenOn: isoDaysAgo(40),
  });
  const jointCase = await vss.post<{ id: string; caseNumber: string }>('/api/joint-cases', {
    ppEpisodeId: episodeId,
    vssEpisodeId: support.id,
    consentId: consent.id,
    ppCaseManagerId: pp.userId,
    vssCaseManagerId: vss.userId,
    partnerContactWorkerId: partnerContact.userId,
    agreement: {
      validFrom: isoDaysAgo(40),
      validTo: isoDaysAgo(-365),
      otherParties: [{ agencyId: policeId, receives: ['programme', 'safety_concerns'] }],
    },
  });
  for (const api of [pp, vss, partnerContact, coordinator]) await api.close();
  return { jointCaseId: jointCase.id, caseNumber: jointCase.caseNumber, episodeId, policeId };
}

/** Serious and critical accessibility violations on the page as it is now (details opened). */
async function seriousViolations(page: Page) {
  for (const details of await page.locator('details').all())
    await details.evaluate((element) => element.setAttribute('open', ''));
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

async function personAt(browser: Browser, email: string): Promise<Page> {
  const page = await newPersonPage(browser);
  await signInAsDemo(page, email);
  return page;
}

/** One checklist item (a group named by its question). */
const item = (page: Page, question: RegExp) => page.getByRole('group', { name: question });

async function answer(page: Page, question: RegExp, value: 'Yes' | 'No' | 'Unknown', source?: string) {
  const group = item(page, question);
  await group.getByText(value, { exact: true }).click();
  if (source) await group.getByLabel('Source').selectOption({ label: source });
}

let made: Made;

test.beforeAll(async ({ browser }) => {
  made = await makeJointCase(browser);
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
  await expect(pp.locator('tr[data-item="strangulation"]')).toContainText('Withheld: her information');
  await expect(pp.locator('tr[data-item="extreme_fear"]')).toContainText('Withheld: her information');
  await expect(pp.locator('body')).not.toContainText('choked');
  await expect(pp.getByText('Never confront him')).toBeVisible();

  // The case managers agree the level, with its rationale; the next reassessment is set.
  const agree = vss.getByRole('form', { name: 'Record the agreed level' });
  await agree.getByRole('button', { name: 'Record the agreed level' }).click();
  await expect(agree.getByText('Record why the case managers agreed on this level')).toBeVisible();
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
    sourceAgencyId: made.policeId,
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

test('an episode she reported and he did not is flagged as possible minimisation, and reaches the programme only as a count', async ({
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
  await expect(vssForm.getByText('Choose at least one form of violence')).toBeVisible();
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

  // The programme: the flag and a count from "other sources", never her report itself.
  await pp.reload();
  const ppComparison = pp.getByTestId('recidivism-comparison');
  await expect(ppComparison.locator('thead')).toContainText('Other sources');
  await expect(ppComparison.locator('thead')).not.toContainText('Reported by her');
  await expect(ppComparison.locator('tbody tr').last()).toContainText('Possible minimisation');
  await expect(pp.locator('body')).not.toContainText('screamed');
  await expect(pp.getByTestId('recidivism-episodes').getByRole('row')).toHaveCount(2); // header + his episode

  await pp.context().close();
  await vss.context().close();
});
