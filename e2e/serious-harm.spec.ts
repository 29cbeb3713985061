import { expect, type Page, test } from '@playwright/test';
import { apiAs, makeJointCase, signInCaseTeam } from './api-setup';
import { accessibilityViolations, personAt } from './support';

/**
 * Sharing without her consent where someone is at risk of serious harm (docs/domain.md,
 * information-flow rule 4), as the people who do it see it: her case manager records a share to
 * the police (outside her case agreement), a second case manager of her service authorises it
 * from the home page, the police read it, telling her is postponed, her service's admin reviews
 * it — and the programme of her joint case finds it nowhere.
 */

// Unique per run: the e2e database persists across the specs of one run.
const run = Date.now().toString(36).slice(-6);
const POLICE = 'Polizia di Stato — Questura';
const PROGRAMME = 'Oltre — Perpetrator Programme';
const CONTENT = `He bought a gun last week and said he would use it ${run}.`;
const REASON = `She is too frightened to agree; asking her would alert him ${run}.`;

async function openHerFile(page: Page, herId: string, name: string) {
  await page.goto(`/victims/${herId}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  return page.getByRole('region', { name: /Shared without her consent/ });
}

test('a share without her consent: recorded, authorised by a second case manager, read by the police, reviewed', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const address = `Via delle Rondini ${run} 4, Bologna`;
  const team = await signInCaseTeam(browser);
  const made = await makeJointCase(team, {
    protocolTitle: `Serious harm protocol ${run}`,
    referral: {
      person: { firstName: 'Ivo', lastName: `Pericolo${run}`, dateOfBirth: '1979-03-03' },
      pathway: 'voluntary',
    },
    her: {
      firstName: 'Nadia',
      lastName: `Rischio${run}`,
      relationship: 'current',
      contact: { address, phone: '+39 333 444 5555' },
    },
    daysAgo: { referral: 40, intake: 35, active: 30, release: 30, support: 20 },
    otherParties: {},
  });
  await team.close();
  const name = `Nadia Rischio${run}`;

  // Her case manager records it: exceptional, and nothing is shared yet.
  const caseManager = await personAt(browser, 'vss.manager@casadonne.demo');
  let section = await openHerFile(caseManager, made.herId, name);
  await expect(section).toContainText('Nothing was shared without her consent.');
  await section.getByRole('button', { name: 'Record a share without her consent' }).click();
  let form = section.getByRole('form', { name: 'Share without her consent' });
  await expect(form).toContainText('Only where someone is at risk of serious harm');

  // Her address never goes to the programme, and no one can confirm otherwise.
  await form.getByLabel('Share with').selectOption({ label: PROGRAMME });
  await form.getByRole('radio', { name: 'She herself' }).check();
  await form.getByRole('radio', { name: 'Vital interests' }).check();
  await expect(form.getByLabel('Legal provision relied on')).toHaveValue('GDPR art. 6(1)(d), 9(2)(c)');
  await form.getByLabel(/Why someone is at risk/).fill(REASON);
  await form.getByLabel('What is shared').fill(`She now lives at ${address}.`);
  await form.getByRole('button', { name: 'Record for authorisation' }).click();
  await expect(form).toContainText('This recipient may never receive her address');

  // To the police, who are no party of her case agreement.
  await form.getByLabel('Share with').selectOption({ label: POLICE });
  await form.getByLabel('What is shared').fill(CONTENT);
  // A reading window is offered (30 days), never left open.
  await expect(form.getByLabel('Readable until')).not.toHaveValue('');
  expect(await accessibilityViolations(caseManager)).toEqual([]);
  await form.getByRole('button', { name: 'Record for authorisation' }).click();
  await expect(form).toBeHidden();
  const share = section.getByRole('article').filter({ hasText: POLICE });
  await expect(share).toContainText('Awaiting a second case manager');
  await expect(share).toContainText('Vital interests — GDPR art. 6(1)(d), 9(2)(c)');
  await expect(share).toContainText(CONTENT);
  // Four eyes: the one who recorded it cannot authorise it.
  await expect(share.getByRole('button', { name: 'Authorise the share' })).toHaveCount(0);

  // The police read nothing before it is authorised.
  const police = await apiAs(browser, 'liaison@police.demo');
  expect(JSON.stringify(await police.get('/api/serious-harm-shares/received'))).not.toContain(CONTENT);

  // A second case manager of her service finds it on her home page and authorises it.
  const lead = await personAt(browser, 'vss.lead@casadonne.demo');
  const work = lead.getByRole('region', { name: 'Shared without her consent' });
  await work.getByRole('link', { name: `Authorise or decline a share about ${name}` }).click();
  await expect(lead.getByRole('heading', { name, level: 1 })).toBeVisible();
  const toDecide = lead
    .getByRole('region', { name: /Shared without her consent/ })
    .getByRole('article')
    .filter({ hasText: POLICE });
  await toDecide.getByRole('button', { name: 'Authorise the share' }).click();
  await toDecide.getByLabel('Note (optional)').fill('Agreed: the risk is imminent.');
  await toDecide.getByRole('button', { name: 'Authorise: share it now' }).click();
  await expect(toDecide.getByText('Authorised', { exact: true })).toBeVisible();
  await expect(toDecide).toContainText('Elena Ferraro');
  await lead.context().close();

  // The police read it on their page: the content and its basis, not why her consent was not sought.
  const officer = await personAt(browser, 'liaison@police.demo');
  await officer.getByRole('link', { name: 'Shared with us for safety' }).click();
  await expect(officer.getByRole('heading', { name: 'Shared with us for safety', level: 1 })).toBeVisible();
  const received = officer.getByRole('listitem').filter({ hasText: CONTENT });
  await expect(received).toContainText("From Casa delle Donne — Women's Support Centre");
  await expect(received).toContainText('GDPR art. 6(1)(d), 9(2)(c)');
  await expect(officer.getByText(REASON)).toHaveCount(0);
  expect(await accessibilityViolations(officer)).toEqual([]);
  await officer.context().close();
  await police.close();

  // Her case manager: telling her is not yet safe; reconsidered in two weeks.
  // Her case manager's home: telling her is now to do.
  await caseManager.goto('/');
  await caseManager
    .getByRole('region', { name: 'Shared without her consent' })
    .getByRole('link', { name: `Tell ${name} of a share, when it is safe` })
    .click();
  await expect(caseManager.getByRole('heading', { name, level: 1 })).toBeVisible();
  section = caseManager.getByRole('region', { name: /Shared without her consent/ });
  const authorised = section.getByRole('article').filter({ hasText: POLICE });
  await expect(authorised).toContainText('She is not told yet');
  await authorised.getByRole('button', { name: 'Record telling her' }).click();
  form = authorised.getByRole('form', { name: 'Telling her of the share' });
  await form.getByRole('radio', { name: 'Telling her is not yet safe' }).check();
  await form.getByLabel('Why telling her is not yet safe').fill('He reads her messages.');
  // Reconsidered in two weeks, as offered.
  await expect(form.getByLabel('Reconsider on')).not.toHaveValue('');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(authorised.getByText('Telling her postponed', { exact: true })).toBeVisible();
  await expect(authorised).toContainText('He reads her messages.');
  await caseManager.context().close();

  // Her service's admin reviews how it was done: never what, why, or her name.
  const admin = await personAt(browser, 'admin@casadonne.demo');
  await admin.getByRole('link', { name: 'Shares without consent' }).click();
  await expect(admin.getByRole('heading', { name: 'Shares without consent', level: 1 })).toBeVisible();
  const entry = admin.getByRole('listitem').filter({ hasText: made.herId });
  await expect(entry).toContainText(POLICE);
  await expect(entry).toContainText('Telling her postponed');
  await expect(admin.getByText(CONTENT)).toHaveCount(0);
  await expect(admin.getByText(name)).toHaveCount(0);
  expect(await accessibilityViolations(admin)).toEqual([]);
  await entry.getByRole('button', { name: 'Review' }).click();
  await entry.getByRole('radio', { name: 'Appropriate' }).check();
  await entry.getByLabel('Review note').fill('Basis and four eyes in order.');
  await entry.getByRole('button', { name: 'Save the review' }).click();
  await expect(entry).toContainText('Appropriate: Anna Admin');
  await admin.context().close();

  // The programme of her joint case finds it nowhere.
  const programme = await personAt(browser, 'pp.manager@oltre.demo');
  await programme.getByRole('link', { name: 'Shared with us for safety' }).click();
  await expect(programme.getByRole('heading', { name: 'Shared with us for safety', level: 1 })).toBeVisible();
  await expect(programme.getByText(/Nothing has been shared with your agency/)).toBeVisible();
  await expect(programme.getByText(CONTENT)).toHaveCount(0);
  expect((await programme.request.get(`/api/victims/${made.herId}/serious-harm-shares`)).status()).toBe(404);
  await programme.context().close();

  // The coordinator reads counts only.
  const coordinator = await personAt(browser, 'coordinator@network.demo');
  await coordinator.getByRole('link', { name: 'Network statistics' }).click();
  await expect(coordinator.getByRole('heading', { name: 'Network statistics', level: 1 })).toBeVisible();
  await expect(coordinator.getByTestId('serious-harm-statistics')).toContainText('All authorised shares');
  await expect(coordinator.getByText(CONTENT)).toHaveCount(0);
  expect(await accessibilityViolations(coordinator)).toEqual([]);
  await coordinator.context().close();
});
