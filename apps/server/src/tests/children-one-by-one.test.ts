import { beforeAll, describe, expect, it } from 'vitest';
import { caseWorld, isoDay, must } from '../testing/case-builder.js';
import { makeAgency, makeUser } from '../testing/factories.js';
import { signInFully, type TestClient } from '../testing/test-system.js';

/**
 * Children, one by one (README, "Children, one by one"): Section B answered for each child under
 * the children's instrument and its own rule, the markers that make a child more vulnerable (under
 * five from the date of birth, medical needs, not visible to others, the months after a
 * separation), the principles recorded with the right to refuse to answer, and the
 * child-protection lead's view of each child's newest level — only the children its grants reach.
 */
const { world, openCase } = caseWorld();
let lead: TestClient;
let childProtectionAgencyId = '';

beforeAll(async () => {
  const db = world.system.database.db;
  const agency = await makeAgency(db, { kind: 'child_protection', networkIds: [world.scenario.network.id] });
  childProtectionAgencyId = agency.id;
  const user = await makeUser(db, {
    agencyId: agency.id,
    roles: ['child_protection_lead'],
    side: 'victim',
    networkIds: [world.scenario.network.id],
  });
  lead = await signInFully(world.system, user);
});

const principles = (jointCaseId: string, assessedOn = isoDay(-1)) => ({
  jointCaseId,
  assessedOn,
  parentConsentFrom: 'mother',
  childInformed: true,
  childToldMayWithdraw: true,
  childToldMayRefuse: true,
  childToldHowRecorded: true,
});
const sectionB = (answers: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  instrumentId: 'asap-children-risk',
  version: 1,
  answers: Object.fromEntries(
    Object.entries(answers).map(([item, value]) => [item, { value, source: 'her' }]),
  ),
  ...extra,
});
const yearsAgo = (years: number) => isoDay(-Math.round(years * 365.25));

async function assess(childId: string, body: Record<string, unknown>) {
  return must(
    world.scenario.clients.vssManager.post(`/api/children/${childId}/assessments`, body),
    201,
    'assess',
  );
}
async function childrenPage(jointCaseId: string, client = world.scenario.clients.vssManager) {
  return must(client.get(`/api/joint-cases/${jointCaseId}/children`), 200, 'children');
}

describe('Section B per child', () => {
  it('scores each child on its own answers, and the page shows each child’s level', async () => {
    const { clients } = world.scenario;
    const made = await openCase({ withChild: true, childDateOfBirth: yearsAgo(9) });
    const brother = await must(
      clients.vssManager.post('/api/children', {
        firstName: 'Fratello',
        lastName: 'Regola',
        dateOfBirth: yearsAgo(12),
        childrensSchool: 'Scuola Media Verdi',
      }),
      201,
      'second child',
    );
    await must(
      clients.vssManager.post(`/api/joint-cases/${made.jointCaseId}/children`, { childId: brother.id }),
      200,
      'add child',
    );
    // A threat to kill this child is a serious indicator; the brother heard episodes only.
    await assess(made.childId!, {
      ...principles(made.jointCaseId),
      sectionB: sectionB({ threat_kill_direct: 'yes', heard_episodes: 'yes' }),
    });
    await assess(brother.id, {
      ...principles(made.jointCaseId),
      sectionB: sectionB({ heard_episodes: 'yes', threat_kill_direct: 'no' }),
    });
    const page = await childrenPage(made.jointCaseId);
    const levelOf = (id: string) =>
      page.children.find((child: { id: string }) => child.id === id).latestLevel;
    expect(levelOf(made.childId!)).toBe('high');
    expect(levelOf(brother.id)).toBe('low');
    const hers = page.assessments.find(
      (record: { childPersonId: string }) => record.childPersonId === made.childId,
    );
    expect(hers.sectionB).toMatchObject({
      instrumentId: 'asap-children-risk',
      computedLevel: 'high',
      level: 'high',
      answers: { threat_kill_direct: { value: 'yes' } },
    });
    // Three non-specific indicators give intermediate.
    await assess(brother.id, {
      ...principles(made.jointCaseId),
      sectionB: sectionB({ heard_episodes: 'yes', witnessed_episodes: 'yes', fear_anger: 'yes' }),
    });
    const again = await childrenPage(made.jointCaseId);
    expect(again.children.find((child: { id: string }) => child.id === brother.id).latestLevel).toBe(
      'intermediate',
    );
    // The programme knows the children, never their assessments nor their levels' answers.
    const forPp = await childrenPage(made.jointCaseId, clients.ppManager);
    expect(forPp.assessments).toEqual([]);
    expect(forPp.children.map((child: { latestLevel: string | null }) => child.latestLevel)).toEqual([
      null,
      null,
    ]);
  });
});

describe('the child’s vulnerability markers', () => {
  it('derive under five from the date of birth and raise the level to intermediate', async () => {
    const made = await openCase({ withChild: true, childDateOfBirth: yearsAgo(3) });
    await assess(made.childId!, {
      ...principles(made.jointCaseId),
      sectionB: sectionB({ heard_episodes: 'no' }),
    });
    const [record] = (await childrenPage(made.jointCaseId)).assessments;
    expect(record.markers).toMatchObject({ underAge: true, medicalNeeds: false, notVisibleToOthers: false });
    expect(record.sectionB).toMatchObject({ computedLevel: 'low', level: 'intermediate' });
  });

  it('record medical needs and a child nobody outside the family sees; an older child without them stays low', async () => {
    const made = await openCase({ withChild: true, childDateOfBirth: yearsAgo(10) });
    await assess(made.childId!, { ...principles(made.jointCaseId), sectionB: sectionB({ neglect: 'no' }) });
    await assess(made.childId!, {
      ...principles(made.jointCaseId),
      medicalNeeds: true,
      notVisibleToOthers: true,
      sectionB: sectionB({ neglect: 'no' }),
    });
    const [plain, marked] = (await childrenPage(made.jointCaseId)).assessments;
    expect(plain.markers).toMatchObject({ underAge: false, medicalNeeds: false, notVisibleToOthers: false });
    expect(plain.sectionB.level).toBe('low');
    expect(marked.markers).toMatchObject({ medicalNeeds: true, notVisibleToOthers: true });
    expect(marked.sectionB.level).toBe('intermediate');
  });
});

describe('the post-separation window', () => {
  it('flags a separation within six months, judged today, and not one before it', async () => {
    const made = await openCase({ withChild: true, childDateOfBirth: yearsAgo(10) });
    const answers = sectionB({ heard_episodes: 'no' });
    await assess(made.childId!, {
      ...principles(made.jointCaseId),
      separationOn: isoDay(-60),
      sectionB: answers,
    });
    await assess(made.childId!, {
      ...principles(made.jointCaseId),
      separationOn: isoDay(-240),
      sectionB: answers,
    });
    // Assessed when the separation was a month old: raised then; the window has closed since.
    await assess(made.childId!, {
      ...principles(made.jointCaseId, isoDay(-220)),
      separationOn: isoDay(-250),
      sectionB: answers,
    });
    const records = (await childrenPage(made.jointCaseId)).assessments;
    const bySeparation = (day: string) =>
      records.find((record: { markers: { separationOn: string } }) => record.markers.separationOn === day);
    expect(bySeparation(isoDay(-60)).markers.withinPostSeparationWindow).toBe(true);
    expect(bySeparation(isoDay(-60)).sectionB.level).toBe('intermediate');
    expect(bySeparation(isoDay(-240)).markers.withinPostSeparationWindow).toBe(false);
    expect(bySeparation(isoDay(-240)).sectionB.level).toBe('low');
    expect(bySeparation(isoDay(-250)).markers.withinPostSeparationWindow).toBe(false);
    expect(bySeparation(isoDay(-250)).sectionB.level).toBe('intermediate');
  });

  it('refuses a separation after the day of the assessment, naming the field', async () => {
    const made = await openCase({ withChild: true });
    const refused = await world.scenario.clients.vssManager.post(
      `/api/children/${made.childId}/assessments`,
      {
        ...principles(made.jointCaseId, isoDay(-10)),
        separationOn: isoDay(-2),
      },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('separationOn');
  });
});

describe('the principles record', () => {
  it('needs the child told they may refuse to answer, and keeps the items refused apart from "unknown"', async () => {
    const { clients } = world.scenario;
    const made = await openCase({ withChild: true, childDateOfBirth: yearsAgo(11) });
    const { childToldMayRefuse: _, ...withoutRefusal } = principles(made.jointCaseId);
    const missing = await clients.vssManager.post(
      `/api/children/${made.childId}/assessments`,
      withoutRefusal,
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0].path).toBe('childToldMayRefuse');

    await assess(made.childId!, {
      ...principles(made.jointCaseId),
      supportPerson: 'Her grandmother',
      sectionB: sectionB({ heard_episodes: 'yes' }, { refusedItems: ['fear_anger', 'refuse_contact'] }),
    });
    const [record] = (await childrenPage(made.jointCaseId)).assessments;
    expect(record).toMatchObject({ childToldMayRefuse: true, supportPerson: 'Her grandmother' });
    expect(record.sectionB.refusedItems).toEqual(['fear_anger', 'refuse_contact']);
    expect(record.sectionB.answers.fear_anger).toBeUndefined();

    const answeredAndRefused = await clients.vssManager.post(`/api/children/${made.childId}/assessments`, {
      ...principles(made.jointCaseId),
      sectionB: sectionB({ fear_anger: 'yes' }, { refusedItems: ['fear_anger'] }),
    });
    expect(answeredAndRefused.statusCode).toBe(400);
    expect(answeredAndRefused.json().fields[0].path).toBe('sectionB.refusedItems');
  });

  it('lowers the level only with a reason, and takes no answer outside the instrument', async () => {
    const { clients } = world.scenario;
    const made = await openCase({ withChild: true, childDateOfBirth: yearsAgo(11) });
    const post = (body: Record<string, unknown>) =>
      clients.vssManager.post(`/api/children/${made.childId}/assessments`, body);
    const lowered = await post({
      ...principles(made.jointCaseId),
      sectionB: sectionB({ hurt_children: 'yes' }, { judgedLevel: 'low' }),
    });
    expect(lowered.statusCode).toBe(400);
    expect(lowered.json().fields[0].path).toBe('sectionB.judgementReason');
    const unknownItem = await post({
      ...principles(made.jointCaseId),
      sectionB: sectionB({ no_such_item: 'yes' }),
    });
    expect(unknownItem.statusCode).toBe(400);
    expect(unknownItem.json().fields[0].path).toBe('sectionB.answers.no_such_item');
    // The children's instrument is answered per child, not as a case checklist.
    const asCaseChecklist = await clients.vssManager.post('/api/instrument-responses', {
      instrumentId: 'asap-children-risk',
      version: 1,
      jointCaseId: made.jointCaseId,
      subject: 'case',
      completedOn: isoDay(-1),
      answers: { hurt_children: { value: 'yes', source: 'her' } },
    });
    expect(asCaseChecklist.statusCode).toBe(400);
    expect(asCaseChecklist.json().fields[0].path).toBe('instrumentId');
  });
});

describe('the child-protection lead’s view', () => {
  it('shows each child’s newest level of the cases that give its agency the children, and no school', async () => {
    const { clients } = world.scenario;
    const granted = await openCase({
      withChild: true,
      childDateOfBirth: yearsAgo(7),
      otherParties: [{ agencyId: childProtectionAgencyId, receives: ['children'] }],
    });
    const notGranted = await openCase({
      withChild: true,
      childDateOfBirth: yearsAgo(7),
      otherParties: [{ agencyId: childProtectionAgencyId, receives: ['programme'] }],
    });
    await assess(granted.childId!, {
      ...principles(granted.jointCaseId, isoDay(-5)),
      sectionB: sectionB({}),
    });
    await assess(granted.childId!, {
      ...principles(granted.jointCaseId),
      sectionB: sectionB({ kidnap_threat: 'yes' }),
    });
    await assess(notGranted.childId!, {
      ...principles(notGranted.jointCaseId),
      sectionB: sectionB({ kidnap_threat: 'yes' }),
    });
    const view = await must(lead.get('/api/children/risk-levels'), 200, 'lead view');
    expect(view.children).toEqual([
      expect.objectContaining({
        childPersonId: granted.childId,
        jointCaseId: granted.jointCaseId,
        level: 'high',
        assessedOn: isoDay(-1),
      }),
    ]);
    const response = await lead.get('/api/children/risk-levels');
    expect(response.body).not.toContain('Scuola');
    // Her service sees both of its children; the programme is refused like any stranger.
    const forHerService = await must(clients.vssManager.get('/api/children/risk-levels'), 200, 'vss view');
    const theirs = forHerService.children.map((child: { childPersonId: string }) => child.childPersonId);
    expect(theirs).toEqual(expect.arrayContaining([granted.childId, notGranted.childId]));
    expect((await clients.ppManager.get('/api/children/risk-levels')).statusCode).toBe(404);
  });
});
