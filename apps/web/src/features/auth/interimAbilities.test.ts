import type { Abilities } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import {
  answerSourcesFor,
  callsMeetings,
  checklistSideOf,
  questionnaireSubjectOf,
  recidivismSourcesFor,
  reportsAsAgency,
} from './interimAbilities';

const none: Abilities = {
  manageNetworks: false,
  manageAgencies: false,
  manageUsers: false,
  viewAudit: false,
  casework: true,
  referPerpetrators: false,
  supportVictims: false,
  coordinateNetwork: false,
};
const programme = { ...none, referPerpetrators: true };
const herService = { ...none, supportVictims: true };

describe('the stand-ins for abilities the server does not send yet', () => {
  it('never offer the programme "her" as a source', () => {
    expect(answerSourcesFor(programme)).toEqual(['him', 'agency', 'professional_observation']);
    expect(answerSourcesFor(herService)).toContain('her');
    expect(answerSourcesFor(none)).toContain('her');
    expect(recidivismSourcesFor(programme)).toEqual(['him', 'agency']);
    expect(recidivismSourcesFor(herService)).toEqual(['him', 'her', 'agency']);
  });

  it('give his questionnaire and checklist to the programme, hers to her service, none to others', () => {
    expect(questionnaireSubjectOf(programme)).toBe('him');
    expect(questionnaireSubjectOf(herService)).toBe('her');
    expect(questionnaireSubjectOf(none)).toBeNull();
    expect(checklistSideOf(programme)).toBe('perpetrator');
    expect(checklistSideOf(herService)).toBe('victim');
    expect(checklistSideOf(none)).toBeNull();
  });

  it('let the case team call meetings, and another agency report as itself', () => {
    expect(callsMeetings(programme) && callsMeetings(herService)).toBe(true);
    expect(callsMeetings(none)).toBe(false);
    expect(reportsAsAgency(none)).toBe(true);
    expect(reportsAsAgency(herService)).toBe(false);
  });
});
