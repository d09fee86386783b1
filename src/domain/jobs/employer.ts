import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { naicsCodeSchema } from '../industries/naics.ts';
import {
  newOrganizationSchema,
  newSiteSchema,
  organizationPatchSchema,
  siteSchema,
} from '../organizations/organization.ts';
import { escoSkillUriSchema } from './job-order.ts';
import { employerSizes, engagementKinds, hrSupports } from './job-vocabulary.ts';

// One record per employer, shared by every agency (issue 14, point 1; docs/jobs.md "Employers"): the
// organization with its profile, contacts and engagement log. No client's personal information.

const text = (max: number, min = 1) => z.string().trim().min(min).max(max);
const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((list) => [...new Set(list)]);

export const employerContactSchema = z.strictObject({
  name: text(200),
  jobTitle: text(200).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+()\-. ]{7,25}$/, 'must be a phone number')
    .nullable()
    .optional(),
  email: z.email().nullable().optional(),
  preferredLanguage: z.enum(['en', 'fr']).default('en'),
  isPrimary: z.boolean().default(false),
});
export type EmployerContactInput = z.infer<typeof employerContactSchema>;

const contactsSchema = z
  .array(employerContactSchema)
  .max(20)
  .refine((list) => list.filter((c) => c.isPrimary).length <= 1, 'at most one primary contact');

const profileFields = {
  naicsCode: naicsCodeSchema.nullable().optional(),
  size: z.enum(employerSizes).nullable().optional(),
  hiringPlans: text(2000).nullable().optional(),
  skillsNeeded: uniqueList(escoSkillUriSchema, 30).optional(),
  hrSupportWanted: uniqueList(z.enum(hrSupports), hrSupports.length).optional(),
  contacts: contactsSchema.optional(),
  // The agency leading the relationship; by default, the agency of the person adding the employer.
  leadOrganizationId: z.uuid().nullable().optional(),
};

export const newEmployerSchema = newOrganizationSchema
  .omit({ type: true })
  .extend({
    ...profileFields,
    sites: z.array(newSiteSchema).max(50).default([]),
    // The duplicate check refuses a likely duplicate until the person confirms it is another employer.
    confirmNotDuplicate: z.boolean().default(false),
  })
  .strict();
export type NewEmployer = z.infer<typeof newEmployerSchema>;

export const employerPatchSchema = z
  .strictObject({
    ...organizationPatchSchema.shape,
    ...profileFields,
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), 'give at least one field to change');
export type EmployerPatch = z.infer<typeof employerPatchSchema>;

const organizationRef = z.object({ id: z.string(), name: z.string(), nameFr: z.string().nullable() });

export const employerContactOutSchema = z.object({
  id: z.string(),
  name: z.string(),
  jobTitle: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredLanguage: z.enum(['en', 'fr']),
  isPrimary: z.boolean(),
});

export const employerSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameFr: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  offersFrench: z.boolean(),
  sites: z.array(siteSchema),
  industry: z.object({ code: z.string(), title: z.string() }).nullable(),
  size: z.enum(employerSizes).nullable(),
  hiringPlans: z.string().nullable(),
  skillsNeeded: z.array(z.object({ uri: z.string(), label: z.string() })),
  hrSupportWanted: z.array(z.enum(hrSupports)),
  lead: organizationRef.nullable(),
  addedBy: organizationRef.nullable(),
  contacts: z.array(employerContactOutSchema),
  openJobOrders: z.number().int(),
  // Only for readers of the engagement log (engagement.read).
  lastEngagementOn: z.string().nullable().optional(),
});
export type Employer = z.infer<typeof employerSchema>;

export const employerSummarySchema = employerSchema
  .pick({ id: true, name: true, nameFr: true, industry: true, size: true, lead: true, openJobOrders: true })
  .extend({ lastEngagementOn: z.string().nullable().optional() });
export type EmployerSummary = z.infer<typeof employerSummarySchema>;

export const employerListQuerySchema = z.strictObject({
  q: text(100).optional(),
  naicsCode: z
    .string()
    .regex(/^[0-9]{2,6}$/, 'must be a NAICS code or its first digits')
    .optional(),
  leadOrganizationId: z.uuid().optional(),
  // Employers whose lead is not set: the ones nobody coordinates yet.
  noLead: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});
export type EmployerListQuery = z.infer<typeof employerListQuerySchema>;

// A likely duplicate of an employer being added, and why.
export const duplicateReasons = ['same_name', 'similar_name_same_postal_code', 'same_website', 'same_phone'] as const;
export const employerDuplicateSchema = z.object({
  id: z.string(),
  name: z.string(),
  reasons: z.array(z.enum(duplicateReasons)),
});
export type EmployerDuplicate = z.infer<typeof employerDuplicateSchema>;

export const duplicateQuerySchema = z.strictObject({
  name: text(200, 2),
  website: z.string().trim().max(300).optional(),
  phone: z.string().trim().max(40).optional(),
  postalCode: z.string().trim().max(10).optional(),
});
export type DuplicateQuery = z.infer<typeof duplicateQuerySchema>;

export const newEngagementSchema = z
  .strictObject({
    kind: z.enum(engagementKinds).exclude(['lead_change']),
    hrSupport: z.enum(hrSupports).nullable().default(null),
    occurredOn: isoDateSchema,
    summary: text(2000),
  })
  .refine((e) => (e.kind === 'hr_support') === (e.hrSupport !== null), {
    error: 'HR support given names its kind, and only then',
    path: ['hrSupport'],
  });
export type NewEngagement = z.infer<typeof newEngagementSchema>;

export const engagementSchema = z.object({
  id: z.string(),
  kind: z.enum(engagementKinds),
  hrSupport: z.enum(hrSupports).nullable(),
  occurredOn: z.string(),
  summary: z.string(),
  organization: organizationRef,
  author: z.string().nullable(),
  createdAt: z.string(),
});
export type Engagement = z.infer<typeof engagementSchema>;
