import { type Abilities, ANSWER_SOURCES, type AnswerSource, RECIDIVISM_SOURCES } from '@tandem/shared';

/**
 * Stand-ins for abilities the server does not send yet. Each is read from the nearest ability
 * the session already has (`referPerpetrators`: the programme's case manager; `supportVictims`:
 * her service), and names the ability of a view it waits for; when the server sends that, the
 * page reads it instead and the stand-in goes. The web app never compares a role or a side
 * (docs/architecture.md, "Policies"); the server decides every request again.
 */

type RecidivismSource = (typeof RECIDIVISM_SOURCES)[number];

/** Whose checklist of a joint case the actor records. Awaits `JointRiskView.can.recordChecklistFor`. */
export type ChecklistSide = 'perpetrator' | 'victim';

export function checklistSideOf(abilities: Abilities): ChecklistSide | null {
  if (abilities.referPerpetrators) return 'perpetrator';
  if (abilities.supportVictims) return 'victim';
  return null;
}

/**
 * The sources an answer of a checklist may name: the programme never records what she said
 * (the server refuses it too). Awaits `JointRiskView.can.answerSources`.
 */
export function answerSourcesFor(abilities: Abilities): AnswerSource[] {
  return ANSWER_SOURCES.filter((source) => source !== 'her' || !abilities.referPerpetrators);
}

/** The sources a recidivism episode may come from. Awaits `RecidivismComparison.can.sources`. */
export function recidivismSourcesFor(abilities: Abilities): RecidivismSource[] {
  return RECIDIVISM_SOURCES.filter((source) => source !== 'her' || !abilities.referPerpetrators);
}

/**
 * An agency that is neither side reports what it knows itself: its episodes start as "an
 * agency", its own. Awaits `RecidivismComparison.can.sources` (a single source).
 */
export function reportsAsAgency(abilities: Abilities): boolean {
  return !abilities.referPerpetrators && !abilities.supportVictims;
}

/**
 * The IMPACT questionnaire the actor gives: his for the programme, hers for her service.
 * Awaits `ImpactView.can.recordFor` ('him' | 'her' | null).
 */
export function questionnaireSubjectOf(abilities: Abilities): 'him' | 'her' | null {
  if (abilities.referPerpetrators) return 'him';
  if (abilities.supportVictims) return 'her';
  return null;
}

/**
 * Calling an extraordinary meeting of a joint case: its case managers and partner-contact
 * worker. Awaits `JointCaseAbilities.callMeeting` (MeetingAbilities.callExtraordinary is on a
 * meeting, not on the case's list of meetings).
 */
export function callsMeetings(abilities: Abilities): boolean {
  return abilities.referPerpetrators || abilities.supportVictims;
}

/**
 * The list of programme episodes: the programme's own. The victim side reaches his programme
 * through the partners he named. Awaits `Abilities.viewProgrammes`.
 */
export function listsProgrammes(abilities: Abilities): boolean {
  return abilities.referPerpetrators;
}
