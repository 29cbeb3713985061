import { InstrumentDefinition } from '@tandem/shared';

/** For tests only. */
/** A small checklist with the tier rule, and every item type the renderer draws. */
export const checklist = InstrumentDefinition.parse({
  id: 'test-checklist',
  version: 3,
  kind: 'risk_checklist',
  subject: 'case',
  title: { en: 'Test checklist', it: 'Checklist di prova' },
  sections: [
    {
      id: 'serious',
      title: { en: 'Serious' },
      items: [
        {
          id: 'strangulation',
          text: { en: 'Strangulation', it: 'Strangolamento' },
          type: 'yes_no_unknown',
          tier: 'serious',
        },
        { id: 'weapons', text: { en: 'Weapons' }, type: 'yes_no_unknown', tier: 'serious' },
      ],
    },
    {
      id: 'other',
      title: { en: 'Other' },
      items: [
        { id: 'alcohol', text: { en: 'Alcohol' }, type: 'yes_no_unknown', tier: 'non_specific' },
        { id: 'isolation', text: { en: 'Isolation' }, type: 'yes_no_unknown', tier: 'non_specific' },
        { id: 'fear', text: { en: 'Fear 0-4' }, type: 'scale', scale: { min: 0, max: 4 } },
        { id: 'visits', text: { en: 'Visits' }, type: 'number' },
        {
          id: 'living',
          text: { en: 'Living' },
          type: 'choice',
          choices: [
            { id: 'together', label: { en: 'Together' } },
            { id: 'apart', label: { en: 'Apart' } },
          ],
        },
        { id: 'remarks', text: { en: 'Remarks' }, type: 'text' },
      ],
    },
  ],
  levels: [
    { id: 'low', label: { en: 'Low', it: 'Basso' } },
    { id: 'intermediate', label: { en: 'Intermediate' } },
    { id: 'high', label: { en: 'High' } },
  ],
  scoring: {
    rule: 'tier',
    nonSpecificThreshold: 2,
    levels: { serious: 'high', nonSpecific: 'intermediate', none: 'low' },
  },
});

const rated = (id: string) => ({
  id,
  text: { en: id === 'f_violence' ? 'Physical violence' : 'Attitudes that excuse violence' },
  type: 'choice',
  choices: [
    { id: 'present', label: { en: 'Present' } },
    { id: 'partial', label: { en: 'Partially present' } },
    { id: 'absent', label: { en: 'Absent' } },
  ],
});

/** A structured-professional-judgement form: rated factors, the level the professional's rating. */
export const judgementForm = InstrumentDefinition.parse({
  id: 'test-spj',
  version: 1,
  kind: 'risk_checklist',
  subject: 'case',
  title: { en: 'Test SPJ' },
  sections: [
    { id: 'factors', title: { en: 'Factors' }, items: [rated('f_violence'), rated('f_attitudes')] },
    {
      id: 'summary',
      title: { en: 'Summary' },
      items: [
        {
          id: 'rating',
          text: { en: 'Summary risk rating' },
          type: 'choice',
          choices: [
            { id: 'low', label: { en: 'Low' } },
            { id: 'high', label: { en: 'High' } },
          ],
        },
      ],
    },
  ],
  levels: [
    { id: 'low', label: { en: 'Low' } },
    { id: 'high', label: { en: 'High' } },
  ],
  scoring: { rule: 'judgement', levelItem: 'rating' },
});

/** Two sections, each scored by its own count; the overall level the higher. */
export const perSectionForm = InstrumentDefinition.parse({
  id: 'test-per-section',
  version: 1,
  kind: 'risk_checklist',
  subject: 'case',
  title: { en: 'Test per section' },
  sections: [
    {
      id: 'violence',
      title: { en: 'Violence' },
      items: [{ id: 'hit', text: { en: 'Hit' }, type: 'yes_no_unknown' }],
    },
    {
      id: 'context',
      title: { en: 'Context' },
      items: [{ id: 'money', text: { en: 'Money' }, type: 'yes_no_unknown' }],
    },
  ],
  levels: [
    { id: 'low', label: { en: 'Low' } },
    { id: 'high', label: { en: 'High' } },
  ],
  scoring: {
    rule: 'per_section',
    sections: ['violence', 'context'].map((section) => ({
      section,
      scoring: {
        rule: 'count',
        countAnswer: 'yes',
        bands: [
          { min: 0, level: 'low' },
          { min: 1, level: section === 'violence' ? 'high' : 'low' },
        ],
      },
    })),
  },
});
