import { expect, test } from '@playwright/test';
import { signInCaseTeam } from './api-setup';
import { isoDaysAgo, personAt } from './support';

/**
 * Partner contact as the WWP EN standards describe it (docs/domain.md, "Partner contact"): his
 * programme cannot become active before his release names his partners; her worker sees her
 * safety plan due, the offer not yet made, logs what she was told and sees what remains, and
 * records that contact may be unsafe — none of which the programme can read. Set-up through the
 * API; what the workers see and do, in the browser.
 */
const run = Date.now().toString(36).slice(-6);

test('his release before enrolment; what she was told and what remains; contact that may be unsafe', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const team = await signInCaseTeam(browser);
  const { pp, coordinator } = team;
  const agencies = (await pp.get<{ items: { id: string; kind: string }[] }>('/api/agencies?limit=100')).items;
  const idOf = (kind: string) => agencies.find((agency) => agency.kind === kind)!.id;
  const networks = await coordinator.get<{ items: { id: string }[] }>('/api/networks?limit=100');
  await coordinator.post('/api/agreements', {
    level: 'organisation',
    networkId: networks.items[0]!.id,
    title: `Partner contact protocol ${run}`,
    validFrom: isoDaysAgo(400),
    parties: [idOf('perpetrator_programme'), idOf('victim_support')].map((agencyId) => ({
      agencyId,
      signatoryName: 'Director',
      signedOn: isoDaysAgo(400),
      receives: ['programme'],
    })),
  });
  const referral = await pp.post<{ id: string }>('/api/referrals', {
    person: { firstName: 'Dario', lastName: `Rilascio${run}` },
    pathway: 'voluntary',
    referralDate: isoDaysAgo(10),
  });
  await pp.post(`/api/pp-episodes/${referral.id}/status`, { to: 'intake', date: isoDaysAgo(8) });

  // The programme's case manager is told, before trying, that his release comes first.
  const programme = await personAt(browser, 'pp.manager@oltre.demo');
  await programme.goto(`/programme/${referral.id}`);
  const statusForm = programme.getByRole('form', { name: 'Change the programme status' });
  await statusForm.getByRole('radio', { name: 'Active' }).check();
  await expect(statusForm.getByText('Before he becomes active, his signed release must name')).toBeVisible();
  await programme.context().close();

  await pp.post(`/api/pp-episodes/${referral.id}/release`, {
    signedOn: isoDaysAgo(7),
    scope: ['programme', 'safety_concerns'],
    partners: [
      {
        firstName: 'Silvia',
        lastName: `Rilascio${run}`,
        relationship: 'current',
        partnerContactAgencyId: idOf('victim_support'),
      },
    ],
  });
  await pp.post(`/api/pp-episodes/${referral.id}/status`, { to: 'active', date: isoDaysAgo(6) });

  // Her partner-contact worker: no service supports her, so her safety plan is due on the home page.
  const worker = await personAt(browser, 'partner.contact@casadonne.demo');
  const due = worker.getByRole('region', { name: 'Safety plans to ensure' });
  await expect(due.getByRole('link', { name: `Silvia Rilascio${run}` })).toBeVisible();
  const herName = `Silvia Rilascio${run}`;
  await worker
    .getByRole('region', { name: 'New referrals to contact' })
    .getByRole('link', { name: herName })
    .click();
  const coverage = worker.getByRole('region', { name: 'What she has been told' });
  await expect(coverage.getByTestId('partner-offer')).toHaveText('Contact has not been offered to her yet.');

  await worker.getByRole('button', { name: 'Log a contact' }).click();
  const form = worker.getByRole('form', { name: 'Log a contact' });
  await form.getByLabel('Channel').selectOption({ label: 'Phone call' });
  await form.getByRole('radio', { name: 'Reached — we spoke' }).check();
  await form.getByRole('checkbox', { name: "The programme's goals and content" }).check();
  await form
    .getByRole('checkbox', { name: 'His ability to change, and the benchmarks by which she can judge it' })
    .check();
  await form.getByRole('button', { name: 'Save the contact' }).click();
  await expect(coverage.getByTestId('topics-told')).toContainText('His ability to change');
  await expect(coverage.getByTestId('topics-remaining')).toContainText(
    'The confidentiality policy, and what will be shared with her',
  );
  await expect(coverage.getByTestId('topics-remaining')).not.toContainText('His ability to change');
  await expect(coverage.getByTestId('partner-offer')).toContainText('Reached — we spoke');

  await worker.getByRole('button', { name: 'Record a concern about contacting her' }).click();
  const concern = worker.getByRole('form', { name: 'Record a concern about contacting her' });
  await concern.getByLabel('Why contact may be unsafe').fill(`He checks her phone ${run}`);
  await concern.getByLabel('Measures taken').fill(`Call the office line only ${run}`);
  await concern.getByRole('button', { name: 'Save' }).click();
  await expect(worker.getByTestId('contact-safety')).toContainText(`Call the office line only ${run}`);
  const herId = new URL(worker.url()).pathname.split('/').at(-1)!;
  await worker.context().close();

  // The programme never reads her file: not what she was told, not that contact may be unsafe.
  await expect(pp.get(`/api/victims/${herId}`)).rejects.toThrow(/404/);
  const home = await pp.get<Record<string, unknown>>('/api/home');
  expect(JSON.stringify(home)).not.toContain(herName);
  await team.close();
});
