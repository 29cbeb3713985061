import { z } from 'zod';
import { AGENCY_KINDS } from '../enums.js';
import { Email, Id, PageQuery, RequiredText, Text } from './common.js';

/**
 * The service directory (README, "Service directory"): the PP and VSS services and the other
 * agencies of a region as they describe themselves to professionals. Nothing of a client is here,
 * and no street address either: a victim service's or a shelter's address is where she is, so an
 * entry names a town or region only.
 */

/** Whom a service works with (the migration's CHECK mirrors this list). */
export const DIRECTORY_TARGET_GROUPS = [
  'women',
  'men_using_violence',
  'children_young_people',
  'lgbtqi',
  'migrants_refugees',
  'older_people',
  'people_with_disabilities',
  'professionals',
] as const;
export type DirectoryTargetGroup = (typeof DIRECTORY_TARGET_GROUPS)[number];

/** An ISO 639 language code: `it`, `en`, `ar`, `uk`. */
export const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .refine((code) => /^[a-z]{2,3}$/.test(code), 'Use a language code such as it or en');

/** A town or region, never a street: a house number is refused. */
export const DirectoryRegion = RequiredText('a town or region', 100).refine(
  (value) => !/\d/.test(value),
  'Give a town or region only, never a street address',
);

/** One of the service's lines for professionals (the service's, not a person's private number). */
export const DirectoryContactPoint = z
  .object({
    label: RequiredText('a label', 100),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[+()\d\s./-]*$/, 'Use digits, spaces and + ( ) - . / only')
      .optional(),
    email: Email.optional(),
  })
  .strict()
  .refine((point) => Boolean(point.phone) || Boolean(point.email), {
    message: 'Give a phone number or an e-mail address',
    path: ['phone'],
  });
export type DirectoryContactPoint = z.infer<typeof DirectoryContactPoint>;

/** The agency's own entry, as its admin (or the system admin) writes it: the whole entry each time. */
export const DirectoryEntryUpdate = z
  .object({
    region: DirectoryRegion,
    approach: Text(2000).default(''),
    targetGroups: z.array(z.enum(DIRECTORY_TARGET_GROUPS)).max(DIRECTORY_TARGET_GROUPS.length).default([]),
    languages: z.array(LanguageCode).max(20).default([]),
    providesPartnerContact: z.boolean().default(false),
    contactPoints: z.array(DirectoryContactPoint).max(5).default([]),
    /** Shown in the directory; an unlisted entry is seen by its own admins only. */
    listed: z.boolean().default(true),
  })
  .strict();
export type DirectoryEntryUpdate = z.infer<typeof DirectoryEntryUpdate>;

export const DirectoryEntryView = z.object({
  agencyId: Id,
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  region: z.string(),
  approach: z.string(),
  targetGroups: z.array(z.enum(DIRECTORY_TARGET_GROUPS)),
  languages: z.array(z.string()),
  providesPartnerContact: z.boolean(),
  contactPoints: z.array(
    z.object({ label: z.string(), phone: z.string().optional(), email: z.string().optional() }),
  ),
  listed: z.boolean(),
  /** The service belongs to one of the reader's networks. */
  inNetwork: z.boolean(),
  /** Null where the agency has written no entry yet (seen by its own admins only). */
  updatedAt: z.iso.datetime().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type DirectoryEntryView = z.infer<typeof DirectoryEntryView>;

export const DirectoryQuery = PageQuery.extend({
  /** Words of the name or the approach. */
  q: Text(100).optional(),
  /** The town or region, as its start is typed (case does not matter). */
  region: Text(100).optional(),
  kind: z.enum(AGENCY_KINDS).optional(),
  /** Only the services that do (true) or do not (false) provide partner contact. */
  partnerContact: z.enum(['true', 'false']).optional(),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

export const DirectoryParams = z.object({ agencyId: Id });
