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
