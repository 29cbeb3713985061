/**
 * Her consent (docs/domain.md, information-flow rule 4): per scope, dated and revocable. A
 * consent is in force from the day it was given (a consent dated in the future is not yet in
 * force) until it is revoked — and a revocation takes effect at once, whatever date it carries.
 * This is the rule; the policy's SQL (data/row-filter-sql.ts, `consentInForce`) is its compiled
 * twin, and the parity test holds them equal.
 */
export function consentInForce(
  consent: { givenOn: string; revokedOn: string | null },
  today: string,
): boolean {
  return consent.revokedOn === null && consent.givenOn <= today;
}
