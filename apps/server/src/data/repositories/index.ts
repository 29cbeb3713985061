import type { FieldCipher } from '../../security/field-encryption.js';
import type { ScopedDb } from '../scoped-db.js';
import { ActionsRepository } from './actions.repository.js';
import { AgreedLevelsRepository } from './agreed-levels.repository.js';
import { AgreementsRepository } from './agreements.repository.js';
import { AuditRepository } from './audit.repository.js';
import { ChildrenRepository } from './children.repository.js';
import { ConsultationsRepository } from './consultations.repository.js';
import { DirectoryRepository } from './directory.repository.js';
import { DisclosuresRepository } from './disclosures.repository.js';
import { DutiesRepository } from './duties.repository.js';
import { GrantsRepository } from './grants.repository.js';
import { HisRiskFactorsRepository } from './his-risk-factors.repository.js';
import { JointCasesRepository } from './joint-cases.repository.js';
import { MeetingsRepository } from './meetings.repository.js';
import { PeopleRepository } from './people.repository.js';
import { ProgrammeRepository } from './programme.repository.js';
import { RecidivismRepository } from './recidivism.repository.js';
import { ResponsesRepository } from './responses.repository.js';
import { SafetyPlansRepository } from './safety-plans.repository.js';
import { SeriousHarmRepository } from './serious-harm.repository.js';
import { StaffRepository } from './staff.repository.js';
import { VictimFileRepository } from './victim-file.repository.js';

/**
 * The plain, policy-bound repositories: each one table family, each over the scoped handle only,
 * none calling another. Workflows that span them are services (services/). Built lazily: a
 * command pays only for what it uses.
 */
export interface Repositories {
  readonly people: PeopleRepository;
  readonly programme: ProgrammeRepository;
  readonly victimFile: VictimFileRepository;
  readonly disclosures: DisclosuresRepository;
  readonly seriousHarm: SeriousHarmRepository;
  readonly safetyPlans: SafetyPlansRepository;
  readonly jointCases: JointCasesRepository;
  readonly duties: DutiesRepository;
  readonly grants: GrantsRepository;
  readonly responses: ResponsesRepository;
  readonly hisRiskFactors: HisRiskFactorsRepository;
  readonly agreedLevels: AgreedLevelsRepository;
  readonly consultations: ConsultationsRepository;
  readonly recidivism: RecidivismRepository;
  readonly meetings: MeetingsRepository;
  readonly actions: ActionsRepository;
  readonly children: ChildrenRepository;
  readonly agreements: AgreementsRepository;
  readonly directory: DirectoryRepository;
  readonly staff: StaffRepository;
  readonly audit: AuditRepository;
}

type Factory = { [K in keyof Repositories]: () => Repositories[K] };

export function createRepositories(db: ScopedDb, cipher: FieldCipher): Repositories {
  const factories: Factory = {
    people: () => new PeopleRepository(db, cipher),
    programme: () => new ProgrammeRepository(db, cipher),
    victimFile: () => new VictimFileRepository(db, cipher),
    disclosures: () => new DisclosuresRepository(db, cipher),
    seriousHarm: () => new SeriousHarmRepository(db, cipher),
    safetyPlans: () => new SafetyPlansRepository(db, cipher),
    jointCases: () => new JointCasesRepository(db, cipher),
    duties: () => new DutiesRepository(db, cipher),
    grants: () => new GrantsRepository(db),
    responses: () => new ResponsesRepository(db, cipher),
    hisRiskFactors: () => new HisRiskFactorsRepository(db, cipher),
    agreedLevels: () => new AgreedLevelsRepository(db, cipher),
    consultations: () => new ConsultationsRepository(db, cipher),
    recidivism: () => new RecidivismRepository(db, cipher),
    meetings: () => new MeetingsRepository(db, cipher),
    actions: () => new ActionsRepository(db, cipher),
    children: () => new ChildrenRepository(db, cipher),
    agreements: () => new AgreementsRepository(db),
    directory: () => new DirectoryRepository(db),
    staff: () => new StaffRepository(db),
    audit: () => new AuditRepository(db),
  };
  const built = new Map<keyof Repositories, unknown>();
  return new Proxy({} as Repositories, {
    get(_target, name: keyof Repositories) {
      if (!built.has(name)) {
        const factory = factories[name];
        if (!factory) throw new Error(`No repository ${String(name)}`);
        built.set(name, factory());
      }
      return built.get(name);
    },
  });
}
