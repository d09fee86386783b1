import { z } from 'zod';

export const organizationTypes = [
  'system_manager',
  'employment_service_provider',
  'social_assistance_office',
  'training_organization',
  'community_agency',
  'employer',
] as const;
export const organizationTypeSchema = z.enum(organizationTypes);
export type OrganizationType = z.infer<typeof organizationTypeSchema>;
// The organizations that serve clients (all but the system manager and employers).
export const agencyTypes = [
  'employment_service_provider',
  'social_assistance_office',
  'training_organization',
  'community_agency',
] as const satisfies readonly OrganizationType[];

// Canadian postal codes: no D, F, I, O, Q, U anywhere; no W or Z as the first letter.
const postalCodePattern = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]$/;
// The stored form: upper case, one space (as the CHECK constraints in the migrations require).
export const canonicalPostalCodePattern = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$/;

export const postalCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase().replace(/[\s-]+/g, ''))
  .refine((v) => postalCodePattern.test(v), { message: 'must be a Canadian postal code such as M5V 3L9' })
  .transform((v) => `${v.slice(0, 3)} ${v.slice(3)}`);

const name = z.string().trim().min(2, 'must be at least 2 characters').max(200);

export const newSiteSchema = z.strictObject({
  name,
  streetAddress: z.string().trim().min(3).max(300),
  city: z.string().trim().min(2).max(100).default('Toronto'),
  province: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter province code')
    .transform((v) => v.toUpperCase())
    .default('ON'),
  postalCode: postalCodeSchema,
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  wheelchairAccessible: z.boolean().optional(),
  // HSDS accessibility and transportation, in the provider's words.
  accessibilityDescription: z.string().trim().min(1).max(1000).optional(),
  transportation: z.string().trim().min(1).max(500).optional(),
});
export type NewSite = z.infer<typeof newSiteSchema>;

export const newOrganizationSchema = z.strictObject({
  name,
  nameFr: name.optional(),
  type: organizationTypeSchema,
  website: z.url({ protocol: /^https?$/ }).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+()\-. ]{7,25}$/, 'must be a phone number')
    .optional(),
  email: z.email().optional(),
  offersFrench: z.boolean().default(false),
  sites: z.array(newSiteSchema).max(200).default([]),
});
export type NewOrganization = z.infer<typeof newOrganizationSchema>;

// A change to an organization: any of its fields but the type (which decides the roles its people hold).
export const organizationPatchSchema = z
  .strictObject({
    name: name.optional(),
    nameFr: name.nullable().optional(),
    website: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+()\-. ]{7,25}$/, 'must be a phone number')
      .nullable()
      .optional(),
    email: z.email().nullable().optional(),
    offersFrench: z.boolean().optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
export type OrganizationPatch = z.infer<typeof organizationPatchSchema>;

// A change to a site; coordinates are given both or neither (null puts the site back on its FSA's centroid).
export const sitePatchSchema = z
  .strictObject({
    name: name.optional(),
    streetAddress: z.string().trim().min(3).max(300).optional(),
    city: z.string().trim().min(2).max(100).optional(),
    province: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'must be a two-letter province code')
      .transform((v) => v.toUpperCase())
      .optional(),
    postalCode: postalCodeSchema.optional(),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    wheelchairAccessible: z.boolean().nullable().optional(),
    accessibilityDescription: z.string().trim().min(1).max(1000).nullable().optional(),
    transportation: z.string().trim().min(1).max(500).nullable().optional(),
    // Confirms the site's details as they stand, with or without other changes.
    verified: z.literal(true).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
export type SitePatch = z.infer<typeof sitePatchSchema>;

export const siteSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  streetAddress: z.string(),
  city: z.string(),
  province: z.string(),
  postalCode: z.string(),
  neighbourhoodId: z.number().int().nullable(),
  neighbourhoodName: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  wheelchairAccessible: z.boolean().nullable(),
  accessibilityDescription: z.string().nullable(),
  transportation: z.string().nullable(),
  // When the site's details were last confirmed (any change confirms them).
  verifiedAt: z.string(),
});
export type Site = z.infer<typeof siteSchema>;

export const organizationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  nameFr: z.string().nullable(),
  type: organizationTypeSchema,
  website: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  offersFrench: z.boolean(),
  sites: z.array(siteSchema),
});
export type Organization = z.infer<typeof organizationSchema>;

export const organizationListQuerySchema = z.strictObject({
  type: organizationTypeSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  fsa: z
    .string()
    .trim()
    .regex(/^[A-Za-z][0-9][A-Za-z]$/, 'must be a forward sortation area such as M1B')
    .transform((v) => v.toUpperCase())
    .optional(),
  offersFrench: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuerySchema>;
