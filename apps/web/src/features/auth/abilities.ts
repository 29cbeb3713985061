import type { Abilities } from '@tandem/shared';

/**
 * Whether to show the Administration section. Abilities only hide buttons: the server decides
 * every request again.
 */
export const canAdminister = (abilities: Abilities) =>
  abilities.manageUsers || abilities.manageAgencies || abilities.manageNetworks || abilities.viewAudit;
