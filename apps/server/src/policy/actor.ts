import type { Role, Side } from '@tandem/shared';

/** Who is asking: everything the policy module needs to decide, loaded once per request. */
export interface Actor {
  readonly userId: string;
  /** Null only for a system admin, who belongs to the installation. */
  readonly agencyId: string | null;
  readonly side: Side;
  readonly roles: readonly Role[];
  /** Networks the actor's agency has joined. */
  readonly networkIds: readonly string[];
  /** The time zone of the actor's network (domain/clock.ts). */
  readonly timeZone: string;
  /** Today (YYYY-MM-DD) in that zone, fixed for the whole request: every "in force" is judged on it. */
  readonly today: string;
}

export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);

export const hasAnyRole = (actor: Actor, roles: readonly Role[]): boolean =>
  roles.some((role) => actor.roles.includes(role));
