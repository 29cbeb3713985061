import {
  type Answers,
  answerRaises,
  type I18nText,
  type InstrumentDefinition,
  LANGUAGES,
  type Language,
  type RaisedConsequence,
} from '@tandem/shared';
import { sql } from 'kysely';
import type { CommandScope } from '../../data/command-scope.js';
import { addDays } from '../../domain/clock.js';
import type { InstrumentCase } from '../instruments/case-of-instrument.js';
import { proposeExtraordinaryMeeting } from './escalation.js';
import { markReassessmentDue } from './reassessment.js';
import { type SystemContext, systemContextOf } from './system-context.js';

/** The kind of the critical event an answer about his risk raises (never recorded by hand). */
export const HIS_RISK_FACTOR_EVENT = 'his_risk_factor';

/** The key of a proposed row: one open row per instrument action and case (as for level actions). */
export const raisedActionKey = (instrumentId: string, actionId: string) => `${instrumentId}.${actionId}`;

const NEED: Record<Language, string> = {
  en: 'His risk factors: {item}',
  it: 'I suoi fattori di rischio: {item}',
  es: 'Sus factores de riesgo: {item}',
  el: 'Οι δικοί του παράγοντες κινδύνου: {item}',
  bg: 'Неговите рискови фактори: {item}',
};

const OPEN_STATES = ['open', 'in_progress'] as const;

interface Fired {
  itemId: string;
  itemText: I18nText;
  sectionId: string;
  consequence: RaisedConsequence;
}

/**
 * What the answers about him set off (each item's `raises`, instruments/raises.ts), in the
 * command that recorded them: the programme's actions as rows of the joint action plan, and —
 * where his suicidality or weapons raise the risk to her and the children — a critical event on
 * his episode that the victim side reads, which makes the joint reassessment due and proposes an
 * extraordinary meeting. Nothing about her is read or written: the programme gave every answer.
 * Never twice while open: a row whose earlier one is still open, an event of the same section
 * while no level has been agreed since the earlier one.
 */
export async function runRaisedConsequences(
  scope: CommandScope,
  jointCase: InstrumentCase,
  definition: InstrumentDefinition,
  response: { answers: Answers; completedOn: string },
): Promise<{ actions: number; events: number }> {
  const fired: Fired[] = definition.sections.flatMap((section) =>
    section.items.flatMap((item) =>
      item.raises && answerRaises(item.raises, response.answers[item.id]?.value)
        ? item.raises.consequences.map((consequence) => ({
            itemId: item.id,
            itemText: item.text,
            sectionId: section.id,
            consequence,
          }))
        : [],
    ),
  );
  if (fired.length === 0) return { actions: 0, events: 0 };
  const system = systemContextOf(scope, 'workflow_consequence');
  const language = await languageOf(system, scope.actor.userId);
  const actions = await proposeActions(scope, system, jointCase, definition.id, fired, language, response);
  const events = await raiseEvents(scope, system, jointCase, definition.id, fired, language, response);
  return { actions, events };
}

async function proposeActions(
  scope: CommandScope,
  system: SystemContext,
  jointCase: InstrumentCase,
  instrumentId: string,
  fired: readonly Fired[],
  language: Language,
  response: { completedOn: string },
): Promise<number> {
  const parties = await partyKindsOf(system, jointCase.id);
  const open = new Set(
    (
      await system.db
        .selectFrom('action_item')
        .select('level_action_key')
        .where('joint_case_id', '=', jointCase.id)
        .where('level_action_key', 'like', `${instrumentId}.%`)
        .where('status', 'in', OPEN_STATES)
        .execute()
    ).map((row) => row.level_action_key),
  );
  let proposed = 0;
  for (const { consequence, itemId, itemText } of fired) {
    if (consequence.kind !== 'programme_action') continue;
    if (consequence.onlyWhereParty && !parties.has(consequence.onlyWhereParty)) continue;
    const key = raisedActionKey(instrumentId, consequence.id);
    if (open.has(key)) continue;
    open.add(key);
    const row = await system.db
      .insertInto('action_item')
      .values({
        joint_case_id: jointCase.id,
        need_enc: scope.cipher.encrypt(NEED[language].replace('{item}', textIn(itemText, language))),
        action_enc: scope.cipher.encrypt(textIn(consequence.text, language)),
        term:
          'days' in consequence.due
            ? addDays(response.completedOn, consequence.due.days)
            : addDays(response.completedOn, Math.floor(consequence.due.hours / 24)),
        responsible_agency_id: jointCase.ppAgencyId,
        responsible_user_id: jointCase.ppCaseManagerId,
        victim_side_only: false,
        owner_side: 'perpetrator',
        created_by: scope.actor.userId,
        level_action_key: key,
      })
      // Two recordings at once: the partial unique index keeps one open row per key.
      .onConflict((oc) =>
        oc
          .columns(['joint_case_id', 'level_action_key'])
          .where(sql<boolean>`level_action_key IS NOT NULL AND status IN ('open', 'in_progress')`)
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    if (!row) continue;
    proposed += 1;
    system.audit.record({
      action: 'action.propose',
      outcome: 'success',
      resourceType: 'action_item',
      resourceId: row.id,
      details: { jointCaseId: jointCase.id, raisedBy: `${instrumentId}.${itemId}`, levelActionKey: key },
    });
  }
  return proposed;
}

async function raiseEvents(
  scope: CommandScope,
  system: SystemContext,
  jointCase: InstrumentCase,
  instrumentId: string,
  fired: readonly Fired[],
  language: Language,
  response: { completedOn: string },
): Promise<number> {
  // One event per section (a plan and an attempt are one suicide risk), naming the items that raised it.
  const bySection = new Map<string, { reason: I18nText; items: string[] }>();
  for (const { consequence, sectionId, itemId } of fired) {
    if (consequence.kind !== 'critical_event') continue;
    const entry = bySection.get(sectionId) ?? { reason: consequence.reason, items: [] };
    entry.items.push(itemId);
    bySection.set(sectionId, entry);
  }
  let raised = 0;
  for (const [sectionId, { reason, items }] of bySection) {
    const triggerId = `${instrumentId}.${sectionId}`;
    if (await openEventOf(system, jointCase.id, triggerId)) continue;
    const event = await system.db
      .insertInto('case_event')
      .values({
        episode_id: jointCase.ppEpisodeId,
        joint_case_id: jointCase.id,
        // About him, from his programme: it reaches the victim side as his safety information does.
        partner_person_id: null,
        owner_agency_id: scope.actor.agencyId!,
        owner_side: scope.actor.side,
        event_type: 'critical',
        kind: HIS_RISK_FACTOR_EVENT,
        occurred_on: response.completedOn,
        source: 'professional_observation',
        description_enc: scope.cipher.encrypt(textIn(reason, language)),
        recorded_by: scope.actor.userId,
        trigger_id: triggerId,
        trigger_facts: JSON.stringify({
          rule: 'raises',
          instrumentId,
          section: sectionId,
          items: items.join(','),
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    raised += 1;
    system.audit.record({
      action: 'case_event.trigger',
      outcome: 'success',
      resourceType: 'case_event',
      resourceId: event.id,
      details: { jointCaseId: jointCase.id, triggerId, items },
    });
    await markReassessmentDue(system, jointCase.ppEpisodeId);
    await proposeExtraordinaryMeeting(system, jointCase.id, event.id);
  }
  return raised;
}

/** An earlier event of this trigger is open while no level has been agreed for the case since it. */
async function openEventOf(system: SystemContext, jointCaseId: string, triggerId: string) {
  const row = await system.db
    .selectFrom('case_event as ce')
    .select('ce.id')
    .where('ce.joint_case_id', '=', jointCaseId)
    .where('ce.kind', '=', HIS_RISK_FACTOR_EVENT)
    .where('ce.trigger_id', '=', triggerId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('agreed_risk_level as a')
            .select('a.id')
            .whereRef('a.joint_case_id', '=', 'ce.joint_case_id')
            .whereRef('a.created_at', '>', 'ce.created_at'),
        ),
      ),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The kinds of the agencies that are parties of the case's case-level agreement. */
async function partyKindsOf(system: SystemContext, jointCaseId: string): Promise<Set<string>> {
  const rows = await system.db
    .selectFrom('agreement as ag')
    .innerJoin('agreement_party as p', 'p.agreement_id', 'ag.id')
    .innerJoin('agency as a', 'a.id', 'p.agency_id')
    .select('a.kind')
    .where('ag.level', '=', 'case')
    .where('ag.joint_case_id', '=', jointCaseId)
    .execute();
  return new Set(rows.map((row) => row.kind));
}

async function languageOf(system: SystemContext, userId: string): Promise<Language> {
  const row = await system.db
    .selectFrom('app_user')
    .select('language')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row && (LANGUAGES as readonly string[]).includes(row.language) ? (row.language as Language) : 'en';
}

const textIn = (text: I18nText, language: Language): string => text[language] || text.en;
