import { z } from 'zod';
import { isoDateSchema } from '../../lib/dates.ts';
import { formatCsv } from '../../lib/csv.ts';
import { interventionTypes, targetPopulations } from '../directory/vocabulary.ts';

// The landscape of workforce programs (issue 13, point 5; docs/directory.md, "Landscape"): for the
// system manager, where the city's programs are and where they are not. Coverage by intervention,
// occupation, population and area; the neighbourhoods with no program of the kind asked within a
// distance (gaps); listings not confirmed lately; and "no capacity" declines as unmet demand. Programs
// are public; the declines come from referrals, so their counts below the minimum cell are withheld.

export const landscapeDistances = [1, 2, 3, 5, 10] as const;

export const landscapeQuerySchema = z
  .strictObject({
    intervention: z.enum(interventionTypes).optional(),
    population: z.enum(targetPopulations).optional(),
    // A NOC 2021 code or the start of one: "7" is a broad category, "72" a major group, "72410" a unit group.
    noc: z
      .string()
      .regex(/^[0-9]{1,5}$/, 'must be a NOC 2021 code or its first digits')
      .optional(),
    // The distance within which a program covers a neighbourhood (from its centre), in kilometres.
    withinKm: z.coerce
      .number()
      .refine((km) => (landscapeDistances as readonly number[]).includes(km), 'must be 1, 2, 3, 5 or 10')
      .default(3),
    // The period of the declines counted as unmet demand (by the day the referral was sent).
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type LandscapeQuery = z.infer<typeof landscapeQuerySchema>;

const withheld = z.number().int().nullable();

export const landscapeAreaSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  // The City of Toronto's designation: a neighbourhood improvement area, emerging, or neither.
  designation: z.enum(['nia', 'emerging', 'none']),
  population: z.number().int(),
  unemploymentRate: z.number().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  // Programs with a site within the distance of the neighbourhood's centre, and with a site in it.
  servicesWithin: z.number().int(),
  servicesInside: z.number().int(),
  // Of those within the distance, listings not confirmed lately.
  staleWithin: z.number().int(),
  // The nearest site of a matching program, where none is within the distance.
  nearestKm: z.number().nullable(),
  gap: z.boolean(),
  // "No capacity" declines of clients living here (withheld below the minimum cell).
  unmetDemand: withheld,
});
export type LandscapeArea = z.infer<typeof landscapeAreaSchema>;

export const landscapeSchema = z.object({
  asOf: z.string(),
  minCell: z.number().int(),
  withinKm: z.number(),
  filters: z.object({
    intervention: z.enum(interventionTypes).nullable(),
    population: z.enum(targetPopulations).nullable(),
    noc: z.string().nullable(),
  }),
  period: z.object({ from: z.string(), to: z.string() }),
  totals: z.object({
    // Active programs that match, those with a site, online only, open now, and not confirmed lately.
    services: z.number().int(),
    inPerson: z.number().int(),
    onlineOnly: z.number().int(),
    openNow: z.number().int(),
    stale: z.number().int(),
    neighbourhoods: z.number().int(),
    gaps: z.number().int(),
    populationInGaps: z.number().int(),
    unmetDemand: withheld,
    // Of those, clients whose neighbourhood is not known.
    unmetNoArea: withheld,
  }),
  areas: z.array(landscapeAreaSchema),
  // Matching programs by intervention and the population they are for ('everyone': no population named).
  matrix: z.array(
    z.object({
      intervention: z.enum(interventionTypes),
      population: z.enum([...targetPopulations, 'everyone']),
      services: z.number().int(),
    }),
  ),
  // Matching programs by the broad occupational category (NOC's first digit) they train for; 'any': none named.
  occupations: z.array(z.object({ category: z.string(), services: z.number().int() })),
  // "No capacity" declines by the intervention of the program that declined.
  unmetByIntervention: z.array(z.object({ intervention: z.enum(interventionTypes), declines: withheld })),
});
export type Landscape = z.infer<typeof landscapeSchema>;

// The neighbourhood table as CSV (UTF-8, a header row): what the page's table shows, one row per
// neighbourhood; a withheld count reads "withheld".
export function landscapeCsv(l: Landscape): string {
  const header = [
    'neighbourhood_id',
    'neighbourhood',
    'designation',
    'population_2016',
    'unemployment_rate',
    `programs_within_${l.withinKm}_km`,
    'programs_in_neighbourhood',
    'not_confirmed_lately_within',
    'nearest_program_km',
    'gap',
    'no_capacity_declines',
  ];
  const rows = l.areas.map((a) => [
    a.id,
    a.name,
    a.designation,
    a.population,
    a.unemploymentRate,
    a.servicesWithin,
    a.servicesInside,
    a.staleWithin,
    a.nearestKm,
    a.gap ? 'yes' : 'no',
    a.unmetDemand === null ? 'withheld' : a.unmetDemand,
  ]);
  return formatCsv([header, ...rows]);
}
