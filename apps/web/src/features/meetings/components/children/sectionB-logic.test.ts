import { InstrumentDefinition } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import asapChildren from '../../../../../../../instruments/asap-children-risk.v1.json';
import { emptySectionB, markersOn, previewLevel, type SectionBDraft, toSectionB } from './sectionB-logic';

/** The children's instrument as the network ships it: the form previews what the server scores. */
const definition = InstrumentDefinition.parse(asapChildren);
const today = '2026-06-01';
const noMarkers = markersOn(
  definition,
  { dateOfBirth: '2016-01-01', medicalNeeds: false, notVisibleToOthers: false, separationOn: '' },
  today,
);
const draft = (items: SectionBDraft['items'], extra: Partial<SectionBDraft> = {}): SectionBDraft => ({
  ...emptySectionB(),
  items,
  ...extra,
});

describe('one child’s Section B in the form', () => {
  it('leaves Section B out until something is given', () => {
    expect(toSectionB(definition, emptySectionB(), noMarkers)).toBeUndefined();
  });

  it('records a refusal apart from the answers, never as unknown', () => {
    const body = toSectionB(
      definition,
      draft({ heard_episodes: 'yes', fear_anger: 'refused', neglect: 'unknown' }),
      noMarkers,
    );
    expect(body).toEqual({
      instrumentId: 'asap-children-risk',
      version: 1,
      answers: { heard_episodes: { value: 'yes' }, neglect: { value: 'unknown' } },
      refusedItems: ['fear_anger'],
    });
  });

  it('scores by the tier rule and lifts a child with a marker to the floor', () => {
    expect(previewLevel(definition, draft({ threat_kill_direct: 'yes' }), noMarkers).rule).toBe('high');
    expect(previewLevel(definition, draft({ heard_episodes: 'yes' }), noMarkers).rule).toBe('low');
    const young = markersOn(
      definition,
      { dateOfBirth: '2023-01-01', medicalNeeds: false, notVisibleToOthers: false, separationOn: '' },
      today,
    );
    expect(young.underAge).toBe(true);
    expect(previewLevel(definition, draft({ heard_episodes: 'yes' }), young)).toMatchObject({
      computed: 'low',
      rule: 'intermediate',
      raisedByMarkers: true,
    });
    const separated = markersOn(
      definition,
      { dateOfBirth: null, medicalNeeds: false, notVisibleToOthers: false, separationOn: '2026-03-01' },
      today,
    );
    expect(separated.withinPostSeparationWindow).toBe(true);
  });

  it('sends the judged level only when it differs from the rule’s, with its reason', () => {
    const same = toSectionB(definition, draft({ hurt_children: 'yes' }, { judgedLevel: 'high' }), noMarkers);
    expect(same).not.toHaveProperty('judgedLevel');
    const lowered = toSectionB(
      definition,
      draft(
        { hurt_children: 'yes' },
        { judgedLevel: 'intermediate', judgementReason: ' Long ago, now safe ' },
      ),
      noMarkers,
    );
    expect(lowered).toMatchObject({ judgedLevel: 'intermediate', judgementReason: 'Long ago, now safe' });
  });
});
