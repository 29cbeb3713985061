import { type I18nText, LANGUAGES, type Language, type LevelAction } from '@tandem/shared';
import { sql } from 'kysely';
import type { CommandScope } from '../../data/command-scope.js';
import { addDays } from '../../domain/clock.js';
import { latestDefinitionOf } from '../../instruments/registry.js';
import type { InstrumentCase } from '../instruments/case-of-instrument.js';
import { systemContextOf } from './system-context.js';

/** The need a proposed row answers, in the language of the case manager who agreed the level. */
const NEED: Record<Language, string> = {
  en: 'Agreed risk level: {level}',
  it: 'Livello di rischio concordato: {level}',
  es: 'Nivel de riesgo acordado: {level}',
  el: 'Συμφωνημένο επίπεδο κινδύνου: {level}',
  bg: 'Договорено ниво на риск: {level}',
};

const OPEN_STATES = ['open', 'in_progress'] as const;

/** The key a proposed row keeps of its level action: one open row per key and case. */
export const levelActionKey = (levelId: string, actionId: string) => `${levelId}.${actionId}`;

/**
 * Risk management, not only assessment (docs/domain.md, "Risk management"): once a level is in
 * force, each action the network expects at it becomes a row of the joint action plan, unless
 * the row a previous agreement proposed is still open. The actions are those of the newest
 * loaded version of the instrument (what the network expects today), for the level agreed
 * under whichever version the case's checklists used: the level's meaning is the version's,
 * the practice is the network's current one.
 *
 * Written through the system door: her own safety measures (victim side only) are proposed
 * whoever agreed the level, and the programme may neither write nor see them. The texts are the
 * definition's fixed texts — nothing about her is put into a row the programme reads.
 */
export async function proposeLevelActions(
  scope: CommandScope,
  jointCase: InstrumentCase,
  agreed: { instrumentId: string; levelId: string; agreedLevelId: string; agreedOn: string },
): Promise<number> {
  const level = (await latestDefinitionOf(scope.db.query, agreed.instrumentId))?.levels?.find(
    (candidate) => candidate.id === agreed.levelId,
  );
  const actions = level?.actions ?? [];
  if (!level || actions.length === 0) return 0;
  const system = systemContextOf(scope, 'workflow_consequence');
  const { actor } = scope;
  const facts = await system.db
    .selectFrom('joint_case as jc')
    .innerJoin('app_user as u', (join) => join.on('u.id', '=', actor.userId))
    .select(['jc.partner_person_id', 'u.language'])
    .where('jc.id', '=', jointCase.id)
    .executeTakeFirstOrThrow();
  const language = (LANGUAGES as readonly string[]).includes(facts.language)
    ? (facts.language as Language)
    : 'en';
  const open = new Set(
    (
      await system.db
        .selectFrom('action_item')
        .select('level_action_key')
        .where('joint_case_id', '=', jointCase.id)
        .where('level_action_key', 'is not', null)
        .where('status', 'in', OPEN_STATES)
        .execute()
    ).map((row) => row.level_action_key),
  );
  const need = NEED[language].replace('{level}', textIn(level.label, language));
  let proposed = 0;
  for (const action of actions) {
    const key = levelActionKey(level.id, action.id);
    if (open.has(key)) continue;
    const responsible = responsibleFor(action, jointCase, actor);
    const row = await system.db
      .insertInto('action_item')
      .values({
        joint_case_id: jointCase.id,
        need_enc: scope.cipher.encrypt(need),
        action_enc: scope.cipher.encrypt(textIn(action.text, language)),
        term: termOf(action, agreed.agreedOn),
        responsible_agency_id: responsible.agencyId,
        responsible_user_id: responsible.userId,
        victim_side_only: action.victimSideOnly,
        owner_side: responsible.side,
        created_by: actor.userId,
        level_action_key: key,
        agreed_level_id: agreed.agreedLevelId,
      })
      // Two agreements at once: the partial unique index keeps one open row per key.
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
      ...(facts.partner_person_id && { subjectPersonId: facts.partner_person_id }),
      details: {
        jointCaseId: jointCase.id,
        levelActionKey: key,
        agreedLevelId: agreed.agreedLevelId,
        victimSideOnly: action.victimSideOnly,
      },
    });
  }
  return proposed;
}

/** Her service's case manager, his programme's, or whoever agreed the level. */
function responsibleFor(
  action: LevelAction,
  jointCase: InstrumentCase,
  actor: CommandScope['actor'],
): { agencyId: string; userId: string; side: string } {
  if (action.responsible === 'victim_side')
    return { agencyId: jointCase.vssAgencyId, userId: jointCase.vssCaseManagerId, side: 'victim' };
  if (action.responsible === 'programme')
    return { agencyId: jointCase.ppAgencyId, userId: jointCase.ppCaseManagerId, side: 'perpetrator' };
  return { agencyId: actor.agencyId!, userId: actor.userId, side: actor.side };
}

/** The term: so many days after the agreement, or the day so many hours after its day began. */
function termOf(action: LevelAction, agreedOn: string): string {
  return 'days' in action.due
    ? addDays(agreedOn, action.due.days)
    : addDays(agreedOn, Math.floor(action.due.hours / 24));
}

const textIn = (text: I18nText, language: Language): string => text[language] || text.en;
