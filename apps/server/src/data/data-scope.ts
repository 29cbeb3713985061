import type { Kysely } from 'kysely';
import type { AuditRecorder } from '../audit/audit-recorder.js';
import type { Database } from '../db/schema.js';
import type { Actor } from '../policy/actor.js';
import type { FieldCipher } from '../security/field-encryption.js';
import { AccessLogRepository } from './access-log.repository.js';
import { ActionPlanRepository } from './action-plan.repository.js';
import { AgencyRepository } from './agency.repository.js';
import { AgreementRepository } from './agreement.repository.js';
import { AuditRepository } from './audit.repository.js';
import { CaseAccess } from './case-access.repository.js';
import { DutyRepository } from './duty.repository.js';
import { InstrumentRepository } from './instrument.repository.js';
import { JointCaseRepository } from './joint-case.repository.js';
import { MeetingRepository } from './meeting.repository.js';
import { NetworkRepository } from './network.repository.js';
import { PersonRepository } from './person.repository.js';
import { PpEpisodeRepository } from './pp-episode.repository.js';
import type { RepositoryContext } from './repository-context.js';
import { SafetyPlanRepository } from './safety-plan.repository.js';
import { UserRepository } from './user.repository.js';
import { VictimFileRepository } from './victim-file.repository.js';

/**
 * Everything a signed-in user's command can touch, already bound to the actor and the
 * transaction. Services receive this and nothing else, so no query escapes the policy.
 */
export interface DataScope {
  readonly actor: Actor;
  readonly networks: NetworkRepository;
  readonly agencies: AgencyRepository;
  readonly users: UserRepository;
  readonly audit: AuditRepository;
  readonly agreements: AgreementRepository;
  readonly people: PersonRepository;
  readonly ppEpisodes: PpEpisodeRepository;
  readonly victimFiles: VictimFileRepository;
  readonly jointCases: JointCaseRepository;
  readonly duties: DutyRepository;
  readonly accessLog: AccessLogRepository;
  readonly instruments: InstrumentRepository;
  readonly meetings: MeetingRepository;
  readonly actionPlan: ActionPlanRepository;
  readonly safetyPlans: SafetyPlanRepository;
}

export interface DataScopeDependencies {
  cipher: FieldCipher;
  /** Working days a partner-contact worker has to inform her. */
  dutyDueWorkingDays: number;
}

export function createDataScope(
  trx: Kysely<Database>,
  actor: Actor,
  audit: AuditRecorder,
  deps: DataScopeDependencies,
): DataScope {
  const ctx: RepositoryContext = { trx, actor, audit };
  const access = new CaseAccess(trx, audit);
  const people = new PersonRepository(ctx, deps.cipher, access);
  const duties = new DutyRepository(ctx, deps.dutyDueWorkingDays);
  const ppEpisodes = new PpEpisodeRepository(ctx, people, duties, access);
  const victimFiles = new VictimFileRepository(ctx, deps.cipher, people, access);
  return {
    actor,
    networks: new NetworkRepository(ctx),
    agencies: new AgencyRepository(ctx),
    users: new UserRepository(ctx),
    audit: new AuditRepository(ctx),
    agreements: new AgreementRepository(ctx),
    people,
    ppEpisodes,
    victimFiles,
    jointCases: new JointCaseRepository(ctx, deps.cipher, people, ppEpisodes, victimFiles, duties, access),
    duties,
    accessLog: new AccessLogRepository(ctx),
    instruments: new InstrumentRepository(ctx, deps.cipher),
    meetings: new MeetingRepository(ctx, deps.cipher),
    actionPlan: new ActionPlanRepository(ctx),
    safetyPlans: new SafetyPlanRepository(ctx, deps.cipher, victimFiles),
  };
}
