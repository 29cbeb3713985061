import type {
  AgencyKind,
  DirectoryContactPoint,
  DirectoryEntryUpdate,
  DirectoryEntryView,
  DirectoryQuery,
  DirectoryTargetGroup,
} from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { agencyPolicy } from '../../policy/agency.policy.js';

type EntryRow = {
  agency_id: string;
  name: string;
  kind: string;
  region: string;
  approach: string;
  target_groups: string[];
  languages: string[];
  provides_partner_contact: boolean;
  contact_points: unknown;
  listed: boolean;
  updated_at: Date | string;
  in_network: unknown;
};

/** Only the parts of a contact point the directory keeps: a label, a phone, an e-mail. */
const contactPointsOf = (value: unknown): DirectoryContactPoint[] =>
  (Array.isArray(value) ? value : []).map((point: Record<string, unknown>) => ({
    label: String(point.label ?? ''),
    ...(typeof point.phone === 'string' && point.phone !== '' && { phone: point.phone }),
    ...(typeof point.email === 'string' && point.email !== '' && { email: point.email }),
  }));

function toView(scope: CommandScope, row: EntryRow): DirectoryEntryView {
  return {
    agencyId: row.agency_id,
    name: row.name,
    kind: row.kind as AgencyKind,
    region: row.region,
    approach: row.approach,
    targetGroups: row.target_groups as DirectoryTargetGroup[],
    languages: row.languages,
    providesPartnerContact: row.provides_partner_contact,
    contactPoints: contactPointsOf(row.contact_points),
    listed: row.listed,
    inNetwork: row.in_network === true,
    updatedAt: new Date(row.updated_at).toISOString(),
    can: { edit: agencyPolicy.canEditDirectoryEntry(scope.actor, row.agency_id) },
  };
}

/**
 * The service directory (README, "Service directory"): the listed entries every signed-in staff
 * member reads, each marked "in the network" where the service belongs to one of the reader's
 * networks. The policy decides which entries a reader sees (policy/agency.policy.ts).
 */
export async function listDirectory(scope: CommandScope, query: DirectoryQuery) {
  const page = await scope.repos.directory.listEntries(
    {
      ...query,
      partnerContact: query.partnerContact === undefined ? undefined : query.partnerContact === 'true',
    },
    scope.actor.networkIds,
  );
  return { items: page.items.map((row) => toView(scope, row)), nextCursor: page.nextCursor };
}

/**
 * One service's entry. Its own admins (and the system admin) also reach it unlisted, or blank
 * before it is first written; for everyone else an unlisted or missing entry is not found.
 */
export async function directoryEntry(
  scope: CommandScope,
  agencyId: string,
  action = 'directory_entry.read',
): Promise<DirectoryEntryView> {
  const row = await scope.repos.directory.findEntry(agencyId, scope.actor.networkIds);
  if (row) return toView(scope, row);
  const agency = await scope.repos.directory.findAgency(agencyId);
  if (!agency || !agencyPolicy.canEditDirectoryEntry(scope.actor, agencyId))
    throw scope.db.refuse(action, 'directory_entry', agencyId);
  return {
    agencyId,
    name: agency.name,
    kind: agency.kind as AgencyKind,
    region: agency.region ?? '',
    approach: '',
    targetGroups: [],
    languages: [],
    providesPartnerContact: false,
    contactPoints: [],
    listed: false,
    inNetwork: await scope.repos.directory.inAnyNetwork(agencyId, scope.actor.networkIds),
    updatedAt: null,
    can: { edit: true },
  };
}

/** Its own agency admin, or the system admin, writes the whole entry; for anyone else: not found. */
export async function writeDirectoryEntry(
  scope: CommandScope,
  agencyId: string,
  input: DirectoryEntryUpdate,
): Promise<DirectoryEntryView> {
  const agency = await scope.repos.directory.findAgency(agencyId);
  if (!agency || !agencyPolicy.canEditDirectoryEntry(scope.actor, agencyId))
    throw scope.db.refuse('directory_entry.write', 'directory_entry', agencyId);
  await scope.repos.directory.saveEntry(agencyId, {
    region: input.region,
    approach: input.approach,
    target_groups: [...new Set(input.targetGroups)],
    languages: [...new Set(input.languages)],
    provides_partner_contact: input.providesPartnerContact,
    contact_points: JSON.stringify(
      input.contactPoints.map((point) => ({
        label: point.label,
        ...(point.phone ? { phone: point.phone } : {}),
        ...(point.email ? { email: point.email } : {}),
      })),
    ),
    listed: input.listed,
    updated_by: scope.actor.userId,
  });
  return directoryEntry(scope, agencyId, 'directory_entry.write');
}
