import type { AgreementCreate, AgreementView } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { forbidden, invalidInput } from '../../domain/errors.js';
import { agreementPolicy } from '../../policy/agreement.policy.js';

type AgreementRow = NonNullable<Awaited<ReturnType<CommandScope['repos']['agreements']['find']>>>;
type PartyRow = Awaited<ReturnType<CommandScope['repos']['agreements']['partiesOf']>>[number];
type Receivable = AgreementView['parties'][number]['receives'][number];

const toView = (row: AgreementRow, parties: readonly PartyRow[]): AgreementView => ({
  id: row.id,
  level: row.level as AgreementView['level'],
  networkId: row.network_id,
  jointCaseId: row.joint_case_id,
  title: row.title,
  legislativeFramework: row.legislative_framework,
  principles: row.principles,
  scope: row.scope,
  objectives: row.objectives,
  commitments: row.commitments,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  parties: parties
    .filter((party) => party.agreement_id === row.id)
    .map((party) => ({
      agencyId: party.agency_id,
      signatoryName: party.signatory_name,
      signedOn: party.signed_on,
      receives: party.receives as Receivable[],
    })),
});

/**
 * Multi-Agency Standard Agreements at organisation level, recorded by the network coordinator
 * between agencies of the network (docs/domain.md, "Beyond single cases"). Case-level
 * agreements are made when the joint case is opened.
 */
export async function createAgreement(
  scope: CommandScope,
  input: z.infer<typeof AgreementCreate>,
): Promise<AgreementView> {
  if (input.level !== 'organisation' || !input.networkId)
    throw invalidInput('level', 'Case-level agreements are made when the joint case is opened');
  if (!agreementPolicy.canRecordForNetwork(scope.actor, input.networkId)) {
    scope.db.refuse('agreement.create', 'agreement');
    throw forbidden('The network coordinator records agreements for their network');
  }
  await assertNetworkAgencies(
    scope,
    input.networkId,
    input.parties.map((party) => party.agencyId),
    (index) => `parties.${index}.agencyId`,
  );
  const id = await scope.repos.agreements.insert({
    level: 'organisation',
    network_id: input.networkId,
    title: input.title,
    legislative_framework: input.legislativeFramework ?? null,
    principles: input.principles ?? null,
    scope: input.scope ?? null,
    objectives: input.objectives ?? null,
    commitments: input.commitments ?? null,
    valid_from: input.validFrom,
    valid_to: input.validTo ?? null,
    created_by: scope.actor.userId,
  });
  await scope.repos.agreements.insertParties(
    input.parties.map((party) => ({
      agreement_id: id,
      agency_id: party.agencyId,
      signatory_name: party.signatoryName,
      signed_on: party.signedOn,
      receives: party.receives,
    })),
  );
  return agreementView(scope, id);
}

export async function agreementView(scope: CommandScope, id: string): Promise<AgreementView> {
  const row = await scope.repos.agreements.find(id);
  if (!row) throw scope.db.refuse('agreement.read', 'agreement', id);
  return toView(row, await scope.repos.agreements.partiesOf([id]));
}

export async function listAgreements(
  scope: CommandScope,
  query: { networkId?: string | undefined; limit: number },
) {
  const rows = await scope.repos.agreements.list(query);
  const parties = await scope.repos.agreements.partiesOf(rows.map((row) => row.id));
  return { items: rows.map((row) => toView(row, parties)), nextCursor: null };
}

/** Every agency named must be a member of the network; the first that is not is named by its place. */
export async function assertNetworkAgencies(
  scope: CommandScope,
  networkId: string,
  agencyIds: readonly string[],
  pathOf: (index: number) => string,
): Promise<void> {
  const members = await scope.repos.directory.memberAgencyIds(networkId);
  const index = agencyIds.findIndex((agencyId) => !members.has(agencyId));
  if (index >= 0) throw invalidInput(pathOf(index), 'This agency is not in the network');
}
