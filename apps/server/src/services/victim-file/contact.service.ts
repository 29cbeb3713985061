import type { ContactPreferences } from '@tandem/shared';
import type { CommandScope } from '../../data/command-scope.js';
import { workableFile } from './her-file.js';

/** How she may be contacted safely (docs/domain.md, "Partner contact"): channel, times, code word. */
export async function setContactPreferences(
  scope: CommandScope,
  personId: string,
  preferences: ContactPreferences,
): Promise<ContactPreferences> {
  const file = await workableFile(scope, personId, 'contact_preference.set');
  await scope.repos.victimFile.saveContactPreferences(
    personId,
    file.her.ownerAgencyId,
    preferences,
    scope.clock.now(),
  );
  return preferences;
}
