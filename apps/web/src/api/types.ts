import type {
  AgencyCreate,
  ChangePasswordBody,
  NetworkCreate,
  RecoveryCodes,
  TotpCodeBody,
  UserCreated,
} from '@tandem/shared';
import type { z } from 'zod';

/**
 * Types @tandem/shared has as schemas but does not (yet) export as types: derived here from the
 * same schemas, never written by hand.
 */
export type AgencyCreateBody = z.output<typeof AgencyCreate>;
export type NetworkCreateBody = z.output<typeof NetworkCreate>;
export type ChangePasswordInput = z.output<typeof ChangePasswordBody>;
export type TotpCodeInput = z.output<typeof TotpCodeBody>;
export type RecoveryCodesView = z.output<typeof RecoveryCodes>;
export type UserCreatedView = z.output<typeof UserCreated>;
