import { type Browser, expect, type Page, test } from '@playwright/test';
import { makeJointCase, signInCaseTeam } from './api-setup';
import { DEMO_PASSWORD, fillDateTime, isoDaysAgo, personAt, signInAsDemo, signOut } from './support';

/**
 * The rules that keep her safe, as the web app shows them: whoever signs in next never lands on
 * her pages; the programme knows her as "Current partner 1" only; the children join and leave the
 * case at any time; a duty to inform her carries how to reach her safely, to her service only;
 * her details typed into joint text are questioned before they are saved; a meeting keeps when
 * it was really held; a final status is asked about first.
 *
 * Each joint case is made through the API (api-setup.ts), as the people who do it would.
 */

// Unique per run: the e2e database persists across the specs of one run.
const run = Date.now().toString(36).slice(-6);

interface Made {
  jointCaseId: string;
  caseNumber: string;
  episodeId: string;
  herId: string;
  him: { first: string; last: string };
  her: { first: string; last: string; full: string; address: string };
  ppName: string;
}

/** A joint case, her support and his programme (active), named with `key` to tell the cases apart. */
async function makeCase(browser: Browser, key: string): Promise<Made> {
  const team = await signInCaseTeam(browser);
  const him = { first: 'Bruno', last: `Guardia${key}${run}` };
  const her = {
    first: 'Giulia',
    last: `Sicura${key}${run}`,
    address: `Via dei Glicini ${run}${key} 12, Bologna`,
  };
  const made = await makeJointCase(team, {
    protocolTitle: `Her safety protocol ${key} ${run}`,
    referral: {
      person: { firstName: him.first, lastName: him.last, dateOfBirth: '1980-04-02' },
      pathway: 'voluntary',
    },
    her: {
      firstName: her.first,
      lastName: her.last,
      relationship: 'current',
      contact: { address: her.address, phone: '+39 333 111 2222' },
    },
    daysAgo: { referral: 40, intake: 35, active: 30, release: 30, support: 20 },
    otherParties: {},
  });
  const result: Made = {
    jointCaseId: made.jointCaseId,
    caseNumber: made.caseNumber,
    episodeId: made.episodeId,
    herId: made.herId,
    him,
    her: { ...her, full: `${her.first} ${her.last}` },
    ppName: team.pp.name,
  };
  await team.close();
  return result;
}

interface MeetingSummary {
  id: string;
  kind: string;
  status: string;
  scheduledFor: string;
  timeZone: string;
}
interface MeetingView extends MeetingSummary {
  heldAt: string | null;
  agenda: { item: string; status: string; notes: string | null }[];
}

const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
/** A date-time as the meeting pages show it (meetingTime.ts), formatted by the browser itself. */
const shownInZone = (page: Page, iso: string, timeZone: string) =>
  page.evaluate(
    ([value, zone]) =>
      new Intl.DateTimeFormat('en', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: zone,
        timeZoneName: 'short',
      }).format(new Date(value)),
    [iso, timeZone] as const,
  );
/** "YYYY-MM-DD, HH:mm" of an instant in a time zone. */
const wallTime = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);

let shared: Made;

test.beforeAll(async ({ browser }) => {
  shared = await makeCase(browser, 'A');
});

test('after a sign-out, the next user on the same browser starts on their own home, never on her pages', async ({
  page,
}) => {
  const { her, herId } = shared;
  // The partner-contact worker opens her file, then her safety plan.
  await signInAsDemo(page, 'partner.contact@casadonne.demo');
  await page.goto(`/victims/${herId}`);
  await expect(page.getByRole('heading', { level: 1, name: her.full })).toBeVisible();
  await page.getByRole('link', { name: 'Safety plan', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Safety plan' })).toBeVisible();
  await expect(page).toHaveURL(literally(`/victims/${herId}/safety-plan`));
  await signOut(page);

  // The programme's case manager signs in on the same page, without reloading it.
  await page.getByLabel('E-mail').fill('pp.manager@oltre.demo');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${shared.ppName}` })).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/' && url.search === '' && url.hash === '');
  // The programme's home: its referrals, none of her.
  await expect(page.getByRole('link', { name: 'New referral' })).toBeVisible();
  const body = page.locator('body');
  for (const hidden of ['Her file', 'Safety plan', her.first, her.last, herId])
    await expect(body).not.toContainText(hidden);
  expect(page.url()).not.toContain(herId);
});

test('the programme knows her as "Current partner 1"; her service sees her name beside it', async ({
  browser,
}) => {
  const { her, episodeId } = shared;
  const pp = await personAt(browser, 'pp.manager@oltre.demo');
  await pp.goto(`/programme/${episodeId}`);
  await expect(
    pp.getByRole('heading', { level: 1, name: `${shared.him.first} ${shared.him.last}` }),
  ).toBeVisible();
  await expect(pp.getByRole('cell', { name: 'Current partner 1', exact: true })).toBeVisible();
  for (const hidden of [her.first, her.last, her.address])
    await expect(pp.locator('body')).not.toContainText(hidden);
  const api = await pp.request.get(`/api/pp-episodes/${episodeId}`);
  expect(api.ok()).toBe(true);
  const answer = await api.text();
  for (const hidden of [her.first, her.last]) expect(answer).not.toContain(hidden);

  const worker = await personAt(browser, 'partner.contact@casadonne.demo');
  await worker.goto(`/programme/${episodeId}`);
  await expect(
    worker.getByRole('link', { name: `Current partner 1: ${her.full} — open her file`, exact: true }),
  ).toBeVisible();
  await worker
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Partners referred to us', exact: true })
    .click();
  await expect(
    worker
      .getByRole('row')
      .filter({ hasText: shared.him.last })
      .getByRole('link', { name: `Current partner 1: ${her.full}`, exact: true }),
  ).toBeVisible();
  for (const page of [pp, worker]) await page.context().close();
});

test('a child is added to the open joint case and taken off it again, from the children page', async ({
  browser,
}) => {
  const child = { first: 'Sara', last: `Bimba${run}` };
  const childName = `${child.first} ${child.last}`;
  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  await vss.goto(`/cases/${shared.jointCaseId}`);
  await vss
    .getByRole('navigation', { name: 'Meetings and plans of the case' })
    .getByRole('link', { name: 'Children', exact: true })
    .click();
  await expect(vss.getByRole('heading', { level: 1, name: `Children — ${shared.caseNumber}` })).toBeVisible();
  await expect(vss.getByText('No child is linked to this joint case.')).toBeVisible();

  await vss.getByRole('button', { name: 'Add a child' }).click();
  const form = vss.getByRole('form', { name: 'A child not yet recorded' });
  await form.getByLabel('First name').fill(child.first);
  await form.getByLabel('Last name').fill(child.last);
  await form.getByLabel('Date of birth').fill(isoDaysAgo(6 * 365));
  await expect(form.getByRole('checkbox', { name: `Her child (${shared.her.full})` })).toBeChecked();
  await form.getByRole('button', { name: 'Add the child' }).click();
  const card = vss.getByRole('region', { name: childName, exact: true });
  await expect(card).toBeVisible();
  await expect(vss.getByText('No child is linked to this joint case.')).toHaveCount(0);

  await card.getByRole('button', { name: `Take ${childName} off the joint case` }).click();
  const confirm = vss.getByRole('dialog', { name: `Take ${childName} off the joint case?` });
  await expect(confirm).toContainText(`The case’s access to ${childName}’s records ends at once.`);
  await confirm.getByRole('button', { name: 'Take off the case' }).click();
  await expect(confirm).toBeHidden();
  await expect(card).toHaveCount(0);
  await expect(vss.getByText('No child is linked to this joint case.')).toBeVisible();
  const view = (await (await vss.request.get(`/api/joint-cases/${shared.jointCaseId}`)).json()) as {
    children: { firstName: string; lastName: string }[];
  };
  expect(view.children.map((c) => c.lastName)).not.toContain(child.last);
  await vss.context().close();
});

test('a duty to inform her shows her worker the safe times, the message rule and the code word; the programme sees no duty', async ({
  browser,
}) => {
  const made = await makeCase(browser, 'D');
  const safeTimes = `Weekdays 10–12 ${run}`;
  const codeWord = `girasole${run}`;
  const team = await signInCaseTeam(browser);
  await team.partnerContact.put(`/api/victims/${made.herId}/contact-preferences`, {
    safeChannel: 'phone',
    safeTimes,
    mayLeaveMessage: false,
    codeWord,
  });
  await team.pp.post(`/api/pp-episodes/${made.episodeId}/status`, {
    to: 'dropped_out',
    date: isoDaysAgo(0),
    reason: 'Stopped attending after three sessions',
  });
  await team.close();

  const worker = await personAt(browser, 'partner.contact@casadonne.demo');
  const duty = worker.getByTestId('duty').filter({ hasText: `Inform ${made.her.full}` });
  await expect(duty).toBeVisible();
  await expect(duty).toContainText('He dropped out of the programme');
  await expect(duty).toContainText('Her safe channel: Phone call');
  const hints = duty.getByTestId('duty-contact-hints');
  await expect(hints).toContainText(`Safe times: ${safeTimes}`);
  await expect(hints).toContainText('Message: never leave a message');
  await expect(hints).toContainText(`Code word: ${codeWord}`);

  const pp = await personAt(browser, 'pp.manager@oltre.demo');
  await expect(pp.getByRole('link', { name: 'New referral' })).toBeVisible();
  await expect(pp.getByTestId('duty')).toHaveCount(0);
  await expect(pp.getByRole('heading', { name: 'Duties to inform her' })).toHaveCount(0);
  for (const hidden of [`Inform ${made.her.full}`, codeWord, safeTimes])
    await expect(pp.locator('body')).not.toContainText(hidden);
  const home = (await (await pp.request.get('/api/home')).json()) as {
    duties: unknown[];
    overdueDuties: unknown[];
  };
  expect(home.duties).toEqual([]);
  expect(home.overdueDuties).toEqual([]);
  const duties = await pp.request.get('/api/duties');
  expect(duties.ok()).toBe(true);
  expect(((await duties.json()) as { items: unknown[] }).items).toEqual([]);
  for (const page of [worker, pp]) await page.context().close();
});

test('her address typed into a joint meeting note is questioned before it is saved', async ({ browser }) => {
  const { her, caseNumber } = shared;
  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  await vss.goto(`/cases/${shared.jointCaseId}`);
  await vss.getByRole('link', { name: /^Next meeting: / }).click();
  await expect(
    vss.getByRole('heading', { level: 1, name: `Case-manager meeting — ${caseNumber}` }),
  ).toBeVisible();
  const meetingId = vss.url().split('/meetings/')[1] ?? '';
  expect(meetingId).toMatch(/^[0-9a-f-]{36}$/);

  // Joint fields say the programme reads them.
  const decision = vss.getByRole('form', { name: 'Outcome of “Qualitative elements”' });
  const notes = decision.getByLabel('Notes for the minutes (optional)');
  await expect(notes).toHaveAccessibleDescription(/Seen by the programme/);
  const closing = vss.getByRole('region', { name: 'Close the meeting' });
  await expect(closing.getByLabel('Decisions')).toHaveAccessibleDescription(/Seen by the programme/);
  await expect(closing.getByLabel('Minutes')).toHaveAccessibleDescription(/Seen by the programme/);

  const text = `Agreed to meet her at ${her.address} next week`;
  await notes.fill(text);
  await decision.getByRole('button', { name: 'Mark addressed' }).click();
  const question = vss.getByRole('dialog', { name: 'Her details in joint text?' });
  await expect(question).toBeVisible();
  await expect(question.getByTestId('her-details-matches')).toContainText(
    'Notes for the minutes (optional): contains her address',
  );

  // Cancelled: nothing is saved, and the note says why.
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toBeHidden();
  // The match shows at the field, in her worker's words; the text stays for her to edit.
  await expect(notes).toHaveAttribute('aria-invalid', 'true');
  await expect(notes).toHaveAccessibleDescription(/contains her address/);
  await expect(notes).toHaveValue(text);
  // She stopped it herself: the form says it is not saved, not that something went wrong.
  const alert = decision.getByRole('alert');
  await expect(alert).toContainText('Not saved');
  await expect(alert).not.toContainText('Something went wrong');
  const control = vss.getByRole('button', { name: /Qualitative elements/ });
  await expect(control).toContainText('Open');
  await expect(control).not.toContainText('Addressed');
  const unsaved = (await (await vss.request.get(`/api/meetings/${meetingId}`)).json()) as MeetingView;
  expect(unsaved.agenda.find((entry) => entry.item === 'qualitative_elements')).toMatchObject({
    status: 'open',
    notes: null,
  });

  // Confirmed as not hers: saved as written, and marked as seen by the programme.
  await decision.getByRole('button', { name: 'Mark addressed' }).click();
  await question.getByRole('button', { name: 'It is not hers: save it' }).click();
  await expect(question).toBeHidden();
  await expect(control).toContainText('Addressed');
  const saved = (await (await vss.request.get(`/api/meetings/${meetingId}`)).json()) as MeetingView;
  expect(saved.agenda.find((entry) => entry.item === 'qualitative_elements')).toMatchObject({
    status: 'addressed',
    notes: text,
  });
  const item = vss.getByRole('region', { name: /Qualitative elements/ });
  await expect(item).toBeHidden();
  await control.click();
  // The saved note, under "Addressed", with the mark beside it.
  const outcome = item.getByText(text, { exact: true }).locator('xpath=..');
  await expect(outcome).toContainText('Addressed');
  await expect(outcome.getByText('Seen by the programme', { exact: true })).toBeVisible();
  await vss.context().close();
});

test('a meeting held before its planned date shows when it was held, on its page and in the list', async ({
  browser,
}) => {
  const made = await makeCase(browser, 'M');
  const team = await signInCaseTeam(browser);
  const meetings = await team.vss.get<{ items: MeetingSummary[] }>(
    `/api/joint-cases/${made.jointCaseId}/meetings`,
  );
  const planned = meetings.items.filter((meeting) => meeting.status === 'planned');
  expect(planned).toHaveLength(1);
  const meeting = planned[0]!;
  for (const item of [
    'joint_risk_assessment',
    'recidivism',
    'individual_change',
    'qualitative_elements',
    'joint_action_plan',
  ])
    await team.vss.put(`/api/meetings/${meeting.id}/agenda/${item}`, {
      status: 'deferred',
      deferredReason: 'Held early: taken up at the next meeting',
    });
  await team.close();

  // Held yesterday at 10:00, in the meeting's time zone; planned for later.
  const day = wallTime(new Date(Date.now() - 86_400_000), meeting.timeZone).slice(0, 10);
  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  await vss.goto(`/meetings/${meeting.id}`);
  const closing = vss.getByRole('region', { name: 'Close the meeting' });
  await fillDateTime(closing, 'When it was held', day, '10:00');
  await closing.getByRole('button', { name: 'Close the meeting' }).click();
  await expect(vss.getByRole('heading', { name: 'Minutes', level: 2 })).toBeVisible();

  const closed = (await (await vss.request.get(`/api/meetings/${meeting.id}`)).json()) as MeetingView;
  expect(closed.heldAt).not.toBeNull();
  const heldAt = closed.heldAt ?? '';
  expect(wallTime(new Date(heldAt), meeting.timeZone)).toBe(`${day}, 10:00`);
  expect(Date.parse(heldAt)).toBeLessThan(Date.parse(meeting.scheduledFor));
  const held = `Held ${await shownInZone(vss, heldAt, meeting.timeZone)}`;
  await expect(vss.getByTestId('meeting-held')).toHaveText(held);

  await vss.getByRole('link', { name: 'All meetings of the case' }).click();
  await expect(vss.getByRole('heading', { level: 1, name: `Meetings — ${made.caseNumber}` })).toBeVisible();
  const row = vss.getByRole('row').filter({ hasText: held });
  await expect(row).toHaveCount(1);
  await expect(
    row.getByRole('link', { name: await shownInZone(vss, meeting.scheduledFor, meeting.timeZone) }),
  ).toBeVisible();
  await vss.context().close();
});

test('a final status is asked about first, saying it cannot be undone; cancelled, nothing changes', async ({
  browser,
}) => {
  const pp = await personAt(browser, 'pp.manager@oltre.demo');
  await pp.goto(`/programme/${shared.episodeId}`);
  const status = pp.getByRole('region', { name: 'Status', exact: true });
  const current = status.getByText('Current status:', { exact: true }).locator('xpath=..');
  await expect(current).toHaveText(/Current status:\s*Active/);
  const form = pp.getByRole('form', { name: 'Change the programme status' });
  for (const final of ['Completed', 'Dropped out', 'Excluded']) {
    await form.getByRole('radio', { name: final }).check();
    await form.getByLabel('Reason').fill(`Asked about ${final}`);
    await form.getByRole('button', { name: 'Change status' }).click();
    const confirm = pp.getByRole('dialog', { name: `Move the programme to "${final}"?` });
    await expect(confirm).toContainText(`"${final}" is a final status`);
    await expect(confirm).toContainText('This cannot be undone.');
    await expect(confirm.getByRole('button', { name: `Yes, move to "${final}"` })).toBeVisible();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(current).toHaveText(/Current status:\s*Active/);
    await expect(status).not.toContainText(`Active → ${final}`);
  }
  await expect(pp.getByText('This programme has ended.')).toHaveCount(0);
  const episode = (await (await pp.request.get(`/api/pp-episodes/${shared.episodeId}`)).json()) as {
    status: string;
  };
  expect(episode.status).toBe('active');
  await pp.context().close();
});
