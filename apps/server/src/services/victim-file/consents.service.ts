import {
  type ConsentCreate,
  type ConsentRevoke,
  type ConsentScope,
  type ConsentsCreate,
  type ConsentView,
  RECIPIENT_CONSENT_SCOPES,
} from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import type { ConsentRecord } from '../../data/repositories/victim-file.repository.js';
import { consentInForce } from '../../domain/consent.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import { victimFilePolicy } from '../../policy/victim-file.policy.js';
import { recomputeGrantsForPartner } from '../consequences/access-grants.js';
import { systemContextOf } from '../consequences/system-context.js';
import { workableFile } from './her-file.js';

/**
 * Her consent (docs/domain.md, information-flow rule 4): per scope and recipient, dated and
 * revocable. What rests on it — the access grants — is rewritten in the same transaction as the
 * consent is given or revoked, so a revocation takes effect at once.
 */

export const toConsentView = (consent: ConsentRecord): ConsentView => ({
  id: consent.id,
  scope: consent.scope,
  recipientAgencyId: consent.recipientAgencyId,
  givenOn: consent.givenOn,
  revokedOn: consent.revokedOn,
  note: consent.note,
});

export async function giveConsent(
  scope: CommandScope,
  personId: string,
  input: z.infer<typeof ConsentCreate>,
): Promise<ConsentView> {
  const [consent] = await recordConsents(
    scope,
    personId,
    [{ scope: input.scope, recipientAgencyId: input.recipientAgencyId ?? null }],
    input,
  );
  return consent!;
}

/** Several scopes she agreed to in one conversation: one consent each, in one transaction. */
export async function giveConsents(
  scope: CommandScope,
  personId: string,
  input: z.infer<typeof ConsentsCreate>,
): Promise<{ items: ConsentView[] }> {
  const consents = input.scopes.map((consentScope) => ({
    scope: consentScope,
    recipientAgencyId: RECIPIENT_CONSENT_SCOPES.includes(consentScope)
      ? (input.recipientAgencyId ?? null)
      : null,
  }));
  return { items: await recordConsents(scope, personId, consents, input) };
}

async function recordConsents(
  scope: CommandScope,
  personId: string,
  consents: ReadonlyArray<{ scope: ConsentScope; recipientAgencyId: string | null }>,
  given: { givenOn: string; note?: string | undefined; recipientAgencyId?: string | undefined },
): Promise<ConsentView[]> {
  const file = await workableFile(scope, personId, 'consent.give');
  if (given.recipientAgencyId && !(await scope.repos.directory.agencyKind(given.recipientAgencyId)))
    throw invalidInput('recipientAgencyId', 'No such agency');
  const recorded: ConsentView[] = [];
  for (const consent of consents) {
    const row = await scope.repos.victimFile.insertConsent({
      personId,
      ownerAgencyId: file.her.ownerAgencyId,
      scope: consent.scope,
      recipientAgencyId: consent.recipientAgencyId,
      givenOn: given.givenOn,
      note: given.note ?? null,
    });
    recorded.push(toConsentView(row));
  }
  // What rests on her consents is rewritten once, after all of them.
  await recomputeGrantsForPartner(systemContextOf(scope, 'grant_computation'), personId);
  return recorded;
}

/** Revocation takes effect at once, whatever date it carries: the grants that rested on it go now. */
export async function revokeConsent(
  scope: CommandScope,
  consentId: string,
  input: z.infer<typeof ConsentRevoke>,
): Promise<ConsentView> {
  const consent = await scope.repos.victimFile.consent(consentId);
  if (
    !consent ||
    !victimFilePolicy.canWorkOn(scope.actor, { kind: 'partner', ownerAgencyId: consent.ownerAgencyId })
  ) {
    throw scope.db.refuse('consent.revoke', 'consent', consentId);
  }
  const alreadyRevoked = () => new AppError(409, 'already_revoked', 'This consent is already revoked');
  if (consent.revokedOn) throw alreadyRevoked();
  const revoked = await scope.repos.victimFile.revokeConsent(
    consentId,
    input.revokedOn,
    input.note,
    consent.scope,
  );
  if (!revoked) throw alreadyRevoked();
  await recomputeGrantsForPartner(systemContextOf(scope, 'grant_computation'), consent.personId);
  return toConsentView(revoked);
}

/**
 * Her consent in force today for one scope and recipient (null = the programme of her joint
 * case), or null. Read through the actor's policy: for anyone who may not read her consents the
 * answer is null. The one rule of "in force" is domain/consent.ts: a consent dated in the future
 * is not yet in force, a revoked one no longer is.
 */
export async function herConsentInForce(
  scope: CommandScope,
  personId: string,
  consentScope: ConsentScope,
  recipientAgencyId: string | null,
): Promise<ConsentRecord | null> {
  const consents = await scope.repos.victimFile.consentsFor(personId, consentScope, recipientAgencyId);
  return consents.find((consent) => consentInForce(consent, scope.actor.today)) ?? null;
}
