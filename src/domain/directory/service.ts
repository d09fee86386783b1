import { z } from 'zod';
import { nocCodeSchema } from '../occupations/noc.ts';
import { naicsCodeSchema } from '../industries/naics.ts';
import {
  deliveryModes,
  interventionTypes,
  intakeStates,
  listingParts,
  matchReasonKinds,
  serviceStatuses,
  targetPopulations,
  weekdays,
} from './vocabulary.ts';

export {
  deliveryModes,
  interventionTypes,
  intakeStates,
  listingParts,
  matchReasonKinds,
  serviceStatuses,
  targetPopulations,
  weekdays,
};
export type { IntakeState, ListingPart } from './vocabulary.ts';

// The directory of workforce programs (issue 13): HSDS 3 services with workforce fields.
// No personal information lives here; capacity (seats) is for staff only (docs/permissions.md 3.13).

export const interventionTypeSchema = z.enum(interventionTypes);
export type InterventionType = z.infer<typeof interventionTypeSchema>;

export const targetPopulationSchema = z.enum(targetPopulations);
export type TargetPopulation = z.infer<typeof targetPopulationSchema>;

export const serviceStatusSchema = z.enum(serviceStatuses);
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;

export const deliveryModeSchema = z.enum(deliveryModes);

const isoDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24-hour clock)');
const text = (max: number, min = 1) => z.string().trim().min(min).max(max);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+()\-. ]{7,25}$/, 'must be a phone number');
// ISO 639-1 or 639-3 language codes, lower case.
const languageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code such as en, fr or tam');

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((list) => [...new Set(list)]);

export const newScheduleSchema = z.strictObject({
  weekdays: z.array(z.enum(weekdays)).min(1).max(7),
  opensAt: time,
  closesAt: time,
  description: text(500).optional(),
});
export type NewSchedule = z.infer<typeof newScheduleSchema>;

export const newIntakeWindowSchema = z.strictObject({
  opensOn: isoDate,
  // No closing day: continuous intake.
  closesOn: isoDate.optional(),
  note: text(500).optional(),
});
export type NewIntakeWindow = z.infer<typeof newIntakeWindowSchema>;

export const newContactSchema = z.strictObject({
  name: text(200).optional(),
  title: text(200).optional(),
  email: z.email().optional(),
  phone: phone.optional(),
});
export type NewContact = z.infer<typeof newContactSchema>;

const serviceFields = {
  name: text(200, 2),
  nameFr: text(200, 2).optional(),
  alternateName: text(200).optional(),
  description: text(4000, 10),
  descriptionFr: text(4000, 10).optional(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  email: z.email().optional(),
  phone: phone.optional(),
  status: serviceStatusSchema.default('active'),
  interventionTypes: uniqueList(interventionTypeSchema, 7).refine((l) => l.length > 0, 'name at least one'),
  targetNocCodes: uniqueList(nocCodeSchema, 50).default([]),
  targetNaicsCodes: uniqueList(naicsCodeSchema, 50).default([]),
  targetPopulations: uniqueList(targetPopulationSchema, 15).default([]),
  languages: uniqueList(languageCode, 20)
    .refine((l) => l.length > 0, 'name at least one')
    .default(['en']),
  deliveryMode: deliveryModeSchema.default('in_person'),
  eligibilityDescription: text(2000).optional(),
  eligibilityDescriptionFr: text(2000).optional(),
  minimumAge: z.number().int().min(0).max(120).optional(),
  maximumAge: z.number().int().min(0).max(120).optional(),
  applicationProcess: text(2000).optional(),
  feesDescription: text(1000).optional(),
  credentialAwarded: text(200).optional(),
  funder: text(1000).optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  seats: z.number().int().min(0).max(100_000).optional(),
  seatsOpen: z.number().int().min(0).max(100_000).optional(),
};

// Cross-field rules, shared by a new listing and by a listing after a change.
type Checkable = {
  minimumAge?: number | null | undefined;
  maximumAge?: number | null | undefined;
  startsOn?: string | null | undefined;
  endsOn?: string | null | undefined;
  seats?: number | null | undefined;
  seatsOpen?: number | null | undefined;
};
export function listingProblems(listing: Checkable): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const { minimumAge, maximumAge, startsOn, endsOn, seats, seatsOpen } = listing;
  if (minimumAge != null && maximumAge != null && minimumAge > maximumAge)
    problems.push({ field: 'maximumAge', message: 'must not be below the minimum age' });
  if (startsOn && endsOn && startsOn > endsOn)
    problems.push({ field: 'endsOn', message: 'must not be before the start' });
  if (seatsOpen != null && seats == null)
    problems.push({ field: 'seats', message: 'give the seats to give seats open' });
  if (seatsOpen != null && seats != null && seatsOpen > seats)
    problems.push({ field: 'seatsOpen', message: 'must not be more than the seats' });
  return problems;
}

type ListingParts = {
  schedules: NewSchedule[];
  intakeWindows: NewIntakeWindow[];
  contacts: NewContact[];
} & Checkable;

function refineListing(value: ListingParts, ctx: z.RefinementCtx): void {
  for (const problem of listingProblems(value))
    ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  value.schedules.forEach((s, i) => {
    if (s.opensAt >= s.closesAt)
      ctx.addIssue({ code: 'custom', path: ['schedules', i, 'closesAt'], message: 'must be after the opening time' });
  });
  value.intakeWindows.forEach((w, i) => {
    if (w.closesOn && w.closesOn < w.opensOn)
      ctx.addIssue({
        code: 'custom',
        path: ['intakeWindows', i, 'closesOn'],
        message: 'must not be before the opening day',
      });
  });
  value.contacts.forEach((c, i) => {
    if (!c.name && !c.title)
      ctx.addIssue({ code: 'custom', path: ['contacts', i, 'name'], message: 'give a name or a title' });
  });
}

export const newServiceSchema = z
  .strictObject({
    ...serviceFields,
    // System administrators name the organization; an agency manager's is their own.
    organizationId: z.uuid().optional(),
    siteIds: z.array(z.uuid()).max(100).default([]),
    schedules: z.array(newScheduleSchema).max(50).default([]),
    intakeWindows: z.array(newIntakeWindowSchema).max(50).default([]),
    contacts: z.array(newContactSchema).max(20).default([]),
  })
  .superRefine(refineListing);
export type NewService = z.infer<typeof newServiceSchema>;

// A listing as an HSDS import brings it (docs/directory.md, "Exchange"): the same rules, except that a
// general HSDS dataset names no kind of program (the listing stays unclassified until someone says) and
// never carries capacity, which is the provider's to give.
export const importedServiceSchema = z
  .strictObject({
    ...serviceFields,
    interventionTypes: uniqueList(interventionTypeSchema, 7).default([]),
    seats: z.undefined().optional(),
    seatsOpen: z.undefined().optional(),
    schedules: z.array(newScheduleSchema).max(50).default([]),
    intakeWindows: z.array(newIntakeWindowSchema).max(50).default([]),
    contacts: z.array(newContactSchema).max(20).default([]),
  })
  .superRefine(refineListing);
export type ImportedService = z.infer<typeof importedServiceSchema>;

// A change to a listing. Lists (sites, schedules, intake windows, contacts), when given, replace the
// listing's; `verified: true` confirms every part as it stands. A change confirms the details and the parts it replaces.
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
export const servicePatchSchema = z
  .strictObject({
    name: serviceFields.name.optional(),
    nameFr: nullable(serviceFields.name),
    alternateName: nullable(text(200)),
    description: serviceFields.description.optional(),
    descriptionFr: nullable(serviceFields.description),
    url: nullable(z.url({ protocol: /^https?$/ }).max(500)),
    email: nullable(z.email()),
    phone: nullable(phone),
    status: serviceStatusSchema.optional(),
    interventionTypes: serviceFields.interventionTypes.optional(),
    targetNocCodes: uniqueList(nocCodeSchema, 50).optional(),
    targetNaicsCodes: uniqueList(naicsCodeSchema, 50).optional(),
    targetPopulations: uniqueList(targetPopulationSchema, 15).optional(),
    languages: uniqueList(languageCode, 20)
      .refine((l) => l.length > 0, 'name at least one')
      .optional(),
    deliveryMode: deliveryModeSchema.optional(),
    eligibilityDescription: nullable(text(2000)),
    eligibilityDescriptionFr: nullable(text(2000)),
    minimumAge: nullable(z.number().int().min(0).max(120)),
    maximumAge: nullable(z.number().int().min(0).max(120)),
    applicationProcess: nullable(text(2000)),
    feesDescription: nullable(text(1000)),
    credentialAwarded: nullable(text(200)),
    funder: nullable(text(1000)),
    startsOn: nullable(isoDate),
    endsOn: nullable(isoDate),
    seats: nullable(z.number().int().min(0).max(100_000)),
    seatsOpen: nullable(z.number().int().min(0).max(100_000)),
    siteIds: z.array(z.uuid()).max(100).optional(),
    schedules: z.array(newScheduleSchema).max(50).optional(),
    intakeWindows: z.array(newIntakeWindowSchema).max(50).optional(),
    contacts: z.array(newContactSchema).max(20).optional(),
    verified: z.literal(true).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'name at least one field to change' });
export type ServicePatch = z.infer<typeof servicePatchSchema>;

const codeTitle = z.object({ code: z.string(), title: z.string() });

export const serviceSiteSchema = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  name: z.string(),
  streetAddress: z.string(),
  city: z.string(),
  province: z.string(),
  postalCode: z.string(),
  // ISO 3166 alpha-2: CA, except for a place an HSDS import brought from elsewhere.
  country: z.string(),
  neighbourhoodId: z.number().int().nullable(),
  neighbourhoodName: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  wheelchairAccessible: z.boolean().nullable(),
  accessibilityDescription: z.string().nullable(),
  transportation: z.string().nullable(),
  verifiedAt: z.string(),
});
export type ServiceSite = z.infer<typeof serviceSiteSchema>;

export const scheduleSchema = z.object({
  id: z.uuid(),
  weekdays: z.array(z.enum(weekdays)),
  opensAt: z.string(),
  closesAt: z.string(),
  description: z.string().nullable(),
  verifiedAt: z.string(),
});
export const intakeWindowSchema = z.object({
  id: z.uuid(),
  opensOn: z.string(),
  closesOn: z.string().nullable(),
  note: z.string().nullable(),
  verifiedAt: z.string(),
});
export const contactSchema = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  verifiedAt: z.string(),
});

export const freshnessSchema = z.object({
  // The oldest confirmation of each part the listing has; null where it has none of that part.
  verifiedAt: z.record(z.enum(listingParts), z.string().nullable()),
  stale: z.boolean(),
  staleParts: z.array(z.enum(listingParts)),
  staleAfterDays: z.number().int(),
});

export const capacitySchema = z.object({
  seats: z.number().int(),
  seatsOpen: z.number().int().nullable(),
  verifiedAt: z.string(),
});

export const serviceSchema = z.object({
  id: z.uuid(),
  organization: z.object({ id: z.uuid(), name: z.string(), nameFr: z.string().nullable() }),
  name: z.string(),
  nameFr: z.string().nullable(),
  alternateName: z.string().nullable(),
  description: z.string(),
  descriptionFr: z.string().nullable(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: serviceStatusSchema,
  interventionTypes: z.array(interventionTypeSchema),
  occupations: z.array(codeTitle),
  industries: z.array(codeTitle),
  targetPopulations: z.array(targetPopulationSchema),
  languages: z.array(z.string()),
  deliveryMode: deliveryModeSchema,
  eligibilityDescription: z.string().nullable(),
  eligibilityDescriptionFr: z.string().nullable(),
  minimumAge: z.number().int().nullable(),
  maximumAge: z.number().int().nullable(),
  applicationProcess: z.string().nullable(),
  feesDescription: z.string().nullable(),
  credentialAwarded: z.string().nullable(),
  funder: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  intakeState: z.enum(intakeStates),
  intakeWindows: z.array(intakeWindowSchema),
  sites: z.array(serviceSiteSchema),
  schedules: z.array(scheduleSchema),
  contacts: z.array(contactSchema),
  freshness: freshnessSchema,
  // Only for staff (service.capacity_read); absent for the public.
  capacity: capacitySchema.optional(),
  // For staff: listings that are likely the same program (same provider or site and a name that reads
  // nearly the same), to merge or tell apart.
  possibleDuplicates: z
    .array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        organization: z.object({ id: z.uuid(), name: z.string() }),
        similarity: z.number(),
      }),
    )
    .optional(),
  updatedAt: z.string(),
  // Whether the reader may change and confirm this listing (service.manage), for the page's buttons.
  canManage: z.boolean(),
});
export type Service = z.infer<typeof serviceSchema>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(2000)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).max(50));

// Search: the public and staff use the same query; sort by relevance when words are given.
export const serviceSearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200).optional(),
  intervention: csv(interventionTypes).optional(),
  // A NOC 2021 code or the start of one (a broad category, a major group …).
  noc: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'must be a NOC 2021 code or the start of one (1 to 5 digits)')
    .optional(),
  naics: naicsCodeSchema.optional(),
  population: csv(targetPopulations).optional(),
  language: languageCode.optional(),
  deliveryMode: deliveryModeSchema.optional(),
  organizationId: z.uuid().optional(),
  // A postal code (M5V 3L9) or a forward sortation area (M5V); distances are from the area's centre.
  near: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase().replace(/[\s-]+/g, ''))
    .refine(
      (v) => /^[A-Z]\d[A-Z](\d[A-Z]\d)?$/.test(v),
      'must be a postal code such as M5V 3L9, or its first three characters',
    )
    .optional(),
  withinKm: z.coerce.number().min(0.5).max(100).default(10),
  intake: z.enum(['open_now', 'open_soon']).optional(),
  stale: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  sort: z.enum(['relevance', 'distance', 'name']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});
export type ServiceSearchQuery = z.infer<typeof serviceSearchQuerySchema>;

export const matchReasonSchema = z.object({
  kind: z.enum(matchReasonKinds),
  // What matched, as data the UI words: the fields the words were found in, the code, the kilometres.
  fields: z.array(z.string()).optional(),
  value: z.string().optional(),
  km: z.number().optional(),
  siteName: z.string().optional(),
});
export type MatchReason = z.infer<typeof matchReasonSchema>;

export const serviceSummarySchema = z.object({
  id: z.uuid(),
  organization: z.object({ id: z.uuid(), name: z.string(), nameFr: z.string().nullable() }),
  name: z.string(),
  nameFr: z.string().nullable(),
  description: z.string(),
  descriptionFr: z.string().nullable(),
  status: serviceStatusSchema,
  interventionTypes: z.array(interventionTypeSchema),
  targetPopulations: z.array(targetPopulationSchema),
  languages: z.array(z.string()),
  deliveryMode: deliveryModeSchema,
  intakeState: z.enum(intakeStates),
  nearestSite: z
    .object({ name: z.string(), neighbourhoodName: z.string().nullable(), km: z.number().nullable() })
    .nullable(),
  stale: z.boolean(),
  capacity: z.object({ seats: z.number().int(), seatsOpen: z.number().int().nullable() }).optional(),
  matchedBecause: z.array(matchReasonSchema),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;
