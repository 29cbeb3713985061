import { z } from 'zod';
import { AGENCY_KIND_SIDES, AGENCY_KINDS, LANGUAGES, ROLE_SIDES, ROLES, SIDES } from '../enums.js';
import { DisplayName, Email, Id, PageQuery } from './common.js';

export const NetworkCreate = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(200),
  region: z.string().trim().max(200).optional(),
  /** Days between Phase 2 case-manager meetings (DOMAIN.md §2 step 6). */
  meetingIntervalDays: z.number().int().min(7).max(90).default(28),
});
export type NetworkCreate = z.infer<typeof NetworkCreate>;
export const NetworkView = z.object({
  id: Id,
  name: z.string(),
  region: z.string().nullable(),
  meetingIntervalDays: z.number().int(),
  agencyCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type NetworkView = z.infer<typeof NetworkView>;

export const AgencyCreate = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(200),
  kind: z.enum(AGENCY_KINDS),
  region: z.string().trim().max(200).optional(),
  networkIds: z.array(Id).max(20).default([]),
});
export type AgencyCreate = z.infer<typeof AgencyCreate>;
export const AgencyUpdate = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(200).optional(),
  region: z.string().trim().max(200).nullable().optional(),
  networkIds: z.array(Id).max(20).optional(),
  active: z.boolean().optional(),
});
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
  .superRefine(roleSideRefinement);
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserView = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  agencyId: Id.nullable(),
  roles: z.array(z.enum(ROLES)),
  side: z.enum(SIDES),
  language: z.enum(LANGUAGES),
  active: z.boolean(),
  mfaEnrolled: z.boolean(),
  locked: z.boolean(),
  lastSignInAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type UserView = z.infer<typeof UserView>;

export const UserCreated = z.object({
  user: UserView,
  /** Shown once to the admin to hand over; the user must change it at first sign-in. */
  temporaryPassword: z.string(),
});

export type UserCreated = z.infer<typeof UserCreated>;

export const UserListQuery = PageQuery.extend({ agencyId: Id.optional() });

export { AGENCY_KIND_SIDES };
