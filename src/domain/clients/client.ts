import { z } from 'zod';
import { idParams } from '../../lib/params.ts';
import { consentCategorySchema } from '../consent/consent.ts';
import { consentCategories, type ConsentCategory } from '../../access/roles.ts';
import { clientCanSchema } from '../../access/can.ts';
import {
  accommodationKinds,
  barrierKinds,
  barrierStatuses,
  educationLevels,
  incomeSources,
  isoDateSchema,
  literacyLevels,
} from '../assessment/assessment-input.ts';
import { escoSkillUriSchema } from '../occupations/esco.ts';
import { nocCodeSchema } from '../occupations/noc.ts';
import { postalCodeSchema } from '../organizations/organization.ts';

// The client record (issue 4). Each field belongs to one consent category (docs/permissions.md 2.2):
// an answer is built from the categories the caller may see, and the others are absent.
export { consentCategories, type ConsentCategory };
export { consentCategorySchema };

export const clientStatuses = ['active', 'on_hold', 'closed'] as const;
export const closedReasons = [
  'employed',
  'moved_away',
  'transferred',
  'declined_services',
  'no_contact',
  'deceased',
  'other',
] as const;
export const timeHorizons = ['now', 'within_6_months', 'within_a_year', 'long_term'] as const;
export const externalIdKinds = ['ontario_works', 'odsp', 'eois_cams', 'other'] as const;

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const personName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .refine((v) => !/[0-9@<>{}[\]\\/|]/.test(v), 'must be a name (no digits or symbols)');

// A nine-digit number that passes the Luhn check reads as a social insurance number: never stored.
export function looksLikeSin(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^[0-9]{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    let d = Number(digits[i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const externalIdSchema = z.strictObject({
  kind: z.enum(externalIdKinds),
  value: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{3,30}$/, 'must be 3 to 30 letters, digits or hyphens')
    .refine((v) => !looksLikeSin(v), {
      error: 'looks like a social insurance number, which Continuum never stores',
      params: { reason: 'sin_not_allowed' },
    }),
});

export const workHistoryEntrySchema = z
  .strictObject({
    nocCode: nocCodeSchema,
    jobTitle: text(200).optional(),
    employerName: text(200).optional(),
    startDate: isoDateSchema,
    endDate: isoDateSchema.nullable().optional(),
    hoursPerWeek: z
      .number()
      .min(1, 'must be at least 1 hour a week')
      .max(80, 'must be at most 80 hours a week')
      .optional(),
  })
  .refine((w) => !w.endDate || w.endDate >= w.startDate, {
    message: 'endDate must not be before startDate',
    path: ['endDate'],
  });

export const barrierSchema = z.strictObject({ kind: z.enum(barrierKinds), status: z.enum(barrierStatuses) });
export const accommodationSchema = z.strictObject({
  kind: z.enum(accommodationKinds),
  disabilityRelated: z.boolean(),
  description: text(500).optional(),
});

export const goalsSchema = z.strictObject({
  statement: text(1000).optional(),
  targetNocCodes: z.array(nocCodeSchema).max(10).default([]),
  hoursWanted: z.number().int().min(1).max(80).optional(),
  timeHorizon: z.enum(timeHorizons).optional(),
});

// Self-identified, voluntary, kept apart, never shared by default and never a scoring factor.
export const equitySchema = z.strictObject({
  indigenousIdentity: z.enum(['first_nations', 'metis', 'inuit', 'no', 'prefer_not_to_say']).optional(),
  racializedGroup: z.array(text(60)).max(5).optional(),
  gender: text(60).optional(),
  disability: z.boolean().optional(),
  newcomer: z.boolean().optional(),
  arrivalYear: z.number().int().min(1900).max(2100).optional(),
  francophone: z.boolean().optional(),
  lgbtq2s: z.boolean().optional(),
});
export type Equity = z.infer<typeof equitySchema>;
export const equityInputSchema = equitySchema.refine((e) => e.arrivalYear === undefined || e.newcomer === true, {
  message: 'a year of arrival goes with newcomer: true',
  path: ['arrivalYear'],
});

// What matching compares with a job order's skills and credentials required (docs/matching.md).
const skillsSchema = z
  .array(escoSkillUriSchema)
  .max(30)
  .transform((list) => [...new Set(list)]);
const credentialsSchema = z
  .array(text(100))
  .max(10)
  .transform((list) => [...new Set(list)]);

const uniqueBy = <T>(items: T[] | undefined, key: (item: T) => string) =>
  new Set((items ?? []).map(key)).size === (items ?? []).length;

export const newClientSchema = z
  .strictObject({
    // The server sets the holder; a body naming another organization is refused (docs/permissions.md 4.2).
    organizationId: z.uuid().optional(),
    givenName: personName,
    familyName: personName,
    preferredName: personName.optional(),
    pronouns: text(40).optional(),
    dateOfBirth: isoDateSchema,
    preferredLanguage: z.enum(['en', 'fr']).default('en'),
    otherLanguages: z.array(text(60)).max(10).default([]),
    interpreterNeeded: z.boolean().default(false),
    interpreterLanguage: text(60).optional(),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9 +().-]{7,30}$/, 'must be a phone number')
      .optional(),
    streetAddress: text(200).optional(),
    postalCode: postalCodeSchema.optional(),
    educationLevel: z.enum(educationLevels),
    literacyNumeracy: z.enum(literacyLevels).default('unknown'),
    incomeSource: z.enum(incomeSources),
    workHistory: z.array(workHistoryEntrySchema).max(50).default([]),
    goals: goalsSchema.optional(),
    skills: skillsSchema.optional(),
    credentials: credentialsSchema.optional(),
    barriers: z.array(barrierSchema).max(30).default([]),
    accommodations: z.array(accommodationSchema).max(30).default([]),
    externalIds: z.array(externalIdSchema).max(4).default([]),
    equity: equitySchema.optional(),
    // After a duplicate search found possible existing records, the worker confirms this is someone else.
    notADuplicate: z.strictObject({ reason: text(500) }).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.interpreterLanguage && !c.interpreterNeeded) {
      ctx.addIssue({
        code: 'custom',
        path: ['interpreterLanguage'],
        message: 'set interpreterNeeded when an interpreter language is given',
      });
    }
    if (!uniqueBy(c.barriers, (b) => b.kind))
      ctx.addIssue({ code: 'custom', path: ['barriers'], message: 'each kind of barrier once' });
    if (!uniqueBy(c.externalIds, (e) => e.kind))
      ctx.addIssue({ code: 'custom', path: ['externalIds'], message: 'each kind of identifier once' });
    if (c.equity?.arrivalYear !== undefined && c.equity.newcomer !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['equity', 'arrivalYear'],
        message: 'a year of arrival goes with newcomer: true',
      });
    }
  });
export type NewClient = z.infer<typeof newClientSchema>;

export const duplicateSearchSchema = z.strictObject({
  givenName: personName,
  familyName: personName,
  dateOfBirth: isoDateSchema.optional(),
  externalId: externalIdSchema.optional(),
});
export type DuplicateSearch = z.infer<typeof duplicateSearchSchema>;

// A match the caller may see names the record; one they may not shows only that it exists and how
// closely it matches, with a token for an access request (no id, agency or field).
export const duplicateMatchSchema = z.union([
  z.object({
    kind: z.literal('visible'),
    clientId: z.uuid(),
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: z.string(),
    organizationId: z.uuid(),
    score: z.number(),
    reasons: z.array(z.string()),
  }),
  // matchToken: for an access request (POST /api/access-requests), sealed to the caller's organization.
  z.object({
    kind: z.literal('possible_existing_record'),
    score: z.number(),
    reasons: z.array(z.string()),
    matchToken: z.string(),
  }),
]);
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;
export const duplicateResultSchema = z.object({ matches: z.array(duplicateMatchSchema) });

const accessSchema = z.object({
  scope: z.string(),
  categories: z.array(consentCategorySchema),
  purposes: z.array(z.string()),
});

export const clientSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  status: z.enum(clientStatuses),
  closedReason: z.enum(closedReasons).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  access: accessSchema,
  // What the caller may do with this file, decided as each action's route decides (access/can.ts).
  can: clientCanSchema,
  identityContact: z
    .object({
      givenName: z.string(),
      familyName: z.string(),
      preferredName: z.string().nullable(),
      pronouns: z.string().nullable(),
      dateOfBirth: z.string(),
      preferredLanguage: z.enum(['en', 'fr']),
      otherLanguages: z.array(z.string()),
      interpreterNeeded: z.boolean(),
      interpreterLanguage: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      streetAddress: z.string().nullable(),
      postalCode: z.string().nullable(),
      neighbourhoodId: z.number().nullable(),
      externalIds: z.array(z.object({ kind: z.enum(externalIdKinds), value: z.string() })),
    })
    .optional(),
  employment: z
    .object({
      educationLevel: z.enum(educationLevels),
      literacyNumeracy: z.enum(literacyLevels),
      workHistory: z.array(
        z.object({
          nocCode: z.string(),
          jobTitle: z.string().nullable(),
          employerName: z.string().nullable(),
          startDate: z.string(),
          endDate: z.string().nullable(),
          hoursPerWeek: z.number().nullable(),
        }),
      ),
      goals: z.object({
        statement: z.string().nullable(),
        targetNocCodes: z.array(z.string()),
        hoursWanted: z.number().nullable(),
        timeHorizon: z.enum(timeHorizons).nullable(),
      }),
      // ESCO skill URIs (GET /api/occupations/skills names them) and credentials in words; null: not recorded.
      skills: z.array(z.string()).nullable(),
      credentials: z.array(z.string()).nullable(),
      accommodations: z.array(
        z.object({
          kind: z.enum(accommodationKinds),
          disabilityRelated: z.boolean(),
          description: z.string().nullable(),
        }),
      ),
    })
    .optional(),
  assessment: z
    .object({
      incomeSource: z.enum(incomeSources),
      barriers: z.array(z.object({ kind: z.enum(barrierKinds), status: z.enum(barrierStatuses) })),
      stream: z.enum(['A', 'B', 'C']).nullable(),
      assessmentId: z.uuid().nullable(),
    })
    .optional(),
  equity: equitySchema.optional(),
  // For a job developer who reaches the client without the assessment category: the stream alone.
  stream: z.enum(['A', 'B', 'C']).nullable().optional(),
});
export type ClientView = z.infer<typeof clientSchema>;

export const clientIdParams = idParams;

// Which consent category each field of the record belongs to: a change needs the category.
export const fieldCategories = {
  givenName: 'identity_contact',
  familyName: 'identity_contact',
  preferredName: 'identity_contact',
  pronouns: 'identity_contact',
  dateOfBirth: 'identity_contact',
  preferredLanguage: 'identity_contact',
  otherLanguages: 'identity_contact',
  interpreterNeeded: 'identity_contact',
  interpreterLanguage: 'identity_contact',
  email: 'identity_contact',
  phone: 'identity_contact',
  streetAddress: 'identity_contact',
  postalCode: 'identity_contact',
  externalIds: 'identity_contact',
  educationLevel: 'employment',
  literacyNumeracy: 'employment',
  workHistory: 'employment',
  goals: 'employment',
  skills: 'employment',
  credentials: 'employment',
  accommodations: 'employment',
  incomeSource: 'assessment',
  barriers: 'assessment',
} as const satisfies Record<string, ConsentCategory>;

// A change to the record: any of intake's fields; lists are replaced whole, except barriers, which
// are set kind by kind (a resolved barrier stays on the record).
export const clientPatchSchema = z
  .strictObject({
    givenName: personName.optional(),
    familyName: personName.optional(),
    preferredName: personName.nullable().optional(),
    pronouns: text(40).nullable().optional(),
    dateOfBirth: isoDateSchema.optional(),
    preferredLanguage: z.enum(['en', 'fr']).optional(),
    otherLanguages: z.array(text(60)).max(10).optional(),
    interpreterNeeded: z.boolean().optional(),
    interpreterLanguage: text(60).nullable().optional(),
    email: z.email().max(254).nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9 +().-]{7,30}$/, 'must be a phone number')
      .nullable()
      .optional(),
    streetAddress: text(200).nullable().optional(),
    postalCode: postalCodeSchema.nullable().optional(),
    educationLevel: z.enum(educationLevels).optional(),
    literacyNumeracy: z.enum(literacyLevels).optional(),
    incomeSource: z.enum(incomeSources).optional(),
    workHistory: z.array(workHistoryEntrySchema).max(50).optional(),
    goals: goalsSchema.optional(),
    skills: skillsSchema.nullable().optional(),
    credentials: credentialsSchema.nullable().optional(),
    barriers: z.array(barrierSchema).max(30).optional(),
    accommodations: z.array(accommodationSchema).max(30).optional(),
    externalIds: z.array(externalIdSchema).max(4).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'change at least one field')
  .refine((p) => uniqueBy(p.barriers, (b) => b.kind), { message: 'each kind of barrier once', path: ['barriers'] })
  .refine((p) => uniqueBy(p.externalIds, (e) => e.kind), {
    message: 'each kind of identifier once',
    path: ['externalIds'],
  });
export type ClientPatch = z.infer<typeof clientPatchSchema>;

export const statusChangeSchema = z
  .strictObject({
    status: z.enum(clientStatuses),
    closedReason: z.enum(closedReasons).optional(),
    note: text(500).optional(),
  })
  .refine((s) => (s.status === 'closed') === (s.closedReason !== undefined), {
    message: 'a closed file needs its reason, and only a closed one',
    path: ['closedReason'],
  });
export type StatusChange = z.infer<typeof statusChangeSchema>;
