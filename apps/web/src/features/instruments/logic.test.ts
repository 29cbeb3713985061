import type { DueItem } from '@tandem/shared';
import { InstrumentDefinition, scoreInstrument } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import it_ from './locales/it.json';
import {
  buildResponse,
  checkForm,
  type Draft,
  dueLink,
  emptyAnswer,
  type FormState,
  judgement,
  levelColour,
  levelPosition,
  localized,
  progress,
  sortDue,
  toAnswers,
  toDraft,
} from './logic';
import { checklist } from './test-fixtures';

const state = (draft: Draft, extra: Partial<FormState> = {}): FormState => ({
  draft,
  completedOn: '2026-03-01',
  timepoint: '',
  judgedLevel: null,
  judgementReason: '',
  ...extra,
});
const answer = (change: Partial<ReturnType<typeof emptyAnswer>>) => ({ ...emptyAnswer(), ...change });

describe('texts of a definition', () => {
  it('are read in the user’s language, else in English', () => {
    expect(localized({ en: 'Strangulation', it: 'Strangolamento' }, 'it')).toBe('Strangolamento');
    expect(localized({ en: 'Strangulation', it: 'Strangolamento' }, 'it-IT')).toBe('Strangolamento');
    expect(localized({ en: 'Strangulation', it: 'Strangolamento' }, 'bg')).toBe('Strangulation');
    expect(localized({ en: 'Weapons', it: '  ' }, 'it')).toBe('Weapons');
  });
});

describe('answer mapping', () => {
  it('leaves out untouched items, trims notes, keeps the agency only with source "agency"', () => {
    const draft: Draft = {
      strangulation: answer({ value: 'yes', source: 'her', note: '  In the kitchen  ' }),
      weapons: answer({ value: 'no', source: 'him', sourceAgencyId: 'b3f1c3f0-0000-4000-8000-000000000001' }),
      alcohol: answer({
        value: 'yes',
        source: 'agency',
        sourceAgencyId: 'b3f1c3f0-0000-4000-8000-000000000001',
      }),
      isolation: answer({}),
      fear: answer({ value: 3 }),
      visits: answer({ value: null, note: 'Not asked yet' }),
      remarks: answer({ value: '   ' }),
      not_in_definition: answer({ value: 'yes' }),
    };
    expect(toAnswers(checklist, draft)).toEqual({
      strangulation: { value: 'yes', source: 'her', note: 'In the kitchen' },
      weapons: { value: 'no', source: 'him' },
      alcohol: { value: 'yes', source: 'agency', sourceAgencyId: 'b3f1c3f0-0000-4000-8000-000000000001' },
      fear: { value: 3 },
      visits: { value: null, note: 'Not asked yet' },
    });
  });

  it('turns a side’s earlier answers back into a draft (an unknown source is dropped)', () => {
    const draft = toDraft({
      strangulation: { value: 'yes', source: 'her', note: 'x' },
      weapons: { value: 'no', source: 'another_source' },
      alcohol: { value: 'yes', source: 'agency', sourceAgencyId: 'a' },
    });
    expect(draft.strangulation).toEqual({ value: 'yes', note: 'x', source: 'her', sourceAgencyId: null });
    expect(draft.weapons?.source).toBeNull();
    expect(draft.alcohol?.sourceAgencyId).toBe('a');
  });

  it('counts what is answered and unknown', () => {
    const draft: Draft = {
      strangulation: answer({ value: 'unknown' }),
      fear: answer({ value: 0 }),
      remarks: answer({ value: '' }),
    };
    expect(progress(checklist, draft)).toEqual({ answered: 2, unknown: 1, total: 8 });
  });
});

describe('professional judgement', () => {
  it('may raise the computed level freely and lower it only with a reason', () => {
    expect(judgement(checklist, 'low', null)).toEqual({ kind: 'none', needsReason: false });
    expect(judgement(checklist, 'low', 'low')).toEqual({ kind: 'same', needsReason: false });
    expect(judgement(checklist, 'low', 'high')).toEqual({ kind: 'raised', needsReason: false });
    expect(judgement(checklist, 'high', 'intermediate')).toEqual({ kind: 'lowered', needsReason: true });
    expect(judgement(checklist, null, 'high').kind).toBe('none');
  });

  it('asks for the reason before sending when the judged level is lower', () => {
    const lowered = state({ strangulation: answer({ value: 'yes' }) }, { judgedLevel: 'intermediate' });
    expect(checkForm(checklist, lowered, '2026-03-02').errors).toEqual({ judgementReason: 'reasonRequired' });
    expect(
      checkForm(checklist, { ...lowered, judgementReason: 'Moved abroad' }, '2026-03-02').errors,
    ).toEqual({});
    const raised = state({}, { judgedLevel: 'high' });
    expect(checkForm(checklist, raised, '2026-03-02').errors).toEqual({});
  });

  it('refuses a completion date in the future or missing', () => {
    expect(checkForm(checklist, state({}), '2026-02-28').errors).toEqual({ completedOn: 'future' });
    expect(checkForm(checklist, state({}, { completedOn: '' }), '2026-02-28').errors).toEqual({
      completedOn: 'required',
    });
  });

  it('sends the judged level only when it differs, the reason only with it', () => {
    const draft = { strangulation: answer({ value: 'yes', source: 'her' }) };
    const same = buildResponse(checklist, state(draft, { judgedLevel: 'high', judgementReason: 'x' }), {
      jointCaseId: 'case',
    });
    expect(same).toEqual({
      instrumentId: 'test-checklist',
      version: 3,
      jointCaseId: 'case',
      subject: 'case',
      completedOn: '2026-03-01',
      answers: { strangulation: { value: 'yes', source: 'her' } },
    });
    const lowered = buildResponse(
      checklist,
      state(draft, { judgedLevel: 'low', judgementReason: '  Old incident  ' }),
      { jointCaseId: 'case' },
    );
    expect(lowered).toMatchObject({ judgedLevel: 'low', judgementReason: 'Old incident' });
  });

  it('previews the level with the server’s own scoring', () => {
    const draft: Draft = { alcohol: answer({ value: 'yes' }), isolation: answer({ value: 'yes' }) };
    expect(scoreInstrument(checklist, toAnswers(checklist, draft)).level).toBe('intermediate');
  });
});

describe('questionnaires', () => {
  const questionnaire = InstrumentDefinition.parse({
    ...checklist,
    id: 'impact-test',
    kind: 'questionnaire',
    subject: 'him',
    levels: undefined,
    scoring: { rule: 'weighted_sum', defaultWeight: 1 },
  });

  it('are about him or her, at a time point that must be valid', () => {
    const body = buildResponse(questionnaire, state({ fear: answer({ value: 2 }) }, { timepoint: 'T2.1' }), {
      jointCaseId: 'case',
    });
    expect(body).toMatchObject({ subject: 'him', timepoint: 'T2.1', answers: { fear: { value: 2 } } });
    expect(checkForm(questionnaire, state({}, { timepoint: 'T5' }), '2026-03-02').errors).toEqual({
      timepoint: 'timepoint',
    });
  });
});

describe('levels', () => {
  it('colour a level by its position, lowest to highest', () => {
    const levels = checklist.levels!;
    expect(levelColour(levelPosition(levels, 'low'))).toBe('teal.9');
    expect(levelColour(levelPosition(levels, 'intermediate'))).toBe('orange.5');
    expect(levelColour(levelPosition(levels, 'high'))).toBe('red.8');
    expect(levelColour(levelPosition(levels, null))).toBe('gray');
  });
});

describe('the due list', () => {
  const due = (
    what: DueItem['what'],
    reason: DueItem['reason'],
    dueOn: string,
    overdue: boolean,
    timepoint: string | null = null,
  ): DueItem => ({
    jointCaseId: 'c1',
    caseNumber: 'TND-1',
    what,
    reason,
    dueOn,
    overdue,
    timepoint,
  });

  it('puts reassessments after a critical event first, then what is overdue, then by date', () => {
    const items = [
      due('questionnaire_her', 'timepoint', '2026-05-01', false, 'T2.1'),
      due('questionnaire_her', 'timepoint', '2026-01-01', true, 'T0'),
      due('reassessment', 'critical_event', '2026-03-05', true),
      due('reassessment', 'scheduled', '2026-02-01', true),
    ];
    expect(sortDue(items).map((item) => `${item.reason} ${item.dueOn}`)).toEqual([
      'critical_event 2026-03-05',
      'timepoint 2026-01-01',
      'scheduled 2026-02-01',
      'timepoint 2026-05-01',
    ]);
  });

  it('links each item to where it is done', () => {
    expect(dueLink(due('reassessment', 'critical_event', '2026-03-05', true))).toBe('/joint-cases/c1/risk');
    expect(dueLink(due('questionnaire_him', 'timepoint', '2026-03-05', true, 'T2.1'))).toBe(
      '/joint-cases/c1/impact/T2.1',
    );
  });
});

type Tree = { [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`),
  );

describe('translations of the instrument pages', () => {
  it('have the same keys in Italian as in English', () => {
    expect(keys(it_ as Tree).sort()).toEqual(keys(en as Tree).sort());
  });
});
