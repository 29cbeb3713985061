import { randomUUID } from 'node:crypto';
import type { InformationKind, Role, Side } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { actor } from '../testing/factories.js';
import type { Actor } from './actor.js';
import { type CaseReader, caseReaderOf } from './case-reader.js';
import { instrumentPolicy } from './instrument.policy.js';
import { type FilterFacts, type GrantFact, matchesRowFilter, type RowFilter } from './row-filter.js';

const pp = randomUUID();
const vss = randomUUID();
const police = randomUUID();
const otherPp = randomUUID();
const himId = randomUUID();
const herId = randomUUID();
const caseId = randomUUID();
const episodeId = randomUUID();
const agreementId = randomUUID();

const who = (roles: Role[], side: Side, agencyId: string): Actor => actor({ roles, side, agencyId });
const ppManager = who(['pp_case_manager'], 'perpetrator', pp);
const vssManager = who(['vss_case_manager'], 'victim', vss);
const liaison = who(['agency_liaison'], 'neutral', police);
const otherProgramme = who(['pp_case_manager'], 'perpetrator', otherPp);
const ppAdmin = who(['agency_admin'], 'perpetrator', pp);

const grant = (subjectPersonId: string, agencyId: string, side: Side, kind: InformationKind): GrantFact => ({
  subjectPersonId,
  agencyId,
  side,
  kind,
  validFrom: null,
  validTo: null,
});

/** The joint case, his episode, the two people and the police as a party of the case-level agreement. */
const facts = (...grants: GrantFact[]): FilterFacts => ({
  grants,
  agreementParties: [{ agreementId, agencyId: police }],
  rows: {
    joint_case: [
      {
        id: caseId,
        pp_agency_id: pp,
        vss_agency_id: vss,
        agreement_id: agreementId,
        pp_episode_id: episodeId,
        partner_person_id: herId,
        pp_case_manager_id: ppManager.userId,
        vss_case_manager_id: vssManager.userId,
      },
    ],
    pp_episode: [{ id: episodeId, person_id: himId }],
    person: [
      { id: himId, kind: 'perpetrator' },
      { id: herId, kind: 'partner' },
    ],
  },
});
const none = facts();
const policeRisk = facts(grant(himId, police, 'neutral', 'risk'));
const policeQuestionnaires = facts(grant(himId, police, 'neutral', 'questionnaires'));
const policeRecidivism = facts(grant(himId, police, 'neutral', 'recidivism'));
const sharedWithPolice = facts(grant(herId, police, 'neutral', 'shared_risk'));
const sharedWithProgramme = facts(grant(herId, pp, 'perpetrator', 'shared_risk'));

const response = (
  owner: { agency: string; side: Side },
  kind: 'risk_checklist' | 'questionnaire',
  subject = himId,
) => ({
  joint_case_id: caseId,
  owner_agency_id: owner.agency,
  owner_side: owner.side,
  instrument_kind: kind,
  subject_person_id: subject,
});
const byProgramme = { agency: pp, side: 'perpetrator' as const };
const byHerService = { agency: vss, side: 'victim' as const };
const byPolice = { agency: police, side: 'neutral' as const };
const hisChecklist = response(byProgramme, 'risk_checklist');
const herChecklist = response(byHerService, 'risk_checklist', herId);
const hisQuestionnaire = response(byProgramme, 'questionnaire');
const herQuestionnaire = response(byHerService, 'questionnaire', herId);
const policeQuestionnaireAboutHer = response(byPolice, 'questionnaire', herId);
const otherAgencysQuestionnaireAboutHer = response(
  { agency: randomUUID(), side: 'neutral' },
  'questionnaire',
  herId,
);
const policeChecklist = response(byPolice, 'risk_checklist');

type Row = Record<string, unknown>;
type Case = [string, Actor, Row, FilterFacts, boolean];
const check =
  (filter: (who: Actor) => RowFilter) =>
  (_name: string, subject: Actor, row: Row, given: FilterFacts, expected: boolean) =>
    expect(matchesRowFilter(filter(subject), row, given)).toBe(expected);

describe('instrumentPolicy.responses', () => {
  it.each<Case>([
    ['his programme reads its own checklist', ppManager, hisChecklist, none, true],
    [
      'his programme reads her service’s checklist (the comparison; its answers are projected)',
      ppManager,
      herChecklist,
      none,
      true,
    ],
    ['another programme reads neither', otherProgramme, hisChecklist, none, false],
    ['the programme’s agency admin reads no case content', ppAdmin, hisChecklist, none, false],
    ['her service reads his checklist', vssManager, hisChecklist, none, true],
    ['her service reads her questionnaire', vssManager, herQuestionnaire, none, true],
    ['police without a risk grant read no checklist', liaison, hisChecklist, none, false],
    ['police with his risk grant read both checklists', liaison, herChecklist, policeRisk, true],
    [
      'police with his questionnaires grant read his questionnaire',
      liaison,
      hisQuestionnaire,
      policeQuestionnaires,
      true,
    ],
    ['… but not hers', liaison, herQuestionnaire, policeQuestionnaires, false],
    [
      '… nor a questionnaire about her recorded off her service',
      liaison,
      otherAgencysQuestionnaireAboutHer,
      policeQuestionnaires,
      false,
    ],
    [
      'her consent naming the police opens her questionnaire to them',
      liaison,
      herQuestionnaire,
      sharedWithPolice,
      true,
    ],
    ['the programme reads her questionnaire only with her consent', ppManager, herQuestionnaire, none, false],
    ['… and with it', ppManager, herQuestionnaire, sharedWithProgramme, true],
    [
      'a consent naming the police opens nothing to the programme',
      ppManager,
      herQuestionnaire,
      sharedWithPolice,
      false,
    ],
  ])('reads: %s', check(instrumentPolicy.responses.read));

  it.each<Case>([
    ['the programme records its own checklist', ppManager, hisChecklist, none, true],
    ['the programme cannot record in her service’s name', ppManager, herChecklist, none, false],
    [
      'the programme cannot record a questionnaire about her',
      ppManager,
      response(byProgramme, 'questionnaire', herId),
      none,
      false,
    ],
    ['her service records her questionnaire', vssManager, herQuestionnaire, none, true],
    ['police record a checklist only where they could read one', liaison, policeChecklist, none, false],
    ['… and do with his risk grant', liaison, policeChecklist, policeRisk, true],
    [
      'police record his questionnaire with his questionnaires grant',
      liaison,
      response(byPolice, 'questionnaire'),
      policeQuestionnaires,
      true,
    ],
    [
      'police cannot record an IMPACT questionnaire for her',
      liaison,
      policeQuestionnaireAboutHer,
      policeQuestionnaires,
      false,
    ],
    ['an admin records nothing', ppAdmin, hisChecklist, none, false],
  ])('writes: %s', check(instrumentPolicy.responses.write));

  it.each<Case>([
    ['the owner reads its judgement reason', ppManager, hisChecklist, none, true],
    ['her service reads his', vssManager, hisChecklist, none, true],
    ['the programme never reads hers', ppManager, herChecklist, sharedWithProgramme, false],
    ['police never read his', liaison, hisChecklist, policeRisk, false],
  ])('judgement reason: %s', (_name, subject, row, given, expected) =>
    expect(
      matchesRowFilter(instrumentPolicy.responses.fields.judgement_reason_enc(subject), row, given),
    ).toBe(expected),
  );
});

describe('instrumentPolicy.agreedLevels and their proposals', () => {
  const level = { joint_case_id: caseId };
  it.each<Case>([
    ['his programme reads the agreed level', ppManager, level, none, true],
    ['her service reads it', vssManager, level, none, true],
    ['police read it with his risk grant', liaison, level, policeRisk, true],
    ['… not without', liaison, level, none, false],
    ['another programme does not', otherProgramme, level, none, false],
  ])('reads: %s', (name, subject, row, given, expected) => {
    check(instrumentPolicy.agreedLevels.read)(name, subject, row, given, expected);
    check(instrumentPolicy.agreedLevelProposals.read)(name, subject, row, given, expected);
  });

  it.each<Case>([
    ['a case manager of the case records it', ppManager, level, none, true],
    ['so does the other', vssManager, level, none, true],
    [
      'another case manager of the same programme does not',
      who(['pp_case_manager'], 'perpetrator', pp),
      level,
      none,
      false,
    ],
    ['the police never do', liaison, level, policeRisk, false],
  ])('writes: %s', (name, subject, row, given, expected) => {
    check(instrumentPolicy.agreedLevels.write)(name, subject, row, given, expected);
    check(instrumentPolicy.agreedLevelProposals.write)(name, subject, row, given, expected);
  });
});

describe('instrumentPolicy.recidivism', () => {
  const episode = (
    source: 'him' | 'her' | 'agency',
    owner: { agency: string; side: Side },
    sourceAgencyId: string | null = null,
  ) => ({
    joint_case_id: caseId,
    source,
    source_agency_id: sourceAgencyId,
    owner_agency_id: owner.agency,
    owner_side: owner.side,
  });
  const his = episode('him', byProgramme);
  const hers = episode('her', byHerService);
  const policeReport = episode('agency', byPolice, police);

  it.each<Case>([
    ['her service reads what she reported', vssManager, hers, none, true],
    ['the programme reads his own reports', ppManager, his, none, true],
    ['the programme reads the agencies’', ppManager, policeReport, none, true],
    ['the programme never reads hers without her consent', ppManager, hers, none, false],
    ['… and does with it', ppManager, hers, sharedWithProgramme, true],
    ['police read his with his recidivism grant', liaison, his, policeRecidivism, true],
    ['police never read hers without her consent naming them', liaison, hers, policeRecidivism, false],
    ['… a consent naming the programme does not do', liaison, hers, sharedWithProgramme, false],
    ['police read their own report', liaison, policeReport, none, true],
  ])('reads: %s', check(instrumentPolicy.recidivism.read));

  it.each<Case>([
    ['her service records what she reported', vssManager, hers, none, true],
    ['the programme records his own', ppManager, his, none, true],
    ['police record their own report as a party of the case', liaison, policeReport, none, true],
    [
      'police cannot name another agency as the source without reading it',
      liaison,
      episode('agency', byPolice, pp),
      none,
      false,
    ],
    ['police cannot record what she reported', liaison, episode('her', byPolice), policeRecidivism, false],
    [
      'another programme records nothing',
      otherProgramme,
      episode('him', { agency: otherPp, side: 'perpetrator' }),
      none,
      false,
    ],
  ])('writes: %s', check(instrumentPolicy.recidivism.write));

  it.each<Case>([
    ['her service reads her description', vssManager, hers, none, true],
    ['the programme reads its own', ppManager, his, none, true],
    ['the programme never reads hers, even with her consent', ppManager, hers, sharedWithProgramme, false],
    ['the programme never reads the police’s', ppManager, policeReport, none, false],
    ['police never read hers', liaison, hers, sharedWithPolice, false],
  ])('descriptions: %s', (_name, subject, row, given, expected) =>
    expect(matchesRowFilter(instrumentPolicy.recidivism.fields.description_enc(subject), row, given)).toBe(
      expected,
    ),
  );
});

describe('instrumentPolicy: what a reader sees of the answers', () => {
  const hers = { ownerSide: 'victim' as const };
  const his = { ownerSide: 'perpetrator' as const };
  const answers = {
    strangulation: { value: 'yes' as const, source: 'her' as const, note: 'He choked her' },
    substance_misuse: { value: 'yes' as const, source: 'agency' as const, sourceAgencyId: police },
  };
  const items = ['strangulation', 'substance_misuse', 'threats_to_kill'];
  const withheld = { value: null, withheld: true };

  it.each([
    ['her service reads her answers in full', hers, { full: true, herRiskShared: true }, answers],
    [
      'without her consent every item of her response is withheld alike, answered or not',
      hers,
      { full: false, herRiskShared: false },
      { strangulation: withheld, substance_misuse: withheld, threats_to_kill: withheld },
    ],
    [
      'with it, values with no source at all',
      hers,
      { full: false, herRiskShared: true },
      { strangulation: { value: 'yes' }, substance_misuse: { value: 'yes' } },
    ],
    [
      'his programme’s answers keep their sources, never a note',
      his,
      { full: false, herRiskShared: false },
      {
        strangulation: { value: 'yes' },
        substance_misuse: { value: 'yes', source: 'agency', sourceAgencyId: police },
      },
    ],
  ] as const)('%s', (_name, owner, reader, expected) => {
    expect(instrumentPolicy.visibleAnswers(answers, items, owner, reader)).toEqual(expected);
  });

  it.each([
    ['the owner', ppManager, { ownerAgencyId: pp, ownerSide: 'perpetrator' }, false, true],
    ['her service, of any response', vssManager, { ownerAgencyId: pp, ownerSide: 'perpetrator' }, true, true],
    ['the programme, of hers', ppManager, { ownerAgencyId: vss, ownerSide: 'victim' }, false, false],
    [
      'the PP side of the owner’s agency is not its VSS side',
      ppManager,
      { ownerAgencyId: pp, ownerSide: 'victim' },
      false,
      false,
    ],
    ['police, of his', liaison, { ownerAgencyId: pp, ownerSide: 'perpetrator' }, false, false],
  ] as const)('reads in full: %s', (_name, subject, owner, herService, expected) => {
    expect(instrumentPolicy.readsInFull(subject, { herService }, owner)).toBe(expected);
  });

  it.each([
    ['her service', { herService: true, herRiskShared: true }, 'by_source'],
    ['a reader her consent reaches', { herService: false, herRiskShared: true }, 'merged'],
    ['anyone else', { herService: false, herRiskShared: false }, 'visible_only'],
  ] as const)('recidivism sources for %s: %s', (_name, reader, expected) => {
    expect(instrumentPolicy.recidivismSources(reader)).toBe(expected);
  });
});

describe('instrumentPolicy: the agreed level', () => {
  it.each([
    ['the first agreement', null, 0, false],
    ['raising it', 1, 2, false],
    ['keeping it', 1, 1, false],
    ['lowering it', 2, 0, true],
  ] as const)('%s needs the other side: %s', (_name, current, proposed, expected) => {
    expect(instrumentPolicy.needsOtherSide(current, proposed)).toBe(expected);
  });

  const jointCase = { ppCaseManagerId: ppManager.userId, vssCaseManagerId: vssManager.userId };
  it.each([
    ['her case manager confirms the programme’s proposal', vssManager, 'perpetrator', ppManager.userId, true],
    [
      'the programme’s case manager cannot confirm its own',
      ppManager,
      'perpetrator',
      ppManager.userId,
      false,
    ],
    ['his case manager confirms hers', ppManager, 'victim', vssManager.userId, true],
    ['her case manager cannot confirm her own', vssManager, 'victim', vssManager.userId, false],
    ['the police never confirm', liaison, 'perpetrator', ppManager.userId, false],
  ] as const)('%s', (_name, subject, proposedSide, proposedBy, expected) => {
    expect(instrumentPolicy.canConfirmLowering(subject, jointCase, { proposedSide, proposedBy })).toBe(
      expected,
    );
  });

  it.each([
    ['raising needs no reason', 0, 2, undefined, null],
    ['keeping needs no reason', 1, 1, undefined, null],
    ['lowering needs a reason', 2, 0, undefined, 'Lowering the computed level needs a recorded reason'],
    ['lowering with a reason', 2, 0, 'Old incident', null],
    ['an unknown level', 1, -1, 'x', 'No such level in this instrument'],
  ])('judgement: %s', (_name, computed, judged, reason, expected) => {
    expect(instrumentPolicy.judgementProblem(computed, judged, reason)).toBe(expected);
  });
});

describe('instrumentPolicy: what the instrument pages offer (abilities)', () => {
  const partnerContact = who(['partner_contact_worker'], 'victim', vss);
  const otherVssManager = who(['vss_case_manager'], 'victim', randomUUID());
  /** Who the actor is to the case, holding these kinds about him and about her. */
  const readerOf = (
    subject: Actor,
    aboutHim: InformationKind[] = [],
    aboutHer: InformationKind[] = [],
  ): CaseReader =>
    caseReaderOf(
      subject,
      {
        id: caseId,
        ppAgencyId: pp,
        vssAgencyId: vss,
        ppCaseManagerId: ppManager.userId,
        vssCaseManagerId: vssManager.userId,
        partnerContactWorkerId: partnerContact.userId,
      },
      { aboutHim: new Set(aboutHim), aboutHer: new Set(aboutHer) },
    );

  it.each<[string, Actor, string[]]>([
    ['the programme never names her as a source', ppManager, ['him', 'agency', 'professional_observation']],
    ['her service may', vssManager, ['him', 'her', 'agency', 'professional_observation']],
    ['so may an agency of neither side', liaison, ['him', 'her', 'agency', 'professional_observation']],
    ['an admin records nothing', ppAdmin, []],
  ])('answer sources: %s', (_name, subject, expected) => {
    expect(instrumentPolicy.answerSources(subject)).toEqual(expected);
  });

  it.each<[string, Actor, CaseReader, boolean, 'perpetrator' | 'victim' | null]>([
    ['his programme records the programme’s checklist', ppManager, readerOf(ppManager), true, 'perpetrator'],
    ['her service records hers', vssManager, readerOf(vssManager), true, 'victim'],
    ['the partner-contact worker too', partnerContact, readerOf(partnerContact), true, 'victim'],
    [
      'police holding his risk record their own, neither side’s',
      liaison,
      readerOf(liaison, ['risk']),
      true,
      null,
    ],
    ['police without it record none', liaison, readerOf(liaison, ['programme']), false, null],
    ['another programme records none', otherProgramme, readerOf(otherProgramme), false, null],
    ['an admin records none', ppAdmin, readerOf(ppAdmin), false, null],
  ])('whose checklist: %s', (_name, subject, reader, records, expected) => {
    expect(instrumentPolicy.recordsChecklist(subject, reader)).toBe(records);
    expect(instrumentPolicy.checklistFor(subject, reader)).toBe(expected);
  });

  it.each<[string, Actor, CaseReader, 'him' | 'her' | null]>([
    ['his programme gives his', ppManager, readerOf(ppManager), 'him'],
    ['her service gives hers', vssManager, readerOf(vssManager), 'her'],
    [
      'a service holding her file gives hers',
      otherVssManager,
      readerOf(otherVssManager, [], ['victim_core']),
      'her',
    ],
    ['police holding his questionnaires give none', liaison, readerOf(liaison, ['questionnaires']), null],
    ['another programme gives none', otherProgramme, readerOf(otherProgramme), null],
    ['an admin gives none', ppAdmin, readerOf(ppAdmin), null],
  ])('whose IMPACT questionnaire: %s', (_name, subject, reader, expected) => {
    expect(instrumentPolicy.questionnaireFor(subject, reader)).toBe(expected);
  });

  it.each<[string, Actor, CaseReader, { sources: string[]; reportsAsAgency: boolean }]>([
    [
      'his programme: him and agencies, never her',
      ppManager,
      readerOf(ppManager, [], ['shared_risk']),
      { sources: ['him', 'agency'], reportsAsAgency: false },
    ],
    [
      'her service: every source',
      vssManager,
      readerOf(vssManager),
      { sources: ['him', 'her', 'agency'], reportsAsAgency: false },
    ],
    [
      'police holding his recidivism report as themselves',
      liaison,
      readerOf(liaison, ['recidivism']),
      { sources: ['him', 'agency'], reportsAsAgency: true },
    ],
    [
      '… and what she reported with her consent',
      liaison,
      readerOf(liaison, ['recidivism'], ['shared_risk']),
      { sources: ['him', 'her', 'agency'], reportsAsAgency: true },
    ],
    ['an admin records nothing', ppAdmin, readerOf(ppAdmin), { sources: [], reportsAsAgency: false }],
  ])('recidivism: %s', (_name, subject, reader, expected) => {
    expect(instrumentPolicy.recidivismAbilities(subject, reader)).toEqual(expected);
  });

  it('the risk page sends them with its other abilities', () => {
    const jointCase = { ppCaseManagerId: ppManager.userId, vssCaseManagerId: vssManager.userId };
    expect(instrumentPolicy.riskAbilities(ppManager, readerOf(ppManager), jointCase, null)).toEqual({
      recordChecklist: true,
      recordChecklistFor: 'perpetrator',
      answerSources: ['him', 'agency', 'professional_observation'],
      agreeLevel: true,
      confirmLowering: false,
      // A case manager records what the other agencies said when the two sides diverge.
      recordConsultation: true,
    });
  });
});
