import { z } from 'zod';
import { AGENCY_KIND_SIDES, AGENCY_KINDS, LANGUAGES, ROLE_SIDES, ROLES, SIDES } from '../enums.js';
import { EscalationTriggerList } from '../rules/escalation-triggers.js';
import {
  DisplayName,
  EMPTY_PATCH_MESSAGE,
  Email,
  Id,
  nonEmptyPatch,
  PageQuery,
  RequiredText,
  Text,
} from './common.js';

/** An IANA time zone the runtime knows (an unknown one would fail every date computed in it). */
const TimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Choose a time zone such as Europe/Rome');

export const NetworkCreate = z.object({
  name: RequiredText('a name'),
  region: Text(200).optional(),
  /** Days between Phase 2 case-manager meetings (docs/domain.md, "Phase 2"). */
  meetingIntervalDays: z.number().int().min(7).max(90).default(28),
  /** The IANA zone the network works in: its "today", due dates and meeting times (docs/domain.md, "Time"). */
  timeZone: TimeZone.optional(),
});
export type NetworkCreate = z.infer<typeof NetworkCreate>;
export const NetworkView = z.object({
  id: Id,
  name: z.string(),
  region: z.string().nullable(),
  meetingIntervalDays: z.number().int(),
  timeZone: z.string(),
  /** The risk checklist new joint cases of the network are assessed with (an instrument id). */
  riskInstrumentId: z.string(),
  /** The escalation triggers in force for its joint cases: its own, or the installation's. */
  escalationTriggers: EscalationTriggerList,
  /** True where the network tuned its own triggers; false where the installation's apply. */
  ownEscalationTriggers: z.boolean(),
  agencyCount: z.number().int(),
  createdAt: z.iso.datetime(),
  can: z.object({ changeSettings: z.boolean() }),
});
export type NetworkView = z.infer<typeof NetworkView>;
/** The settings a network tunes. A case keeps the checklist it was first assessed with. */
export const NetworkUpdate = z
  .object({
    riskInstrumentId: z.string().trim().min(1).max(100).optional(),
    /** The network's own escalation triggers; null gives it the installation's again. */
    escalationTriggers: EscalationTriggerList.nullable().optional(),
  })
  .strict()
  .refine((update) => update.riskInstrumentId !== undefined || update.escalationTriggers !== undefined, {
    message: 'Name a setting to change: riskInstrumentId or escalationTriggers',
    path: ['riskInstrumentId'],
  });
export type NetworkUpdate = z.infer<typeof NetworkUpdate>;

export const AgencyCreate = z.object({
  name: RequiredText('a name'),
  kind: z.enum(AGENCY_KINDS),
  region: Text(200).optional(),
  networkIds: z.array(Id).max(20).default([]),
});
export type AgencyCreate = z.infer<typeof AgencyCreate>;
export const AgencyUpdate = z
  .object({
    name: RequiredText('a name').optional(),
    region: Text(200).nullable().optional(),
    networkIds: z.array(Id).max(20).optional(),
    active: z.boolean().optional(),
  })
  .refine(nonEmptyPatch, EMPTY_PATCH_MESSAGE);
export const AgencyView = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  region: z.string().nullable(),
  active: z.boolean(),
  networkIds: z.array(Id),
  createdAt: z.iso.datetime(),
});
export type AgencyView = z.infer<typeof AgencyView>;

export const AgencyListQuery = PageQuery.extend({ networkId: Id.optional() });

const roleSideRefinement = (
  value: { roles?: readonly (typeof ROLES)[number][]; side?: (typeof SIDES)[number] },
  ctx: z.RefinementCtx,
) => {
  if (!value.roles || !value.side) return;
  value.roles.forEach((role, index) => {
    if (!ROLE_SIDES[role].includes(value.side as (typeof SIDES)[number])) {
      ctx.addIssue({
        code: 'custom',
        path: ['roles', index],
        message: `The role ${role} cannot be held on the ${value.side} side`,
      });
    }
  });
};

export const UserCreate = z
  .object({
    email: Email,
    displayName: DisplayName,
    roles: z.array(z.enum(ROLES)).min(1, 'Choose at least one role').max(ROLES.length),
    side: z.enum(SIDES),
    language: z.enum(LANGUAGES).default('en'),
    /** Only a system admin names the agency; an agency admin always creates in their own. */
    agencyId: Id.optional(),
  })
  .superRefine(roleSideRefinement);
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z
  .object({
    displayName: DisplayName.optional(),
    roles: z.array(z.enum(ROLES)).min(1, 'Choose at least one role').max(ROLES.length).optional(),
    side: z.enum(SIDES).optional(),
    language: z.enum(LANGUAGES).optional(),
  })
  .refine(nonEmptyPatch, EMPTY_PATCH_MESSAGE)
  .superRefine(roleSideRefinement);
export type UserUpdate = z.infer<typeof UserUpdate>;

/** What the actor may do to this account (the server decides every request again). */
export const UserAbilities = z.object({
  update: z.boolean(),
  deactivate: z.boolean(),
  reactivate: z.boolean(),
  unlock: z.boolean(),
  resetPassword: z.boolean(),
  resetSecondFactor: z.boolean(),
  /** Approve or refuse the roles waiting for a second person (four eyes). */
  decideRoles: z.boolean(),
});
export type UserAbilities = z.infer<typeof UserAbilities>;

export const StaffName = z.object({ id: Id, displayName: z.string() });

export const UserView = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  agencyId: Id.nullable(),
  /** The roles in force. */
  roles: z.array(z.enum(ROLES)),
  /**
   * Victim-side case roles given and waiting for a second victim-side person of the agency to
   * approve them; they give no access until then.
   */
  pendingRoles: z.array(z.enum(ROLES)),
  rolesRequestedBy: StaffName.nullable(),
  rolesRequestedAt: z.iso.datetime().nullable(),
  side: z.enum(SIDES),
  language: z.enum(LANGUAGES),
  active: z.boolean(),
  mfaEnrolled: z.boolean(),
  /** Locked after too many wrong second-factor codes (wrong passwords only slow down). */
  locked: z.boolean(),
  /** Wrong passwords given for this account since its last sign-in (from anywhere). */
  failedSignIns: z.number().int(),
  lastFailedSignInAt: z.iso.datetime().nullable(),
  /** A one-time link was sent and not used yet: what it resets, until when. */
  credentialLink: z
    .object({ resets: z.array(z.enum(['password', 'mfa'])), expiresAt: z.iso.datetime() })
    .nullable(),
  lastSignInAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  can: UserAbilities,
});
export type UserView = z.infer<typeof UserView>;

/**
 * A new account, or a reset: the owner gets a one-time link by e-mail (to the address on the
 * account); the administrator never sees a password or a link.
 */
export const CredentialLinkSent = z.object({
  user: UserView,
  linkSentTo: z.string(),
  linkExpiresAt: z.iso.datetime(),
});
export type CredentialLinkSent = z.infer<typeof CredentialLinkSent>;

/** A role change waiting for approval, as the approvers' queue shows it. */
export const RoleApprovalView = z.object({
  user: z.object({
    id: Id,
    displayName: z.string(),
    email: z.string(),
    agencyId: Id,
    side: z.enum(SIDES),
    roles: z.array(z.enum(ROLES)),
    createdAt: z.iso.datetime(),
  }),
  pendingRoles: z.array(z.enum(ROLES)),
  requestedBy: StaffName.nullable(),
  requestedAt: z.iso.datetime().nullable(),
  can: z.object({ approve: z.boolean(), refuse: z.boolean() }),
});
export type RoleApprovalView = z.infer<typeof RoleApprovalView>;

export const UserListQuery = PageQuery.extend({ agencyId: Id.optional() });

/** The staff directory: colleagues to name on a case, optionally of one agency or one role. */
export const StaffDirectoryQuery = z.object({ agencyId: Id.optional(), role: z.enum(ROLES).optional() });

export { AGENCY_KIND_SIDES };
