import type { JointCaseSummary, JointCaseView } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import type { JointCaseListFilter } from '../../data/repositories/joint-cases.repository.js';
import { caseEventPolicy } from '../../policy/case-event.policy.js';
import { jointCasePolicy } from '../../policy/joint-case.policy.js';
import { meetingPolicy } from '../../policy/meeting.policy.js';
import { findEpisodeView } from '../programme/episode-view.js';
import { type ReadCase, readCase } from './case-reader.service.js';
import { herSideOfCase } from './her-side.js';

type Summary = z.infer<typeof JointCaseSummary>;
type EventView = JointCaseView['events'][number];

/**
 * The case page (docs/domain.md, "Joint case"): each section composed through the scoped
 * handle, so each is exactly what the policy lets this reader see; who the reader is to the
 * case is computed once and passed on.
 */
export async function jointCaseView(
  scope: CommandScope,
  id: string,
  action = 'joint_case.read',
): Promise<JointCaseView> {
  return composeCaseView(scope, await readCase(scope, id, action));
}

export async function composeCaseView(scope: CommandScope, read: ReadCase): Promise<JointCaseView> {
  const { actor, repos } = scope;
  const { row, reader } = read;
  const [perpetratorSide, childIds, events, informal, staff, herSide, sharedItems] = await Promise.all([
    findEpisodeView(scope, row.pp_episode_id, read.episode),
    repos.children.childIdsOf(row.id),
    repos.jointCases.criticalEvents(row.pp_episode_id),
    repos.jointCases.informalContacts(row.id),
    repos.jointCases.staff(
      [row.pp_case_manager_id, row.vss_case_manager_id, row.partner_contact_worker_id].filter(
        (id): id is string => id !== null,
      ),
    ),
    herSideOfCase(scope, read),
    sharesReceived(scope, read),
  ]);
  const children = await repos.people.findMany(childIds);
  const nameOf = (userId: string | null) => staff.find((user) => user.id === userId)?.display_name ?? null;
  const myAccess = jointCasePolicy.sectionsFor(reader);
  scope.audit.record({
    action: 'joint_case.read',
    outcome: 'success',
    resourceType: 'joint_case',
    resourceId: row.id,
    details: { sections: myAccess },
  });
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status as 'open' | 'closed',
    reassessmentDueSince: row.reassessment_due_since
      ? new Date(row.reassessment_due_since).toISOString()
      : null,
    ppCaseManager: nameOf(row.pp_case_manager_id),
    vssCaseManager: nameOf(row.vss_case_manager_id),
    partnerContactWorker: nameOf(row.partner_contact_worker_id),
    agreementId: row.agreement_id,
    myAccess,
    perpetratorSide,
    victimSide: herSide.victimSide,
    children,
    events: events.map(
      (event): EventView => ({
        id: event.id,
        kind: event.kind as EventView['kind'],
        occurredOn: event.occurred_on,
        source: caseEventPolicy.sourceFor(actor, event.source) as EventView['source'],
        description: event.description,
        recordedBySide: event.owner_side,
        trigger: event.trigger_id
          ? {
              triggerId: event.trigger_id,
              facts: (event.trigger_facts ?? {}) as NonNullable<EventView['trigger']>['facts'],
            }
          : null,
      }),
    ),
    informalContacts: informal.map((contact) => ({
      id: contact.id,
      occurredOn: contact.occurred_on,
      withWhom: contact.withWhom,
      summary: contact.description,
      recordedBy: contact.display_name ?? '',
    })),
    sharedItems,
    duties: herSide.duties,
    partnerContacts: herSide.partnerContacts,
    can: {
      ...jointCasePolicy.abilities(actor, reader, row.status as 'open' | 'closed'),
      ...meetingPolicy.caseAbilities(
        actor,
        {
          ppCaseManagerId: row.pp_case_manager_id,
          vssCaseManagerId: row.vss_case_manager_id,
          partnerContactWorkerId: row.partner_contact_worker_id,
        },
        row.status,
      ),
    },
  };
}

/**
 * What was shared of hers with the reader in this case (the policy hides a share whose basis
 * ended). Each is recorded with the basis it rests on: receiving her information is part of
 * her access log (docs/domain.md, information-flow rule 4).
 */
async function sharesReceived(scope: CommandScope, read: ReadCase): Promise<JointCaseView['sharedItems']> {
  const { actor } = scope;
  if (!actor.agencyId) return [];
  const shares = await scope.repos.jointCases.sharesReceived(read.row.id, {
    agencyId: actor.agencyId,
    side: actor.side,
  });
  if (shares.length === 0) return [];
  // Her access log has these reads already (the scoped handle audits each against her, even for a
  // reader that never holds her id); this event adds the basis each share was read on.
  const herId = read.herId;
  for (const share of shares) {
    scope.audit.record({
      action: 'shared_item.read',
      outcome: 'success',
      resourceType: 'shared_item',
      resourceId: share.id,
      ...(herId && { subjectPersonId: herId }),
      basis: { consentId: share.consent_id, agreementId: share.agreement_id, jointCaseId: read.row.id },
    });
  }
  return shares.map((share) => ({
    id: share.id,
    sharedOn: new Date(share.shared_at).toISOString().slice(0, 10),
    content: share.content,
    attribution: jointCasePolicy.attributionOfShare(actor, share.source_protected),
  }));
}

export const summaryOf = (row: {
  id: string;
  case_number: string;
  status: string;
  reassessment_due_since: Date | string | null;
  created_at: Date | string;
}): Summary => ({
  id: row.id,
  caseNumber: row.case_number,
  status: row.status as 'open' | 'closed',
  reassessmentDue: row.reassessment_due_since !== null,
  createdAt: new Date(row.created_at).toISOString(),
});

export async function listJointCases(scope: CommandScope, filter: JointCaseListFilter) {
  const page = await scope.repos.jointCases.list(filter);
  return { items: page.items.map(summaryOf), nextCursor: page.nextCursor };
}
