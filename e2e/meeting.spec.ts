import { readFile } from 'node:fs/promises';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { type Api, makeJointCase, signInCaseTeam } from './api-setup';
import { isoDaysAgo, isoDaysFromNow, personAt, shownDay } from './support';

/**
 * A full Phase 2 meeting, from the home page, the way the two case managers hold it at a
 * distance — each at their own desk, both on the meeting screen:
 *   1. joint risk: each side fills in its own checklist from the meeting; the agreed level;
 *   2. recidivism: an episode she reported, which he did not — flagged as possible minimisation;
 *   3. individual change: his T2 IMPACT questionnaire, due (his programme became active more
 *      than three months ago; her T2 was done with her service last week);
 *   4. qualitative elements: a note from each of them;
 *   5. the joint action plan: a row from each of them;
 * then closed, and the minutes downloaded as PDF and read.
 *
 * The test counts the UI actions it takes (clicks, fills, selects) and prints the number: the
 * pilots found the protocol adds no administrative work, and the screen must keep it so — no
 * more than 30 (it took 39 before the defaults: a term two weeks ahead, her service's source
 * "her", the agreed level in the second checklist's dialog, contributions that also address
 * their item). Nobody clicks "Refresh": each screen shows the other's work live.
 *
 * Set-up that is not the meeting itself — referral, partner contact, her support, the joint
 * case, the earlier questionnaires, the critical event and the extraordinary meeting it called —
 * goes through the API, as the people who do it would.
 */

const run = Date.now().toString(36).slice(-6);

interface Made {
  jointCaseId: string;
  caseNumber: string;
  meetingId: string;
  ppName: string;
  vssName: string;
  herName: string;
}

async function makeCaseWithMeeting(browser: Browser): Promise<Made> {
  const team = await signInCaseTeam(browser);
  const { pp, vss } = team;
  const herName = `Sicura${run}`;
  // His programme became active 100 days ago: T0 and T1 are behind him, T2.1 is due now.
  const jointCase = await makeJointCase(team, {
    protocolTitle: `Meetings protocol ${run}`,
    referral: {
      person: { firstName: 'Bruno', lastName: `Riunione${run}`, dateOfBirth: '1979-09-12' },
      pathway: 'mandatory',
      order: {
        kind: 'court',
        reference: `RG ${run}/2026`,
        conditions: 'Attend the programme; no contact with her',
        startsOn: isoDaysAgo(135),
      },
    },
    her: {
      firstName: 'Giulia',
      lastName: herName,
      relationship: 'former',
      contact: { address: `Via Nascosta ${run}`, phone: '+39 333 000 0000' },
    },
    daysAgo: { referral: 130, intake: 120, active: 100, release: 120, support: 110 },
    otherParties: { police: ['programme', 'safety_concerns'] },
  });

  // The questionnaires of the past: his T0 and T1; hers T0, T1 and — last week — T2.1.
  const questionnaire = (api: Api, subject: 'him' | 'her', timepoint: string, completedOn: string) =>
    api.post('/api/instrument-responses', {
      instrumentId: `impact-${subject}`,
      version: 1,
      jointCaseId: jointCase.jointCaseId,
      subject,
      timepoint,
      completedOn,
      answers: { physical: { value: 2 }, threats: { value: 3 } },
    });
  await questionnaire(pp, 'him', 'T0', isoDaysAgo(119));
  await questionnaire(pp, 'him', 'T1', isoDaysAgo(99));
  await questionnaire(vss, 'her', 'T0', isoDaysAgo(109));
  await questionnaire(vss, 'her', 'T1', isoDaysAgo(99));
  await questionnaire(vss, 'her', 'T2.1', isoDaysAgo(5));

  // A critical event calls an extraordinary meeting, held at a distance, within the hour.
  const event = await pp.post<{ id: string }>(`/api/pp-episodes/${jointCase.episodeId}/critical-events`, {
    kind: 'order_breach',
    occurredOn: isoDaysAgo(1),
    source: 'agency',
    sourceAgencyId: jointCase.agencyId('police'),
    description: 'The police report he contacted her despite the protection order',
  });
  const meeting = await vss.post<{ id: string }>(`/api/joint-cases/${jointCase.jointCaseId}/meetings`, {
    kind: 'extraordinary',
    mode: 'remote',
    scheduledFor: new Date(Date.now() + 60 * 60_000).toISOString(),
    triggerEventId: event.id,
  });
  const made = {
    jointCaseId: jointCase.jointCaseId,
    caseNumber: jointCase.caseNumber,
    meetingId: meeting.id,
    ppName: pp.name,
    vssName: vss.name,
    herName,
  };
  await team.close();
  return made;
}

/** Every click, fill and select of the test goes through here, and is counted. */
class Ui {
  count = 0;
  async click(locator: Locator) {
    this.count += 1;
    await locator.click();
  }
  async fill(locator: Locator, value: string) {
    this.count += 1;
    await locator.fill(value);
  }
  async select(locator: Locator, option: { label: string }) {
    this.count += 1;
    await locator.selectOption(option);
  }
}

/** The checkbox that makes a contribution's submit also mark its agenda item addressed. */
const addressToo = (item: string) => `Also mark “${item}” addressed`;

/** A new action row's term starts two weeks after the network's today (a day either way: its zone). */
async function expectTwoWeeksAhead(term: Locator) {
  await expect(term).toHaveValue(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
  expect([13, 14, 15].map((days) => shownDay(isoDaysFromNow(days)))).toContain(await term.inputValue());
}

/** The open panel of one agenda item (an accordion region named by its heading). */
const agendaItem = (page: Page, title: RegExp) => page.getByRole('region', { name: title });
/** The accordion control of an agenda item, which shows its status. */
const agendaControl = (page: Page, title: RegExp) => page.getByRole('button', { name: title });

async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(buffer), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return squash(pages.join(''));
}
// Text runs split words at arbitrary places: compare without any white space at all.
const squash = (text: string) => text.replace(/\s+/g, '');
const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

let made: Made;

test.beforeAll(async ({ browser }) => {
  made = await makeCaseWithMeeting(browser);
});

test('a full Phase 2 meeting from the home page, closed, with its minutes as PDF', async ({ browser }) => {
  test.setTimeout(180_000);
  const ui = new Ui();
  const meetingTitle = `Case-manager meeting — ${made.caseNumber}`;
  const caseLink = literally(made.caseNumber);
  const texts = {
    ppNote: `He talks about her new partner all the time ${run}`,
    vssNote: `Escalation risk around the court hearing ${run}`,
    ppAction: `Accountability work on the separation ${run}`,
    vssAction: `Agree a pick-up plan with the school ${run}`,
    rationale: `Breach of the order and strangulation reported ${run}`,
    decisions: `Police informed of the agreed level ${run}`,
  };

  // ——— The programme's case manager, at his desk. ———
  const pp = await personAt(browser, 'pp.manager@oltre.demo');
  await ui.click(
    pp.getByRole('region', { name: 'Meetings this week' }).getByRole('link', { name: caseLink }),
  );
  await expect(pp.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();

  // 1. His side's checklist, from the meeting. Hers is not in yet: no agreement in the dialog.
  const ppRisk = agendaItem(pp, /Joint risk assessment/);
  await ui.click(ppRisk.getByRole('button', { name: 'Fill in our checklist' }));
  const ppChecklist = pp.getByRole('dialog', { name: 'The programme’s risk checklist' });
  await ui.click(
    ppChecklist.getByRole('group', { name: /minimises, denies/ }).getByText('Yes', { exact: true }),
  );
  await expect(ppChecklist.getByRole('region', { name: 'Record the agreed level' })).toHaveCount(0);
  await ui.click(ppChecklist.getByRole('button', { name: 'Save', exact: true }));
  await expect(ppChecklist).toBeHidden();
  await expect(pp.getByTestId('meeting-pp-level')).toContainText('Low');

  // 3. His T2 questionnaire, due: the last one due, so saving it also addresses the item.
  const ppImpact = agendaItem(pp, /Individual change/);
  await expect(ppImpact.getByTestId('impact-T2.1')).toContainText('Overdue');
  await ui.click(ppImpact.getByRole('button', { name: 'Fill in his T2.1' }));
  const his = pp.getByRole('dialog', { name: 'His IMPACT questionnaire T2.1' });
  await ui.click(his.getByRole('group', { name: /push, hit/ }).getByText('1', { exact: true }));
  await expect(his.getByRole('checkbox', { name: addressToo('Individual change (IMPACT)') })).toBeChecked();
  await ui.click(his.getByRole('button', { name: 'Save', exact: true }));
  await expect(his).toBeHidden();
  await expect(ppImpact.getByTestId('impact-T2.1')).toContainText('Done · score 1');
  await expect(agendaControl(pp, /Individual change/)).toContainText('Addressed');

  // 4. What he perceives beyond the checklist. Her side's reading is not in: the item stays open.
  const ppQualitative = agendaItem(pp, /Qualitative elements/);
  await ui.click(ppQualitative.getByText('High concern', { exact: true }));
  await ui.fill(ppQualitative.getByLabel('What you perceive as danger'), texts.ppNote);
  await expect(
    ppQualitative.getByRole('checkbox', { name: addressToo('Qualitative elements') }),
  ).not.toBeChecked();
  await ui.click(ppQualitative.getByRole('button', { name: 'Add note' }));
  await expect(ppQualitative).toContainText(texts.ppNote);
  await expect(agendaControl(pp, /Qualitative elements/)).toContainText('Open');

  // 5. A row of the action plan for the programme, due in two weeks unless changed.
  const ppPlan = agendaItem(pp, /Joint action plan/);
  await ui.fill(ppPlan.getByLabel('Protection or support need'), 'He blames her for the separation');
  await ui.fill(ppPlan.getByRole('textbox', { name: 'Action', exact: true }), texts.ppAction);
  await expectTwoWeeksAhead(ppPlan.getByRole('textbox', { name: 'By', exact: true }));
  await expect(ppPlan.getByRole('checkbox', { name: addressToo('Joint action plan') })).not.toBeChecked();
  await ui.click(ppPlan.getByRole('button', { name: 'Add', exact: true }));
  await expect(ppPlan.getByRole('table')).toContainText(texts.ppAction);
  await expect(agendaControl(pp, /Joint action plan/)).toContainText('Open');
  const ppCount = ui.count;

  // ——— Victim support's case manager, at hers. ———
  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  await ui.click(
    vss.getByRole('region', { name: 'Meetings this week' }).getByRole('link', { name: caseLink }),
  );
  await expect(vss.getByRole('heading', { level: 1, name: meetingTitle })).toBeVisible();
  await expect(vss.getByText('Remote', { exact: true }).first()).toBeVisible();
  await expect(vss.getByRole('link', { name: 'Add to calendar (.ics)' })).toHaveAttribute(
    'href',
    `/api/meetings/${made.meetingId}/calendar.ics`,
  );

  // 1. Her side's checklist: what she said, marked as hers (her service's answers start so); his
  // is in, so the same dialog records the agreed level — starting at the higher of the two.
  const risk = agendaItem(vss, /Joint risk assessment/);
  await ui.click(risk.getByRole('button', { name: 'Fill in our checklist' }));
  const checklist = vss.getByRole('dialog', { name: 'Victim support’s risk checklist' });
  const strangulation = checklist.getByRole('group', { name: /strangle, choke/ });
  await ui.click(strangulation.getByText('Yes', { exact: true }));
  await expect(strangulation.getByLabel('Source')).toHaveValue('her');
  const agreeHere = checklist.getByRole('region', { name: 'Record the agreed level' });
  await expect(agreeHere.getByRole('radio', { name: 'High' })).toBeChecked();
  await ui.fill(agreeHere.getByLabel('Rationale'), texts.rationale);
  await ui.click(checklist.getByRole('button', { name: 'Save', exact: true }));
  await expect(checklist).toBeHidden();
  await expect(vss.getByTestId('meeting-vss-level')).toContainText('High');
  await expect(vss.getByTestId('meeting-pp-level')).toContainText('Low');
  await expect(risk).toContainText('The programme assesses the risk lower than victim support');
  await expect(vss.getByTestId('meeting-agreed-level')).toContainText(texts.rationale);
  await expect(agendaControl(vss, /Joint risk assessment/)).toContainText('Agreed: High');
  await expect(agendaControl(vss, /Joint risk assessment/)).toContainText('Addressed');

  // 2. An episode she reported and he did not: possible minimisation. Her service's episodes
  // start as reported by her; the one the meeting discusses addresses the item.
  const recidivism = agendaItem(vss, /Recidivism/);
  const episode = recidivism.getByRole('form', { name: 'Record an episode' });
  await ui.click(episode.getByText('Psychological', { exact: true }));
  await ui.click(episode.getByText('Severe', { exact: true }));
  await expect(episode.getByRole('radio', { name: 'Her' })).toBeChecked();
  await expect(episode.getByRole('checkbox', { name: addressToo('Recidivism') })).toBeChecked();
  await ui.click(episode.getByRole('button', { name: 'Record the episode' }));
  await expect(recidivism.getByTestId('meeting-minimisation-count')).toContainText('1');
  await expect(agendaControl(vss, /Recidivism/)).toContainText('Addressed');

  // 3. His questionnaire is in; the item was addressed on his screen (live, without a click).
  await expect(agendaControl(vss, /Individual change/)).toContainText('Addressed');

  // 4. Her note, beside his: with his reading in, hers completes the item.
  const qualitative = agendaItem(vss, /Qualitative elements/);
  await expect(qualitative).toContainText(texts.ppNote);
  await ui.click(qualitative.getByText('Medium concern', { exact: true }));
  await ui.fill(qualitative.getByLabel('What you perceive as danger'), texts.vssNote);
  await expect(qualitative.getByRole('checkbox', { name: addressToo('Qualitative elements') })).toBeChecked();
  await ui.click(qualitative.getByRole('button', { name: 'Add note' }));
  await expect(qualitative).toContainText(texts.ppNote);
  await expect(qualitative).toContainText(texts.vssNote);
  await expect(agendaControl(vss, /Qualitative elements/)).toContainText('Addressed');

  // 5. Her service's row, beside his: the last item open, so the row completes the agenda.
  const plan = agendaItem(vss, /Joint action plan/);
  await expect(plan.getByRole('table')).toContainText(texts.ppAction);
  await ui.fill(
    plan.getByLabel('Protection or support need'),
    'She fears he will wait for her at the school',
  );
  await ui.fill(plan.getByRole('textbox', { name: 'Action', exact: true }), texts.vssAction);
  await expectTwoWeeksAhead(plan.getByRole('textbox', { name: 'By', exact: true }));
  await expect(plan.getByRole('checkbox', { name: addressToo('Joint action plan') })).toBeChecked();
  await ui.click(plan.getByRole('button', { name: 'Add', exact: true }));
  await expect(plan.getByRole('table')).toContainText(texts.vssAction);
  await expect(plan.getByRole('table')).toContainText(texts.ppAction);
  await expect(vss.getByText('Agenda: 5 of 5 done')).toBeVisible();

  // Attendance starts with both case managers ticked; the decisions; close.
  const closing = vss.getByRole('region', { name: 'Close the meeting' });
  await expect(closing.getByRole('checkbox', { name: literally(made.ppName) })).toBeChecked();
  await expect(closing.getByRole('checkbox', { name: literally(made.vssName) })).toBeChecked();
  await ui.fill(closing.getByLabel('Decisions'), texts.decisions);
  await ui.click(closing.getByRole('button', { name: 'Close the meeting' }));
  await expect(vss.getByRole('heading', { name: 'Minutes', level: 2 })).toBeVisible();

  // The minutes, as PDF.
  const [download] = await Promise.all([
    vss.waitForEvent('download'),
    ui.click(vss.getByRole('link', { name: 'Download minutes (PDF)' })),
  ]);
  const text = await pdfText(await readFile(await download.path()));
  for (const expected of [
    'Minutes of the case-manager meeting',
    made.caseNumber,
    made.ppName,
    made.vssName,
    texts.rationale,
    texts.ppNote,
    texts.vssNote,
    texts.ppAction,
    texts.vssAction,
    texts.decisions,
    'Possible minimisation',
  ]) {
    expect(text, expected).toContain(squash(expected));
  }
  for (const hidden of [made.herName, 'Via Nascosta']) expect(text, hidden).not.toContain(squash(hidden));

  console.log(
    `Phase 2 meeting: ${ui.count} UI actions (programme ${ppCount}, victim support ${ui.count - ppCount}).`,
  );
  // 39 before the defaults and the one-step forms (issue 15); it must not creep back up.
  expect(ui.count).toBeLessThanOrEqual(30);
});

test('an extraordinary meeting cannot close while items are open; the server names them', async ({
  browser,
}) => {
  const vss = await personAt(browser, 'vss.manager@casadonne.demo');
  await vss.goto(`/cases/${made.jointCaseId}`);
  await vss.getByRole('link', { name: 'Meetings', exact: true }).click();
  await expect(vss.getByRole('heading', { level: 1, name: `Meetings — ${made.caseNumber}` })).toBeVisible();
  await expect(vss.getByRole('table')).toContainText('Extraordinary');

  const call = vss.getByRole('form', { name: 'Call an extraordinary meeting' });
  await expect(call.getByLabel('After the critical event')).toHaveValue(/.+/);
  await call.getByRole('button', { name: 'Call the meeting' }).click();
  await expect(
    vss.getByRole('heading', { level: 1, name: `Case-manager meeting — ${made.caseNumber}` }),
  ).toBeVisible();
  await expect(vss.getByText('Extraordinary', { exact: true }).first()).toBeVisible();

  await agendaItem(vss, /Recidivism/)
    .getByRole('button', { name: 'Defer…' })
    .click();
  await agendaItem(vss, /Recidivism/)
    .getByLabel('Why is it deferred?')
    .fill('No new report since the meeting this morning');
  await agendaItem(vss, /Recidivism/)
    .getByRole('button', { name: 'Defer this item' })
    .click();
  await expect(agendaControl(vss, /Recidivism/)).toContainText('Deferred');

  await vss.getByRole('button', { name: 'Close the meeting' }).click();
  const refused = vss.getByRole('alert').filter({ hasText: 'The meeting cannot be closed yet' });
  await expect(refused).toBeVisible();
  for (const item of [
    'Joint risk assessment',
    'Individual change (IMPACT)',
    'Qualitative elements',
    'Joint action plan',
  ])
    await expect(refused).toContainText(item);
  await expect(refused).not.toContainText('Recidivism');
  await expect(vss.getByText('Address this item, or defer it with a reason, before closing.')).toHaveCount(4);
});
