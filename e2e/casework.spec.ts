import { expect, type Page, test } from '@playwright/test';
import { isoDaysAgo, personAt } from './support';

/**
 * The casework scenario, in the browser, with the demo accounts: a voluntary referral, intake,
 * his release naming two partners; partner contact with one (she consents to hear about his
 * attendance) while the other declines; her support episode, her consent and the joint case;
 * he drops out, a duty to inform her appears and is done; and the programme never sees where
 * she lives, on the case page, in the API or in search.
 */

// Unique per run: the e2e database persists across the specs of one run.
const run = Date.now().toString(36).slice(-6);
const him = { first: 'Marco', last: `Testa${run}` };
const lucia = { first: 'Lucia', last: `Verdi${run}`, address: `Via Nascosta ${run} 7, Bologna` };
const anna = { first: 'Anna', last: `Neri${run}` };
const CASA = "Casa delle Donne — Women's Support Centre";
const OLTRE = 'Oltre — Perpetrator Programme';

async function nav(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name, exact: true })
    .click();
}

test('referral to joint case: partner contact, dropout, duty to inform — and her address never reaches the programme', async ({
  browser,
}) => {
  test.setTimeout(240_000);

  // The network coordinator records an organisation-level agreement between the programme and
  // the women's centre (no person-level information crosses agencies without one).
  const coordinator = await personAt(browser, 'coordinator@network.demo');
  await nav(coordinator, 'Agreements');
  await coordinator.getByRole('button', { name: 'Record an agreement' }).click();
  const agreementForm = coordinator.getByRole('form', { name: 'Record an agreement' });
  await agreementForm.getByLabel('Title').fill(`Partner contact agreement ${run}`);
  await agreementForm.getByLabel('Valid from').fill(isoDaysAgo(1));
  const party1 = agreementForm.getByRole('group', { name: /^Agency 1/ });
  await party1.getByRole('combobox', { name: 'Agency', exact: true }).selectOption({ label: OLTRE });
  await party1.getByLabel('Signatory').fill('Direttore Oltre');
  await party1.getByLabel('Signed on').fill(isoDaysAgo(1));
  const party2 = agreementForm.getByRole('group', { name: /^Agency 2/ });
  await party2.getByRole('combobox', { name: 'Agency', exact: true }).selectOption({ label: CASA });
  await party2.getByLabel('Signatory').fill('Presidente Casa delle Donne');
  await party2.getByLabel('Signed on').fill(isoDaysAgo(1));
  await agreementForm.getByRole('button', { name: 'Record the agreement' }).click();
  await expect(coordinator.getByRole('heading', { name: `Partner contact agreement ${run}` })).toBeVisible();
  await coordinator.context().close();

  // The programme's case manager records a voluntary referral, then intake.
  const pp = await personAt(browser, 'pp.manager@oltre.demo');
  await nav(pp, 'Programme');
  await pp.getByRole('link', { name: 'New referral' }).click();
  await pp.getByLabel('First name').fill(him.first);
  await pp.getByLabel('Last name').fill(him.last);
  await expect(pp.getByRole('radio', { name: 'Voluntary (self-referred)' })).toBeChecked();
  await pp.getByRole('button', { name: 'Record the referral' }).click();
  await expect(pp.getByRole('heading', { name: `${him.first} ${him.last}`, level: 1 })).toBeVisible();
  const episodeUrl = pp.url();

  const statusForm = pp.getByRole('form', { name: 'Change the programme status' });
  // Only the moves the status machine allows are offered.
  await expect(statusForm.getByRole('radio')).toHaveCount(3);
  await expect(statusForm.getByRole('radio', { name: 'Active' })).toHaveCount(0);
  await statusForm.getByRole('radio', { name: 'Intake' }).check();
  await statusForm.getByRole('button', { name: 'Change status' }).click();
  await expect(statusForm.getByRole('radio', { name: 'Active' })).toBeVisible();

  // He signs the release and names two partners for the women's centre; one with her address.
  await pp.getByRole('button', { name: 'Record his release' }).click();
  const release = pp.getByRole('form', { name: 'His release and the partners he named' });
  await expect(release.getByText('They will not be shown here again')).toBeVisible();
  const p1 = release.getByRole('group', { name: /^Partner 1/ });
  await p1.getByLabel('Her first name').fill(lucia.first);
  await p1.getByLabel('Her last name').fill(lucia.last);
  await p1.getByLabel('Partner-contact service').selectOption({ label: CASA });
  await p1.getByLabel('Her address').fill(lucia.address);
  await release.getByRole('button', { name: 'Add a partner' }).click();
  const p2 = release.getByRole('group', { name: /^Partner 2/ });
  await p2.getByLabel('Her first name').fill(anna.first);
  await p2.getByLabel('Her last name').fill(anna.last);
  await p2.getByRole('radio', { name: 'Former partner' }).check();
  await p2.getByLabel('Partner-contact service').selectOption({ label: CASA });
  await release.getByRole('button', { name: 'Save the release and send 2 partners' }).click();
  // The programme keeps a relationship and a number: no part of her name.
  await expect(pp.getByRole('cell', { name: 'Current partner 1', exact: true })).toBeVisible();
  await expect(pp.getByRole('cell', { name: 'Former partner 2', exact: true })).toBeVisible();
  await expect(pp.locator('body')).not.toContainText(lucia.first);
  await expect(pp.locator('body')).not.toContainText(lucia.address);
  await expect(pp.locator('body')).not.toContainText(lucia.last);

  // The partner-contact worker finds both in her list.
  const worker = await personAt(browser, 'partner.contact@casadonne.demo');
  await nav(worker, 'Partners referred to us');
  await worker
    .getByRole('row')
    .filter({ hasText: him.last })
    .getByRole('link', { name: `Current partner 1: ${lucia.first} ${lucia.last}` })
    .click();
  await expect(worker.getByRole('heading', { name: `${lucia.first} ${lucia.last}`, level: 1 })).toBeVisible();
  // The victim side sees where she lives.
  await expect(worker.getByRole('region', { name: 'Where she is and how to reach her' })).toContainText(
    lucia.address,
  );

  // How she can be contacted safely.
  await worker.getByRole('button', { name: 'Record how to contact her' }).click();
  await worker.getByLabel('Safe channel').selectOption({ label: 'Phone call' });
  await worker.getByLabel('Safe times').fill('Weekdays 10–12');
  await worker.getByLabel('Code word').fill('girasole');
  await worker.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(worker.getByRole('region', { name: 'How to contact her safely' })).toContainText('girasole');

  // She consents to be told about his attendance only.
  await worker.getByRole('button', { name: 'Record a consent' }).click();
  await worker.getByRole('checkbox', { name: 'To be told about his attendance', exact: true }).check();
  await worker.getByRole('button', { name: 'Record the consent' }).click();
  await expect(
    worker.getByTestId('consent-row').filter({ hasText: 'To be told about his attendance' }),
  ).toContainText('In force');

  // The contact itself: what she was told, her hopes and fears, her view of the risk.
  await worker.getByRole('button', { name: 'Log a contact' }).click();
  const contactForm = worker.getByRole('form', { name: 'Log a contact' });
  await expect(contactForm.getByLabel('Programme that named her')).toHaveValue(/.+/);
  await expect(contactForm.getByRole('combobox', { name: 'Channel', exact: true })).toHaveValue('phone');
  await contactForm.getByRole('radio', { name: 'Reached — we spoke' }).check();
  await contactForm.getByRole('checkbox', { name: "The programme's goals and content" }).check();
  await contactForm
    .getByRole('checkbox', { name: 'Its limits: no guarantee that the violence stops' })
    .check();
  await contactForm.getByLabel('Her hopes and fears').fill('Hopes he changes; fears he will blame her.');
  await contactForm.getByLabel('Her view of the risk').fill('High when he drinks.');
  await contactForm.getByRole('button', { name: 'Save the contact' }).click();
  await expect(worker.getByTestId('partner-contact').first()).toContainText('Reached');

  // The other partner declines: recorded as such, and nothing more is asked of her.
  await nav(worker, 'Partners referred to us');
  await worker
    .getByRole('row')
    .filter({ hasText: him.last })
    .getByRole('link', { name: `Former partner 2: ${anna.first} ${anna.last}` })
    .click();
  await expect(worker.getByRole('heading', { name: `${anna.first} ${anna.last}`, level: 1 })).toBeVisible();
  await worker.getByRole('button', { name: 'Log a contact' }).click();
  const declined = worker.getByRole('form', { name: 'Log a contact' });
  await declined
    .getByRole('combobox', { name: 'Channel', exact: true })
    .selectOption({ label: 'Phone call' });
  await declined.getByRole('radio', { name: 'She declined' }).check();
  await expect(declined.getByText('Her decision is respected')).toBeVisible();
  await declined.getByRole('button', { name: 'Save the contact' }).click();
  await expect(worker.getByTestId('partner-contact').first()).toContainText('She declined');

  // Her case manager finds her (accents forgiven), opens her support, records her consent to
  // the joint case and opens it.
  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  await nav(vss, 'Search');
  await vss.getByLabel('Name').fill(`Lúcia ${lucia.last}`);
  await vss.getByRole('button', { name: 'Search', exact: true }).click();
  await vss
    .getByRole('row')
    .filter({ hasText: `${lucia.first} ${lucia.last}` })
    .getByRole('link', { name: 'Her file' })
    .click();
  await expect(vss.getByRole('heading', { name: `${lucia.first} ${lucia.last}`, level: 1 })).toBeVisible();
  await vss.getByRole('button', { name: 'Open a support episode' }).click();
  await vss.getByRole('button', { name: 'Open the support episode' }).click();
  await expect(vss.getByRole('region', { name: 'Her support' })).toContainText('Support since');
  await vss.getByRole('button', { name: 'Record a consent' }).click();
  await vss.getByRole('checkbox', { name: 'Joint case', exact: true }).check();
  await vss.getByRole('button', { name: 'Record the consent' }).click();
  await expect(vss.getByTestId('consent-row').filter({ hasText: 'Joint case' })).toContainText('In force');

  await vss.getByRole('link', { name: 'Open a joint case' }).click();
  await expect(
    vss.getByRole('heading', { name: `Open a joint case for ${lucia.first} ${lucia.last}` }),
  ).toBeVisible();
  await expect(vss.getByRole('radio', { name: `${him.first} ${him.last}` })).toBeChecked();
  await expect(vss.getByLabel('Programme case manager')).toHaveValue(/.+/);
  await expect(vss.getByLabel('Partner-contact worker')).toHaveValue(/.+/);
  await vss.getByRole('button', { name: 'Open the joint case' }).click();
  await expect(vss.getByRole('heading', { name: /^Joint case TND-/, level: 1 })).toBeVisible();
  const caseId = vss.url().split('/cases/')[1] ?? '';
  expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
  // Both paths, side by side, for her case manager.
  await expect(vss.getByRole('region', { name: 'His programme' })).toContainText(him.last);
  await expect(vss.getByRole('region', { name: /^Her support/ })).toContainText(lucia.address);

  // He drops out.
  await pp.goto(episodeUrl);
  const status = pp.getByRole('form', { name: 'Change the programme status' });
  await status.getByRole('radio', { name: 'Dropped out' }).check();
  await expect(status.getByText('The partner-contact service will be asked to inform')).toBeVisible();
  await status.getByLabel('Reason').fill('Stopped attending after three sessions');
  await status.getByRole('button', { name: 'Change status' }).click();
  // A final status cannot be undone: the programme asks first.
  const confirm = pp.getByRole('dialog', { name: 'Move the programme to "Dropped out"?' });
  await expect(confirm).toContainText('This cannot be undone.');
  await confirm.getByRole('button', { name: 'Yes, move to "Dropped out"' }).click();
  await expect(pp.getByText('This programme has ended.')).toBeVisible();

  // A duty to inform her appears on the partner-contact worker's home page; she marks it done.
  await nav(worker, 'Home');
  const duty = worker.getByTestId('duty').filter({ hasText: `Inform ${lucia.first} ${lucia.last}` });
  await expect(duty).toBeVisible();
  await expect(duty).toContainText('He dropped out of the programme');
  await expect(duty).toContainText('Phone call');
  await duty.getByRole('button', { name: 'Mark as done' }).click();
  await duty
    .getByLabel('How she was informed')
    .fill('Phoned her at a safe time; told her he left the programme.');
  await duty.getByRole('button', { name: 'Save: she was informed' }).click();
  await expect(duty).toHaveCount(0);
  // The partner who declined: the duty is closed with the reason, nothing is asked of her.
  const annaDuty = worker.getByTestId('duty').filter({ hasText: `Inform ${anna.first} ${anna.last}` });
  await annaDuty.getByRole('button', { name: 'Close without informing her' }).click();
  await annaDuty.getByText('She declined partner contact').click();
  await annaDuty.getByRole('button', { name: 'Close the duty' }).click();
  await expect(annaDuty).toHaveCount(0);

  // The programme's case manager opens the joint case: her address is nowhere on the page,
  // nor in the API's answer.
  await nav(pp, 'Joint cases');
  await pp.goto(`/cases/${caseId}`);
  await expect(pp.getByRole('heading', { name: /^Joint case TND-/, level: 1 })).toBeVisible();
  await expect(pp.getByRole('region', { name: 'His programme' })).toContainText('Dropped out');
  await expect(pp.getByRole('region', { name: /^Her support/ })).toHaveCount(0);
  await expect(pp.locator('body')).not.toContainText(lucia.address);
  const api = await pp.request.get(`/api/joint-cases/${caseId}`);
  expect(api.ok()).toBe(true);
  const body = await api.text();
  expect(body).not.toContain(lucia.address);
  expect(body).not.toContain(lucia.last);

  // Searching her name, the programme finds nothing.
  await nav(pp, 'Search');
  await pp.getByLabel('Name').fill(`${lucia.first} ${lucia.last}`);
  await pp.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(pp.getByTestId('search-empty')).toHaveText('Nobody found.');
  const search = await pp.request.get(
    `/api/people/search?q=${encodeURIComponent(`${lucia.first} ${lucia.last}`)}`,
  );
  expect(((await search.json()) as { items: unknown[] }).items).toEqual([]);

  for (const page of [pp, worker, vss]) await page.context().close();
});
