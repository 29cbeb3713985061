import type { ContactSafetyConcernCreate, Created, PartnerContactCreate } from '@tandem/shared';
import type { z } from 'zod';
import type { CommandScope } from '../../data/command-scope.js';
import { invalidInput } from '../../domain/errors.js';
import { workableFile } from './her-file.js';

/**
 * A partner contact about one of the programmes that named her (docs/domain.md, "Partner
 * contact"). Declining is an outcome in its own right; what she says stays on the victim side.
 */
export async function logPartnerContact(
  scope: CommandScope,
  personId: string,
  input: z.infer<typeof PartnerContactCreate>,
): Promise<z.infer<typeof Created>> {
  const file = await workableFile(scope, personId, 'partner_contact.log');
  if (!(await scope.repos.programme.referralOf(input.ppEpisodeId, personId)))
    throw invalidInput('ppEpisodeId', 'She was not named in this programme episode');
  const id = await scope.repos.victimFile.insertPartnerContact({
    personId,
    ownerAgencyId: file.her.ownerAgencyId,
    ppEpisodeId: input.ppEpisodeId,
    contactedOn: input.contactedOn,
    channel: input.channel,
    outcome: input.outcome,
    topicsCovered: input.topicsCovered,
    hopesAndFears: input.hopesAndFears,
    herViewOfRisk: input.herViewOfRisk,
    notes: input.notes,
  });
  return { id };
}

/**
 * That contacting her may itself be unsafe, and the measures taken (docs/domain.md, "Partner
 * contact"). Her service's record, read by its victim side only; encrypted like her other text.
 */
export async function recordContactSafetyConcern(
  scope: CommandScope,
  personId: string,
  input: z.infer<typeof ContactSafetyConcernCreate>,
): Promise<z.infer<typeof Created>> {
  const file = await workableFile(scope, personId, 'contact_safety_concern.record');
  if (input.recordedOn > scope.actor.today) throw invalidInput('recordedOn', 'A date in the future');
  const id = await scope.repos.victimFile.insertContactSafetyConcern({
    personId,
    ownerAgencyId: file.her.ownerAgencyId,
    recordedOn: input.recordedOn,
    concern: input.concern,
    measures: input.measures,
  });
  return { id };
}
