import {
  type AgreedLevelCreate,
  type Answers,
  type DueItem,
  type ImpactView,
  type InformationKind,
  type InstrumentDefinition,
  type JointRiskView,
  levelRank,
  type RecidivismComparison,
  type RecidivismCreate,
  type ResponseCreate,
  type ResponseView,
  type Side,
  scoreInstrument,
  validateAnswers,
} from '@tandem/shared';
import { sql } from 'kysely';
import type { z } from 'zod';
import { AppError, forbidden, invalidInput, notFound } from '../http/errors.js';
import { getDefinition, latestDefinitions } from '../instruments/registry.js';
import { instrumentPolicy, jointCasePolicy } from '../policy/index.js';
import type { FieldCipher } from '../security/field-encryption.js';
import { impactSchedule } from '../services/impact-schedule.js';
import { todayIso } from './case-access.repository.js';
import { ensureNextMeeting } from './meeting.repository.js';
import type { RepositoryContext } from './repository-context.js';
import { rowFilterToSql } from './row-filter-sql.js';

const RISK_CHECKLIST_KIND = 'risk_checklist';
const DEFAULT_REASSESS_DAYS: Record<string, number> = { high: 7, intermediate: 30, low: 60 };
const DUE_SOON_DAYS = 14;

type ResponseRow = {
  id: string;
  instrument_id: string;
  version: number;
  owner_side: string;
  owner_agency_id: string;
  joint_case_id: string | null;
  subject_person_id: string;
  timepoint: string | null;
  completed_on: string;
  answers_enc: string;
  computed_level: string | null;
  computed_score: string | null;
  area_scores: unknown;
  judged_level: string | null;
  judgement_reason_enc: string | null;
};

interface CaseRow {
  id: string;
  case_number: string;
  pp_episode_id: string;
  partner_person_id: string;
  pp_agency_id: string;
  vss_agency_id: string;
  reassessment_due_since: Date | null;
  next_reassessment_on: string | null;
}

const addDays = (isoDate: string, days: number) => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * Instrument responses of a joint case, the joint risk assessment, recidivism by source and
 * the IMPACT schedule. Every read goes through the joint case's policy, and what she said is
 * projected for the perpetrator side by instrumentPolicy.
 */
export class InstrumentRepository {
  constructor(
    private readonly ctx: RepositoryContext,
    private readonly cipher: FieldCipher,
  ) {}

  /** Per joint case of this request: is the reader her own service (the case's VSS, or a service holding her file)? */
  private readonly readerIsHerService = new Map<string, boolean>();

  /**
   * The joint case, if the actor may see it. A further agency of the case (neither his programme
   * nor her service) reads his side only as far as its grants (the agreement and his release) go.
   */
  private async jointCase(id: string, action: string, readKind?: InformationKind): Promise<CaseRow> {
    const row = await this.ctx.trx
      .selectFrom('joint_case')
      .select([
        'id',
        'case_number',
        'pp_episode_id',
        'partner_person_id',
        'pp_agency_id',
        'vss_agency_id',
        'reassessment_due_since',
        'next_reassessment_on',
      ])
      .where('joint_case.id', '=', id)
      .where((eb) => rowFilterToSql(eb, jointCasePolicy.visibleRows(this.ctx.actor)))
      .executeTakeFirst();
    if (!row) {
      this.ctx.audit.record({ action, outcome: 'denied', resourceType: 'joint_case', resourceId: id });
      throw notFound();
    }
    const { actor } = this.ctx;
    const herService =
      actor.side === 'victim' &&
      (actor.agencyId === row.vss_agency_id || (await this.holds(row.partner_person_id, 'victim_core')));
    this.readerIsHerService.set(row.id, herService);
    const hisProgramme = actor.side === 'perpetrator' && actor.agencyId === row.pp_agency_id;
    if (readKind && !herService && !hisProgramme && !(await this.holds(await this.himOf(row), readKind))) {
      this.ctx.audit.record({ action, outcome: 'denied', resourceType: 'joint_case', resourceId: id });
      throw notFound();
    }
    return row;
  }

  private async holds(personId: string, kind: InformationKind): Promise<boolean> {
    if (!this.ctx.actor.agencyId) return false;
    const grant = await this.ctx.trx
      .selectFrom('access_grant')
      .select('kind')
      .where('subject_person_id', '=', personId)
      .where('agency_id', '=', this.ctx.actor.agencyId)
      .where('side', '=', this.ctx.actor.side)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return grant !== undefined;
  }

  private async definition(
    instrumentId: string,
    version: number,
    path = 'instrumentId',
  ): Promise<InstrumentDefinition> {
    const definition = await getDefinition(this.ctx.trx, instrumentId, version);
    if (!definition) throw invalidInput(path, `No instrument ${instrumentId} version ${version}`);
    return definition;
  }

  /** The risk checklist this case is assessed with: the one of its latest checklist, else the newest shipped. */
  private async riskChecklistOf(jointCaseId: string): Promise<InstrumentDefinition> {
    const latest = await this.responsesOf(jointCaseId, RISK_CHECKLIST_KIND)
      .clearOrderBy()
      .orderBy('r.created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest) return this.definition(latest.instrument_id, latest.version);
    const newest = (await latestDefinitions(this.ctx.trx)).find(
      (definition) => definition.kind === RISK_CHECKLIST_KIND,
    );
    if (!newest) throw invalidInput('level', 'No risk checklist is loaded');
    return newest;
  }

  private async herConsentToShareRisk(partnerId: string): Promise<boolean> {
    const consent = await this.ctx.trx
      .selectFrom('consent')
      .select('id')
      .where('person_id', '=', partnerId)
      .where('scope', '=', 'share_risk_information')
      // No recipient = the programme of her joint case; any other agency needs her consent naming it.
      .where((eb) =>
        this.ctx.actor.side === 'perpetrator' || !this.ctx.actor.agencyId
          ? eb('recipient_agency_id', 'is', null)
          : eb('recipient_agency_id', '=', this.ctx.actor.agencyId),
      )
      .where('revoked_on', 'is', null)
      .executeTakeFirst();
    return consent !== undefined;
  }

  async record(input: z.infer<typeof ResponseCreate>): Promise<ResponseView> {
    if (!input.jointCaseId) throw invalidInput('jointCaseId', 'Record instruments within a joint case');
    const jointCase = await this.jointCase(input.jointCaseId, 'instrument.record');
    if (!instrumentPolicy.canRecord(this.ctx.actor)) {
      this.ctx.audit.record({
        action: 'instrument.record',
        outcome: 'denied',
        resourceType: 'joint_case',
        resourceId: jointCase.id,
      });
      throw forbidden();
    }
    const side = this.ctx.actor.side;
    if (input.subject === 'her' && side === 'perpetrator')
      throw invalidInput('subject', 'Her questionnaires are given by the victim side');
    if (input.subject === 'him' && side === 'victim')
      throw invalidInput('subject', 'His questionnaires are given by the programme');
    const definition = await this.definition(input.instrumentId, input.version);
    const problems = validateAnswers(definition, input.answers);
    if (problems.length > 0) {
      throw new AppError(
        400,
        'invalid_input',
        `answers.${problems[0]!.itemId}: ${problems[0]!.message}`,
        problems.map((problem) => ({ path: `answers.${problem.itemId}`, message: problem.message })),
      );
    }
    if (side === 'perpetrator' && Object.values(input.answers).some((answer) => answer.source === 'her')) {
      throw invalidInput('answers', 'The programme does not record what she said: the victim side does');
    }
    const result = scoreInstrument(definition, input.answers);
    if (input.judgedLevel !== undefined && result.level !== null) {
      const problem = instrumentPolicy.judgementProblem(
        levelRank(definition, result.level),
        levelRank(definition, input.judgedLevel),
        input.judgementReason,
      );
      if (problem)
        throw invalidInput(problem.startsWith('No such') ? 'judgedLevel' : 'judgementReason', problem);
    }
    const subjectPersonId =
      input.subject === 'her' ? jointCase.partner_person_id : await this.himOf(jointCase);
    const row = await this.ctx.trx
      .insertInto('instrument_response')
      .values({
        instrument_id: definition.id,
        version: definition.version,
        joint_case_id: jointCase.id,
        pp_episode_id: jointCase.pp_episode_id,
        subject_person_id: subjectPersonId,
        owner_agency_id: this.ctx.actor.agencyId!,
        owner_side: side,
        info_kind: instrumentPolicy.kindOf(side, definition.kind),
        timepoint: input.timepoint ?? null,
        answers_enc: this.cipher.encrypt(JSON.stringify(input.answers)),
        computed_level: result.level,
        computed_score: result.score,
        area_scores: JSON.stringify(result.areaScores),
        tier_counts: JSON.stringify(result.tierCounts),
        judged_level: input.judgedLevel ?? null,
        judgement_reason_enc: input.judgementReason ? this.cipher.encrypt(input.judgementReason) : null,
        completed_on: input.completedOn,
        recorded_by: this.ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'instrument.record',
      outcome: 'success',
      resourceType: 'instrument_response',
      resourceId: row.id,
      subjectPersonId,
      details: {
        instrumentId: definition.id,
        version: definition.version,
        level: result.level,
        judgedLevel: input.judgedLevel ?? null,
      },
    });
    return this.toView(row, definition.kind === RISK_CHECKLIST_KIND ? 'case' : input.subject, true, true);
  }

  private async himOf(jointCase: CaseRow): Promise<string> {
    const episode = await this.ctx.trx
      .selectFrom('pp_episode')
      .select('person_id')
      .where('id', '=', jointCase.pp_episode_id)
      .executeTakeFirstOrThrow();
    return episode.person_id;
  }

  private toView(
    row: ResponseRow,
    subject: ResponseView['subject'],
    herConsent: boolean,
    readerIsHerService: boolean,
  ): ResponseView {
    const view = instrumentPolicy.readerView(
      this.ctx.actor,
      { ownerSide: row.owner_side as Side, ownerAgencyId: row.owner_agency_id },
      readerIsHerService,
    );
    const answers = JSON.parse(this.cipher.decrypt(row.answers_enc)) as Answers;
    const visible = Object.fromEntries(
      Object.entries(answers).map(([itemId, answer]) => [
        itemId,
        view === 'full' ? answer : instrumentPolicy.protectAnswer(answer, herConsent),
      ]),
    );
    return {
      id: row.id,
      instrumentId: row.instrument_id,
      version: row.version,
      side: row.owner_side,
      subject,
      timepoint: row.timepoint,
      completedOn: row.completed_on,
      answers: visible,
      computedLevel: row.computed_level,
      score: row.computed_score === null ? null : Number(row.computed_score),
      areaScores: view === 'full' || herConsent ? ((row.area_scores as Record<string, number>) ?? {}) : {},
      judgedLevel: row.judged_level,
      level: row.judged_level ?? row.computed_level,
      judgementReason:
        view === 'full' && row.judgement_reason_enc ? this.cipher.decrypt(row.judgement_reason_enc) : null,
    };
  }

  private responsesOf(jointCaseId: string, instrumentKind: string) {
    return this.ctx.trx
      .selectFrom('instrument_response as r')
      .innerJoin('instrument_version as v', (join) =>
        join.onRef('v.instrument_id', '=', 'r.instrument_id').onRef('v.version', '=', 'r.version'),
      )
      .selectAll('r')
      .where('r.joint_case_id', '=', jointCaseId)
      .where(sql<boolean>`v.definition->>'kind' = ${instrumentKind}`)
      .orderBy('r.completed_on')
      .orderBy('r.created_at');
  }

  /** Both sides' latest checklists item by item, divergences, the agreed level and its history. */
  async jointRisk(jointCaseId: string): Promise<JointRiskView> {
    const jointCase = await this.jointCase(jointCaseId, 'risk.joint_view', 'risk');
    const rows = await this.responsesOf(jointCaseId, RISK_CHECKLIST_KIND).execute();
    const herConsent = await this.herConsentToShareRisk(jointCase.partner_person_id);
    const herService = this.readerIsHerService.get(jointCaseId) === true;
    const latest = (side: string) => rows.filter((row) => row.owner_side === side).at(-1);
    const pp = latest('perpetrator');
    const vss = latest('victim');
    const ppView = pp ? this.toView(pp, 'case', herConsent, herService) : null;
    const vssView = vss ? this.toView(vss, 'case', herConsent, herService) : null;
    const definition = await this.riskChecklistOf(jointCaseId);
    const items = definition.sections
      .flatMap((section) => section.items)
      .map((item) => {
        const left = ppView?.answers[item.id] ?? null;
        const right = vssView?.answers[item.id] ?? null;
        const known = (answer: typeof left) =>
          answer && !answer.withheld && answer.value !== null && answer.value !== 'unknown';
        return {
          itemId: item.id,
          perpetratorSide: left,
          victimSide: right,
          diverges: Boolean(known(left) && known(right) && left!.value !== right!.value),
        };
      });
    const agreedRows = await this.ctx.trx
      .selectFrom('agreed_risk_level')
      .selectAll()
      .where('joint_case_id', '=', jointCaseId)
      .orderBy('agreed_on')
      .orderBy('created_at')
      .execute();
    const agreed = agreedRows.at(-1);
    const rank = (level: string | null | undefined) => (level ? levelRank(definition, level) : -1);
    const dates = [
      ...new Set([...rows.map((row) => row.completed_on), ...agreedRows.map((row) => row.agreed_on)]),
    ].sort();
    const levelOn = (side: string, date: string) => {
      const row = rows
        .filter((candidate) => candidate.owner_side === side && candidate.completed_on <= date)
        .at(-1);
      return row ? (row.judged_level ?? row.computed_level) : null;
    };
    this.ctx.audit.record({
      action: 'risk.joint_view',
      outcome: 'success',
      resourceType: 'joint_case',
      resourceId: jointCaseId,
      details: { herItemsShared: herConsent },
    });
    return {
      instrumentId: definition.id,
      version: definition.version,
      perpetratorSide: ppView,
      victimSide: vssView,
      items,
      levelsDiverge: Boolean(ppView?.level && vssView?.level && ppView.level !== vssView.level),
      perpetratorSideLower: Boolean(
        ppView?.level && vssView?.level && rank(ppView.level) < rank(vssView.level),
      ),
      agreed: agreed
        ? {
            level: agreed.level,
            rationale: agreed.rationale,
            agreedOn: agreed.agreed_on,
            nextReassessmentOn: agreed.next_reassessment_on,
          }
        : null,
      reassessmentDueSince: jointCase.reassessment_due_since
        ? new Date(jointCase.reassessment_due_since).toISOString()
        : null,
      nextReassessmentOn: jointCase.next_reassessment_on,
      history: dates.map((date) => ({
        date,
        perpetratorSide: levelOn('perpetrator', date),
        victimSide: levelOn('victim', date),
        agreed: agreedRows.filter((row) => row.agreed_on <= date).at(-1)?.level ?? null,
      })),
    };
  }

  /** The case managers' agreed level: it sets the next reassessment date and clears "due now". */
  async agreeLevel(jointCaseId: string, input: z.infer<typeof AgreedLevelCreate>) {
    const jointCase = await this.jointCase(jointCaseId, 'risk.agree');
    const participant = await this.ctx.trx
      .selectFrom('joint_case')
      .select('id')
      .where('id', '=', jointCaseId)
      .where((eb) =>
        eb.or([
          eb('pp_case_manager_id', '=', this.ctx.actor.userId),
          eb('vss_case_manager_id', '=', this.ctx.actor.userId),
        ]),
      )
      .executeTakeFirst();
    if (!participant) {
      this.ctx.audit.record({
        action: 'risk.agree',
        outcome: 'denied',
        resourceType: 'joint_case',
        resourceId: jointCaseId,
      });
      throw forbidden('The case managers of the joint case record the agreed level');
    }
    const definition = await this.riskChecklistOf(jointCaseId);
    const level = (definition.levels ?? []).find((candidate) => candidate.id === input.level);
    if (!level)
      throw invalidInput(
        'level',
        `Choose one of: ${(definition.levels ?? []).map((candidate) => candidate.id).join(', ')}`,
      );
    for (const [path, responseId] of [
      ['ppResponseId', input.ppResponseId],
      ['vssResponseId', input.vssResponseId],
    ] as const) {
      if (!responseId) continue;
      const found = await this.ctx.trx
        .selectFrom('instrument_response')
        .select('id')
        .where('id', '=', responseId)
        .where('joint_case_id', '=', jointCaseId)
        .executeTakeFirst();
      if (!found) throw invalidInput(path, 'No such checklist in this joint case');
    }
    const network = await this.ctx.trx
      .selectFrom('network_membership as m')
      .innerJoin('network as n', 'n.id', 'm.network_id')
      .select('n.reassessment_days')
      .where('m.agency_id', '=', jointCase.pp_agency_id)
      .executeTakeFirst();
    const override = (network?.reassessment_days as Record<string, number> | undefined)?.[level.id];
    const days = override ?? level.reassessDays ?? DEFAULT_REASSESS_DAYS[level.id] ?? 30;
    const nextOn = addDays(input.agreedOn, days);
    const row = await this.ctx.trx
      .insertInto('agreed_risk_level')
      .values({
        joint_case_id: jointCaseId,
        level: level.id,
        rationale: input.rationale,
        pp_response_id: input.ppResponseId ?? null,
        vss_response_id: input.vssResponseId ?? null,
        agreed_on: input.agreedOn,
        next_reassessment_on: nextOn,
        recorded_by: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.ctx.trx
      .updateTable('joint_case')
      .set({ reassessment_due_since: null, next_reassessment_on: nextOn })
      .where('id', '=', jointCaseId)
      .execute();
    this.ctx.audit.record({
      action: 'risk.agree',
      outcome: 'success',
      resourceType: 'agreed_risk_level',
      resourceId: row.id,
      details: { level: level.id, nextOn },
    });
    // A high agreed risk brings the next meeting forward.
    await ensureNextMeeting(this.ctx.trx, this.ctx.audit, jointCaseId);
    return this.jointRisk(jointCaseId);
  }

  async recordRecidivism(jointCaseId: string, input: z.infer<typeof RecidivismCreate>) {
    await this.jointCase(jointCaseId, 'recidivism.record');
    if (!instrumentPolicy.canRecord(this.ctx.actor)) throw forbidden();
    if (input.source === 'her' && this.ctx.actor.side === 'perpetrator') {
      throw invalidInput('source', 'What she reports is recorded by the victim side');
    }
    if (input.source === 'agency' && !input.sourceAgencyId)
      throw invalidInput('sourceAgencyId', 'Name the agency that reported it');
    const row = await this.ctx.trx
      .insertInto('recidivism_episode')
      .values({
        joint_case_id: jointCaseId,
        occurred_on: input.occurredOn,
        forms: input.forms,
        severity: input.severity,
        source: input.source,
        source_agency_id: input.sourceAgencyId ?? null,
        police_involved: input.policeInvolved,
        description_enc: input.description ? this.cipher.encrypt(input.description) : null,
        owner_agency_id: this.ctx.actor.agencyId!,
        owner_side: this.ctx.actor.side,
        recorded_by: this.ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.ctx.audit.record({
      action: 'recidivism.record',
      outcome: 'success',
      resourceType: 'recidivism_episode',
      resourceId: row.id,
      details: { source: input.source },
    });
    return row.id;
  }

  /**
   * What each source reports per period. An episode she or an agency reported, with no report
   * of his in the same period covering one of its forms, is flagged as possible minimisation.
   * The perpetrator side sees her reports only as counts from "other sources", never their details.
   */
  async recidivism(jointCaseId: string, period: 'month' | 'quarter'): Promise<RecidivismComparison> {
    await this.jointCase(jointCaseId, 'recidivism.read', 'recidivism');
    const rows = await this.ctx.trx
      .selectFrom('recidivism_episode')
      .selectAll()
      .where('joint_case_id', '=', jointCaseId)
      .orderBy('occurred_on')
      .execute();
    const periodOf = (date: string) =>
      period === 'month'
        ? date.slice(0, 7)
        : `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    const his = rows.filter((row) => row.source === 'him');
    const minimised = (row: (typeof rows)[number]) =>
      row.source !== 'him' &&
      !his.some(
        (mine) =>
          periodOf(mine.occurred_on) === periodOf(row.occurred_on) &&
          mine.forms.some((form) => row.forms.includes(form)),
      );
    const perpetratorReader = this.ctx.actor.side === 'perpetrator';
    // Her reports stay with her service: every other reader gets them only as counts from other sources.
    const offHerSide = !this.readerIsHerService.get(jointCaseId);
    const periods = [...new Set(rows.map((row) => periodOf(row.occurred_on)))].sort();
    this.ctx.audit.record({
      action: 'recidivism.read',
      outcome: 'success',
      resourceType: 'joint_case',
      resourceId: jointCaseId,
    });
    return {
      period,
      episodes: rows
        .filter((row) => !(offHerSide && row.source === 'her'))
        .map((row) => ({
          id: row.id,
          occurredOn: row.occurred_on,
          forms: row.forms as RecidivismComparison['episodes'][number]['forms'],
          severity: row.severity as 'low' | 'moderate' | 'severe',
          source: row.source as 'him' | 'her' | 'agency',
          policeInvolved: row.police_involved,
          description:
            row.description_enc &&
            !(perpetratorReader && row.owner_side !== 'perpetrator') &&
            !(offHerSide && row.owner_side === 'victim')
              ? this.cipher.decrypt(row.description_enc)
              : null,
          possibleMinimisation: minimised(row),
        })),
      periods: periods.map((name) => {
        const inPeriod = rows.filter((row) => periodOf(row.occurred_on) === name);
        const count = (source: string) => inPeriod.filter((row) => row.source === source).length;
        return {
          period: name,
          him: count('him'),
          her: offHerSide ? null : count('her'),
          agencies: count('agency'),
          otherSources: count('her') + count('agency'),
          possibleMinimisation: inPeriod.some(minimised),
        };
      }),
    };
  }

  async impact(jointCaseId: string): Promise<ImpactView> {
    const jointCase = await this.jointCase(jointCaseId, 'impact.read', 'questionnaires');
    const schedule = await this.scheduleOf(jointCase);
    const rows = await this.responsesOf(jointCaseId, 'questionnaire').execute();
    const herConsent = await this.herConsentToShareRisk(jointCase.partner_person_id);
    // Her questionnaires are hers: off her service, only with her consent naming the reader.
    const offHerSide = !this.readerIsHerService.get(jointCaseId);
    const today = todayIso();
    this.ctx.audit.record({
      action: 'impact.read',
      outcome: 'success',
      resourceType: 'joint_case',
      resourceId: jointCaseId,
    });
    return {
      points: schedule.map((point) => {
        const at = (side: string) =>
          rows.filter((row) => row.owner_side === side && row.timepoint === point.timepoint).at(-1);
        const him = at('perpetrator');
        const her = at('victim');
        const herWithheld = offHerSide && !herConsent;
        const summary = (row: ResponseRow | undefined) =>
          row
            ? {
                responseId: row.id,
                completedOn: row.completed_on,
                score: row.computed_score === null ? null : Number(row.computed_score),
                areaScores: (row.area_scores as Record<string, number>) ?? {},
              }
            : null;
        return {
          timepoint: point.timepoint,
          dueOn: point.dueOn,
          him: summary(him),
          her: herWithheld ? null : summary(her),
          herWithheld,
          due: point.dueOn <= addDays(today, DUE_SOON_DAYS) && (!him || !her),
          overdue: point.dueOn < today && (!him || !her),
        };
      }),
    };
  }

  private async scheduleOf(jointCase: CaseRow) {
    const episode = await this.ctx.trx
      .selectFrom('pp_episode')
      .select(['referral_date', 'intake_date', 'planned_end_date'])
      .where('id', '=', jointCase.pp_episode_id)
      .executeTakeFirstOrThrow();
    const changes = await this.ctx.trx
      .selectFrom('pp_status_change')
      .select(['to_status', 'changed_on'])
      .where('episode_id', '=', jointCase.pp_episode_id)
      .orderBy('created_at')
      .execute();
    const network = await this.ctx.trx
      .selectFrom('network_membership as m')
      .innerJoin('network as n', 'n.id', 'm.network_id')
      .select('n.impact_follow_up_months')
      .where('m.agency_id', '=', jointCase.pp_agency_id)
      .executeTakeFirst();
    return impactSchedule(
      {
        referralDate: episode.referral_date,
        intakeDate: episode.intake_date,
        activeSince: changes.find((change) => change.to_status === 'active')?.changed_on ?? null,
        endedOn:
          changes.find((change) => ['completed', 'dropped_out', 'excluded'].includes(change.to_status))
            ?.changed_on ?? null,
        plannedEndDate: episode.planned_end_date,
      },
      network?.impact_follow_up_months ?? 6,
      todayIso(),
    );
  }

  /** Section B (the children) of each visible checklist over time: how many items were "yes" and "unknown". */
  async sectionOverTime(jointCaseId: string, sectionId: string) {
    const jointCase = await this.jointCase(jointCaseId, 'risk.children', 'risk');
    const herConsent = await this.herConsentToShareRisk(jointCase.partner_person_id);
    const herService = this.readerIsHerService.get(jointCaseId) === true;
    const rows = await this.responsesOf(jointCaseId, RISK_CHECKLIST_KIND).execute();
    const result = [];
    for (const row of rows) {
      const definition = await this.definition(row.instrument_id, row.version);
      const itemIds =
        definition.sections.find((section) => section.id === sectionId)?.items.map((item) => item.id) ?? [];
      const answers = this.toView(row, 'case', herConsent, herService).answers;
      result.push({
        date: row.completed_on,
        side: row.owner_side,
        yesCount: itemIds.filter((id) => answers[id]?.value === 'yes').length,
        unknownCount: itemIds.filter((id) => answers[id]?.value === 'unknown').length,
      });
    }
    return result;
  }

  /** Reassessments and questionnaires due or overdue in the actor's open joint cases. */
  async due(): Promise<DueItem[]> {
    const cases = await this.ctx.trx
      .selectFrom('joint_case')
      .select([
        'id',
        'case_number',
        'pp_episode_id',
        'partner_person_id',
        'pp_agency_id',
        'vss_agency_id',
        'reassessment_due_since',
        'next_reassessment_on',
      ])
      .where('joint_case.status', '=', 'open')
      .where((eb) => rowFilterToSql(eb, jointCasePolicy.visibleRows(this.ctx.actor)))
      .where((eb) =>
        eb.or([
          eb('pp_case_manager_id', '=', this.ctx.actor.userId),
          eb('vss_case_manager_id', '=', this.ctx.actor.userId),
          eb('partner_contact_worker_id', '=', this.ctx.actor.userId),
        ]),
      )
      .limit(200)
      .execute();
    const today = todayIso();
    const items: DueItem[] = [];
    for (const jointCase of cases) {
      const assessed = await this.ctx.trx
        .selectFrom('agreed_risk_level')
        .select('id')
        .where('joint_case_id', '=', jointCase.id)
        .executeTakeFirst();
      if (jointCase.reassessment_due_since) {
        items.push({
          jointCaseId: jointCase.id,
          caseNumber: jointCase.case_number,
          what: 'reassessment',
          timepoint: null,
          dueOn: new Date(jointCase.reassessment_due_since).toISOString().slice(0, 10),
          overdue: true,
          reason: 'critical_event',
        });
      } else if (!assessed) {
        items.push({
          jointCaseId: jointCase.id,
          caseNumber: jointCase.case_number,
          what: 'reassessment',
          timepoint: null,
          dueOn: today,
          overdue: false,
          reason: 'never_assessed',
        });
      } else if (
        jointCase.next_reassessment_on &&
        jointCase.next_reassessment_on <= addDays(today, DUE_SOON_DAYS)
      ) {
        items.push({
          jointCaseId: jointCase.id,
          caseNumber: jointCase.case_number,
          what: 'reassessment',
          timepoint: null,
          dueOn: jointCase.next_reassessment_on,
          overdue: jointCase.next_reassessment_on < today,
          reason: 'scheduled',
        });
      }
      const mySide = this.ctx.actor.side;
      if (mySide === 'neutral') continue;
      const schedule = await this.scheduleOf(jointCase);
      const done = await this.responsesOf(jointCase.id, 'questionnaire')
        .where('r.owner_side', '=', mySide)
        .execute();
      for (const point of schedule) {
        if (point.dueOn > addDays(today, DUE_SOON_DAYS)) continue;
        if (done.some((row) => row.timepoint === point.timepoint)) continue;
        items.push({
          jointCaseId: jointCase.id,
          caseNumber: jointCase.case_number,
          what: mySide === 'perpetrator' ? 'questionnaire_him' : 'questionnaire_her',
          timepoint: point.timepoint,
          dueOn: point.dueOn,
          overdue: point.dueOn < today,
          reason: 'timepoint',
        });
      }
    }
    return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  }
}
