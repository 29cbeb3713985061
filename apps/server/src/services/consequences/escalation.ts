import {
  AGENDA_ITEMS,
  type Answers,
  type EscalationTrigger,
  type InstrumentDefinition,
  levelRank,
  SEVERITIES,
} from '@tandem/shared';
import { sql } from 'kysely';
import type { CommandScope } from '../../data/command-scope.js';
import { addDays, addMonths, DEFAULT_TIME_ZONE, dateIn, instantAt } from '../../domain/clock.js';
import { consentInForce } from '../../domain/consent.js';
import { agreedLevelOfCase } from './meeting-schedule.js';
import { markReassessmentDue } from './reassessment.js';
import { type SystemContext, systemContextOf } from './system-context.js';

/**
 * Escalation triggers (docs/domain.md, "Risk management"), as the rules file defines them
 * (rules/escalation-triggers.v1.json). Each trigger that fires, in the command that recorded
 * the fact, raises a critical event naming the trigger and why, makes the reassessment due now
 * and proposes an extraordinary meeting. The facts are read through the system door: a trigger
 * weighs every incident, whoever reported it. Where what made it fire came from her (her report,
 * her service's checklist) and she has not consented to share risk information, the event is
 * held on the victim side, like her disclosures, and sets nothing off that the programme sees:
 * her case manager reads why and decides (information-flow rule 6).
 */

interface TriggerCase {
  id: string;
  ppEpisodeId: string;
  vssAgencyId: string;
}

interface Firing {
  trigger: EscalationTrigger;
  /** `rule` says which condition fired (the web app words the reason from it); the rest are its figures. */
  facts: { rule: 'repeat' | 'frequency' | 'severity' | 'count' } & Record<string, number | string>;
  reason: string;
  fromHer: boolean;
}

/** After a recidivism episode is recorded: repeat incidents, and escalation in frequency or severity. */
export async function checkIncidentTriggers(
  scope: CommandScope,
  jointCase: TriggerCase,
  incident: { id: string; occurredOn: string; severity: string; source: string },
): Promise<number> {
  const system = systemContextOf(scope, 'workflow_consequence');
  const triggers = (await triggersInForce(scope, system, jointCase.id)).filter(
    (trigger) => trigger.kind === 'repeat_incident' || trigger.kind === 'escalating_incidents',
  );
  if (triggers.length === 0) return 0;
  const earlier = await system.db
    .selectFrom('recidivism_episode')
    .select(['id', 'occurred_on', 'severity', 'source'])
    .where('joint_case_id', '=', jointCase.id)
    .where('id', '!=', incident.id)
    .where('occurred_on', '<=', incident.occurredOn)
    .execute();
  const firings: Firing[] = [];
  for (const trigger of triggers) {
    const since = addMonths(incident.occurredOn, -trigger.withinMonths);
    const inWindow = earlier.filter((row) => row.occurred_on >= since);
    const fromHer = (rows: typeof inWindow) =>
      incident.source === 'her' || rows.some((row) => row.source === 'her');
    if (trigger.kind === 'repeat_incident' && inWindow.length > 0) {
      firings.push({
        trigger,
        facts: { rule: 'repeat', earlierIncidents: inWindow.length, withinMonths: trigger.withinMonths },
        reason: `A new incident within ${trigger.withinMonths} months of an earlier one (${inWindow.length} earlier in that time)`,
        fromHer: fromHer(inWindow),
      });
    }
    if (trigger.kind !== 'escalating_incidents') continue;
    const incidents = inWindow.length + 1;
    if (incidents >= trigger.minIncidents) {
      firings.push({
        trigger,
        facts: {
          rule: 'frequency',
          incidents,
          minIncidents: trigger.minIncidents,
          withinMonths: trigger.withinMonths,
        },
        reason: `${incidents} incidents within ${trigger.withinMonths} months (the trigger is ${trigger.minIncidents})`,
        fromHer: fromHer(inWindow),
      });
      continue;
    }
    const rank = (severity: string) => (SEVERITIES as readonly string[]).indexOf(severity);
    const worstBefore = Math.max(-1, ...inWindow.map((row) => rank(row.severity)));
    if (trigger.severityRise && inWindow.length > 0 && rank(incident.severity) > worstBefore) {
      firings.push({
        trigger,
        facts: {
          rule: 'severity',
          severity: incident.severity,
          previousWorst: SEVERITIES[worstBefore] ?? 'none',
          withinMonths: trigger.withinMonths,
        },
        reason: `A ${incident.severity} incident, more severe than every earlier one within ${trigger.withinMonths} months`,
        fromHer: fromHer(inWindow),
      });
    }
  }
  for (const firing of firings)
    await raiseTriggerEvent(scope, system, jointCase, firing, incident.occurredOn);
  return firings.length;
}

/** After a checklist is recorded: the count thresholds the rules set on its instrument. */
export async function checkChecklistTriggers(
  scope: CommandScope,
  jointCase: TriggerCase,
  checklist: { instrumentId: string; answers: Answers; completedOn: string },
): Promise<number> {
  const system = systemContextOf(scope, 'workflow_consequence');
  const triggers = (await triggersInForce(scope, system, jointCase.id)).filter(
    (trigger): trigger is Extract<EscalationTrigger, { kind: 'checklist_count' }> =>
      trigger.kind === 'checklist_count' && trigger.instrumentId === checklist.instrumentId,
  );
  if (triggers.length === 0) return 0;
  let fired = 0;
  for (const trigger of triggers) {
    const count = Object.values(checklist.answers).filter((answer) => answer.value === trigger.answer).length;
    if (count < trigger.atLeast) continue;
    fired += 1;
    await raiseTriggerEvent(
      scope,
      system,
      jointCase,
      {
        trigger,
        facts: {
          rule: 'count',
          count,
          atLeast: trigger.atLeast,
          answer: trigger.answer,
          instrumentId: trigger.instrumentId,
        },
        reason: `${count} items answered "${trigger.answer}" on ${trigger.instrumentId} (the trigger is ${trigger.atLeast})`,
        // Her service's checklist carries what she said.
        fromHer: scope.actor.side === 'victim',
      },
      checklist.completedOn,
    );
  }
  return fired;
}

/**
 * The triggers of the case's network (the programme agency's first, as for its other settings):
 * the network's own where its coordinator tuned them, else the installation's rules file.
 */
async function triggersInForce(
  scope: CommandScope,
  system: SystemContext,
  jointCaseId: string,
): Promise<readonly EscalationTrigger[]> {
  const network = await networkOfCase(system, jointCaseId);
  // Validated by the same schema when the coordinator saved them (services/organisation/networks.service.ts).
  return (
    (network?.escalation_triggers as EscalationTrigger[] | null | undefined) ??
    scope.settings.escalationRules.triggers
  );
}

/** The network of a case: its programme agency's first, as for the agency's other settings. */
function networkOfCase(system: SystemContext, jointCaseId: string) {
  return system.db
    .selectFrom('joint_case as jc')
    .innerJoin('network_membership as nm', 'nm.agency_id', 'jc.pp_agency_id')
    .innerJoin('network as n', 'n.id', 'nm.network_id')
    .select(['n.time_zone', 'n.escalation_triggers'])
    .where('jc.id', '=', jointCaseId)
    .orderBy('nm.joined_at')
    .orderBy('n.id')
    .limit(1)
    .executeTakeFirst();
}

async function raiseTriggerEvent(
  scope: CommandScope,
  system: SystemContext,
  jointCase: TriggerCase,
  firing: Firing,
  occurredOn: string,
): Promise<void> {
  const { partner_person_id: herId } = await system.db
    .selectFrom('joint_case')
    .select('partner_person_id')
    .where('id', '=', jointCase.id)
    .executeTakeFirstOrThrow();
  // What she said reaches the programme only with her consent to share risk information: without
  // it the event, and what it sets off, would tell the programme that she reported something.
  const herSideOnly =
    firing.fromHer && !(herId && (await sharesRiskInformation(system, herId, scope.actor.today)));
  const event = await system.db
    .insertInto('case_event')
    .values({
      episode_id: jointCase.ppEpisodeId,
      joint_case_id: jointCase.id,
      partner_person_id: herSideOnly ? herId : null,
      owner_agency_id: herSideOnly ? jointCase.vssAgencyId : scope.actor.agencyId!,
      owner_side: herSideOnly ? 'victim' : scope.actor.side,
      event_type: 'critical',
      kind: 'escalation',
      occurred_on: occurredOn,
      source: 'professional_observation',
      description_enc: scope.cipher.encrypt(
        herSideOnly
          ? `${firing.reason}. Kept on the victim side (what she reported): her case manager decides on the reassessment and a meeting.`
          : firing.reason,
      ),
      recorded_by: scope.actor.userId,
      trigger_id: firing.trigger.id,
      trigger_facts: JSON.stringify(firing.facts),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  system.audit.record({
    action: 'case_event.trigger',
    outcome: 'success',
    resourceType: 'case_event',
    resourceId: event.id,
    ...(herId && { subjectPersonId: herId }),
    details: {
      jointCaseId: jointCase.id,
      triggerId: firing.trigger.id,
      facts: firing.facts,
      victimSideOnly: herSideOnly,
    },
  });
  if (herSideOnly) return;
  await markReassessmentDue(system, jointCase.ppEpisodeId);
  await proposeExtraordinaryMeeting(system, jointCase.id, event.id);
}

async function sharesRiskInformation(system: SystemContext, herId: string, today: string) {
  const consents = await system.db
    .selectFrom('consent')
    .select(['given_on', 'revoked_on'])
    .where('person_id', '=', herId)
    .where('scope', '=', 'share_risk_information')
    .where('recipient_agency_id', 'is', null)
    .execute();
  return consents.some((consent) =>
    consentInForce({ givenOn: consent.given_on, revokedOn: consent.revoked_on }, today),
  );
}

/**
 * After a critical event recorded by hand: where the agreed risk of an open joint case of the
 * episode is high or above, an extraordinary meeting is proposed.
 */
export async function proposeMeetingsAtHighRisk(
  scope: CommandScope,
  episodeId: string,
  eventId: string,
): Promise<void> {
  const system = systemContextOf(scope, 'workflow_consequence');
  const cases = await system.db
    .selectFrom('joint_case as jc')
    .select(['jc.id'])
    .select((eb) => agreedLevelOfCase(eb))
    .where('jc.pp_episode_id', '=', episodeId)
    .where('jc.status', '=', 'open')
    .execute();
  for (const row of cases) {
    if (!row.agreed_level) continue;
    const definition = await riskDefinitionOf(system, row.id);
    if (definition && isHighOrAbove(definition, row.agreed_level))
      await proposeExtraordinaryMeeting(system, row.id, eventId);
  }
}

/** "High or higher": at or above the level called high, or the top level where none is. */
export function isHighOrAbove(definition: InstrumentDefinition, levelId: string): boolean {
  const levels = definition.levels ?? [];
  const high = levels.findIndex((level) => level.id === 'high');
  const rank = levelRank(definition, levelId);
  return rank >= 0 && rank >= (high >= 0 ? high : levels.length - 1);
}

/** The checklist the case is assessed with (its newest response's version), else the newest loaded. */
async function riskDefinitionOf(system: SystemContext, jointCaseId: string) {
  const response = await system.db
    .selectFrom('instrument_response')
    .select(['instrument_id', 'version'])
    .where('joint_case_id', '=', jointCaseId)
    .where('instrument_kind', '=', 'risk_checklist')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row = await system.db
    .selectFrom('instrument_version')
    .select('definition')
    .$if(response !== undefined, (qb) =>
      qb.where('instrument_id', '=', response!.instrument_id).where('version', '=', response!.version),
    )
    .$if(response === undefined, (qb) =>
      qb.where(sql<boolean>`definition->>'kind' = 'risk_checklist'`).orderBy('version', 'desc'),
    )
    .limit(1)
    .executeTakeFirst();
  return row ? (row.definition as InstrumentDefinition) : null;
}

/**
 * An extraordinary meeting proposed by the system (MARAC practice): the case managers accept it
 * with a date, or decline it. One proposal waits per case; it suggests the next day, 09:00 in
 * the network's zone.
 */
export async function proposeExtraordinaryMeeting(
  system: SystemContext,
  jointCaseId: string,
  triggerEventId: string,
): Promise<string | null> {
  const timeZone = (await networkOfCase(system, jointCaseId))?.time_zone ?? DEFAULT_TIME_ZONE;
  const tomorrow = addDays(dateIn(timeZone, system.clock.now()), 1);
  const row = await system.db
    .insertInto('case_meeting')
    .values({
      joint_case_id: jointCaseId,
      kind: 'extraordinary',
      mode: 'in_person',
      status: 'proposed',
      scheduled_for: instantAt(timeZone, tomorrow, 9),
      time_zone: timeZone,
      trigger_event_id: triggerEventId,
      created_by: null,
    })
    .onConflict((oc) => oc.column('joint_case_id').where('status', '=', sql.lit('proposed')).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await system.db
    .insertInto('meeting_agenda_item')
    .values(AGENDA_ITEMS.map((item, position) => ({ meeting_id: row.id, item, position })))
    .execute();
  system.audit.record({
    action: 'meeting.propose',
    outcome: 'success',
    resourceType: 'case_meeting',
    resourceId: row.id,
    details: { jointCaseId, triggerEventId },
  });
  return row.id;
}
