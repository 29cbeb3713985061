import {
  AGENCY_KIND_SIDES,
  type Created,
  type DisclosureCreate,
  type ShareCreate,
  type Side,
} from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { consentInForce } from '../../domain/consent.js';
import { AppError, invalidInput } from '../../domain/errors.js';
import { inForceOn } from '../../policy/row-filter.js';
import { victimFilePolicy } from '../../policy/victim-file.policy.js';
import { herConsentInForce } from './consents.service.js';
import { workableFile } from './her-file.js';

type Answer = z.infer<typeof Created>;

/** Something she disclosed: it stays on the victim side unless she consents to its sharing. */
export async function recordDisclosure(
  scope: CommandScope,
  personId: string,
  input: z.infer<typeof DisclosureCreate>,
): Promise<Answer> {
  const file = await workableFile(scope, personId, 'disclosure.record');
  const id = await scope.repos.disclosures.insertDisclosure({
    personId,
    ownerAgencyId: file.her.ownerAgencyId,
    disclosedOn: input.disclosedOn,
    content: input.content,
  });
  return { id };
}

/**
 * Shares something she disclosed with the programme of her joint case or an agency party to
 * its case-level agreement (docs/domain.md, information-flow rule 4). A share rests on three
 * things, each named on the shared item so the policy hides it the moment one ends: her consent
 * to share her disclosures with that recipient, the case-level agreement in force, and the joint
 * case open on her consent to it. By default source-protected: the recipient sees the content,
 * not that it came from her.
 */
export async function shareDisclosure(
  scope: CommandScope,
  disclosureId: string,
  input: z.infer<typeof ShareCreate>,
): Promise<Answer> {
  const { actor, repos } = scope;
  const disclosure = await repos.disclosures.disclosure(disclosureId);
  if (
    !disclosure ||
    !victimFilePolicy.canShareFrom(actor, { kind: 'partner', ownerAgencyId: disclosure.owner_agency_id })
  ) {
    throw scope.db.refuse('disclosure.share', 'disclosure', disclosureId);
  }
  const personId = disclosure.person_id;
  const refuse = (
    code: 'no_basis' | 'no_consent',
    message: string,
    field: { path: string; message: string },
  ) => {
    scope.audit.record({
      action: 'disclosure.share',
      outcome: 'denied',
      resourceType: 'disclosure',
      resourceId: disclosureId,
      subjectPersonId: personId,
      details: { reason: code },
    });
    return new AppError(409, code, message, [field]);
  };

  const jointCase = await repos.disclosures.shareBasis(input.jointCaseId, personId);
  if (!jointCase || jointCase.status !== 'open')
    throw invalidInput('jointCaseId', 'Share within her open joint case');
  const caseConsentInForce =
    jointCase.consent_id !== null &&
    jointCase.consent_given_on !== null &&
    consentInForce(
      { givenOn: jointCase.consent_given_on, revokedOn: jointCase.consent_revoked_on },
      actor.today,
    );
  if (!inForceOn(actor.today, jointCase.valid_from, jointCase.valid_to) || !caseConsentInForce) {
    throw refuse(
      'no_basis',
      'The joint case no longer has a basis for sharing: its agreement is not in force or she revoked her consent to it',
      {
        path: 'jointCaseId',
        message: 'Renew the case-level agreement or her consent to the joint case first',
      },
    );
  }

  const recipientAgencyId = input.recipientAgencyId ?? jointCase.pp_agency_id;
  let recipientSide: Side = 'perpetrator';
  if (input.recipientAgencyId) {
    if (!(await repos.disclosures.isAgreementParty(jointCase.agreement_id, input.recipientAgencyId)))
      throw invalidInput('recipientAgencyId', 'That agency is not party to the case agreement');
    recipientSide = await furtherAgencySide(scope, input.recipientAgencyId);
  }
  const consent = await herConsentInForce(
    scope,
    personId,
    'share_disclosures',
    input.recipientAgencyId ?? null,
  );
  if (!consent) {
    throw refuse(
      'no_consent',
      'She has not consented to share her disclosures with this recipient (or revoked it)',
      {
        path: 'recipientAgencyId',
        message: 'Record her consent with scope "share disclosures" for this recipient first',
      },
    );
  }

  const id = await repos.disclosures.insertSharedItem(
    {
      joint_case_id: jointCase.id,
      disclosure_id: disclosureId,
      recipient_agency_id: recipientAgencyId,
      recipient_side: recipientSide,
      content_enc: disclosure.content_enc,
      source_protected: input.sourceProtected,
      consent_id: consent.id,
      agreement_id: jointCase.agreement_id,
    },
    { agreementId: jointCase.agreement_id, consentId: consent.id, jointCaseId: jointCase.id },
  );
  return { id };
}

/**
 * The side of a further agency that receives a share: its neutral side where it has one (police,
 * probation, health…), else its victim side — never a perpetrator side, which receives her
 * disclosures only as the programme of her joint case.
 */
async function furtherAgencySide(scope: CommandScope, agencyId: string): Promise<Side> {
  const kind = await scope.repos.directory.agencyKind(agencyId);
  return kind && !AGENCY_KIND_SIDES[kind].includes('neutral') ? 'victim' : 'neutral';
}
