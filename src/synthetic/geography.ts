import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseCsvRecords } from '../lib/csv.ts';

// The vendored reference data (see each folder's SOURCE.md). Migration 0002 loads the same files
// into the neighbourhoods and forward_sortation_areas tables, so ids and codes agree.
export const NEIGHBOURHOODS_CSV = fileURLToPath(
  new URL('../../vendor/toronto-neighbourhoods-2016/neighbourhoods.csv', import.meta.url),
);
export const FSA_CSV = fileURLToPath(new URL('../../vendor/toronto-fsa/fsa.csv', import.meta.url));

// The City of Toronto's extent, a little generously: hand-typed centroids must fall inside it.
export const TORONTO_BOUNDS = { minLatitude: 43.58, maxLatitude: 43.86, minLongitude: -79.64, maxLongitude: -79.11 };

export const AGE_GROUPS = [
  'age_15_19',
  'age_20_24',
  'age_25_29',
  'age_30_34',
  'age_35_39',
  'age_40_44',
  'age_45_49',
  'age_50_54',
  'age_55_59',
  'age_60_64',
] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export const CENSUS_EDUCATION_LEVELS = [
  'less_than_high_school',
  'high_school',
  'apprenticeship_or_trades',
  'college',
  'bachelor',
  'graduate',
] as const;
export type CensusEducationLevel = (typeof CENSUS_EDUCATION_LEVELS)[number];

const count = z.coerce.number().int().min(0);
const latitude = z.coerce.number().min(TORONTO_BOUNDS.minLatitude).max(TORONTO_BOUNDS.maxLatitude);
const longitude = z.coerce.number().min(TORONTO_BOUNDS.minLongitude).max(TORONTO_BOUNDS.maxLongitude);
const fsaCode = z.string().regex(/^M[0-9][ABCEGHJ-NPRSTV-Z]$/, 'an FSA code such as M5V');

const neighbourhoodRowSchema = z.object({
  id: z.coerce.number().int().min(1).max(999),
  name: z.string().trim().min(2),
  designation: z.enum(['nia', 'emerging', 'none']),
  population_2016: count,
  unemployment_rate: z.coerce.number().min(0).max(100),
  labour_force: count,
  unemployed: count,
  age_15_19: count,
  age_20_24: count,
  age_25_29: count,
  age_30_34: count,
  age_35_39: count,
  age_40_44: count,
  age_45_49: count,
  age_50_54: count,
  age_55_59: count,
  age_60_64: count,
  education_total_25_64: count,
  no_certificate_25_64: count,
  high_school_25_64: count,
  apprenticeship_trades_25_64: count,
  college_25_64: count,
  bachelor_25_64: count,
  graduate_25_64: count,
  immigration_total: count,
  recent_immigrants_2011_2016: count,
  first_official_language_total: count,
  official_language_minority: count,
  fsa: fsaCode,
  latitude,
  longitude,
});

const fsaRowSchema = z.object({
  code: fsaCode,
  place_name: z.string().trim().min(2),
  former_municipality: z.enum(['Toronto', 'East York', 'York', 'North York', 'Scarborough', 'Etobicoke']),
  latitude,
  longitude,
});

export type Designation = z.infer<typeof neighbourhoodRowSchema>['designation'];
export type FormerMunicipality = z.infer<typeof fsaRowSchema>['former_municipality'];

export type Neighbourhood = {
  id: number;
  name: string;
  designation: Designation;
  population2016: number;
  unemploymentRate: number;
  labourForce: number;
  unemployed: number;
  // Residents by five-year age group, 15–19 … 60–64, in AGE_GROUPS order.
  ageCounts: readonly number[];
  // Residents aged 25–64 by highest certificate, in CENSUS_EDUCATION_LEVELS order.
  educationCounts: readonly number[];
  immigrationTotal: number;
  recentImmigrants: number;
  firstOfficialLanguageTotal: number;
  officialLanguageMinority: number;
  fsa: string;
  latitude: number;
  longitude: number;
};

export type ForwardSortationArea = {
  code: string;
  placeName: string;
  formerMunicipality: FormerMunicipality;
  latitude: number;
  longitude: number;
};

export type Geography = {
  neighbourhoods: readonly Neighbourhood[];
  fsas: readonly ForwardSortationArea[];
  fsaByCode: ReadonlyMap<string, ForwardSortationArea>;
};

function parseRows<S extends z.ZodType>(schema: S, text: string, file: string): z.infer<S>[] {
  return parseCsvRecords(text).map((record, index) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`${file} record ${index + 1}: ${issues}`);
    }
    return parsed.data;
  });
}

export function parseGeography(neighbourhoodsCsv: string, fsaCsv: string): Geography {
  const fsas = parseRows(fsaRowSchema, fsaCsv, 'fsa.csv').map((r): ForwardSortationArea => ({
    code: r.code,
    placeName: r.place_name,
    formerMunicipality: r.former_municipality,
    latitude: r.latitude,
    longitude: r.longitude,
  }));
  const fsaByCode = new Map(fsas.map((f) => [f.code, f]));
  if (fsaByCode.size !== fsas.length) throw new Error('fsa.csv lists an FSA twice');

  const neighbourhoods = parseRows(neighbourhoodRowSchema, neighbourhoodsCsv, 'neighbourhoods.csv').map(
    (r): Neighbourhood => ({
      id: r.id,
      name: r.name,
      designation: r.designation,
      population2016: r.population_2016,
      unemploymentRate: r.unemployment_rate,
      labourForce: r.labour_force,
      unemployed: r.unemployed,
      ageCounts: AGE_GROUPS.map((g) => r[g]),
      educationCounts: [
        r.no_certificate_25_64,
        r.high_school_25_64,
        r.apprenticeship_trades_25_64,
        r.college_25_64,
        r.bachelor_25_64,
        r.graduate_25_64,
      ],
      immigrationTotal: r.immigration_total,
      recentImmigrants: r.recent_immigrants_2011_2016,
      firstOfficialLanguageTotal: r.first_official_language_total,
      officialLanguageMinority: r.official_language_minority,
      fsa: r.fsa,
      latitude: r.latitude,
      longitude: r.longitude,
    }),
  );
  const ids = new Set<number>();
  const names = new Set<string>();
  for (const n of neighbourhoods) {
    if (ids.has(n.id)) throw new Error(`neighbourhoods.csv lists neighbourhood ${n.id} twice`);
    if (names.has(n.name)) throw new Error(`neighbourhoods.csv lists "${n.name}" twice`);
    ids.add(n.id);
    names.add(n.name);
    if (!fsaByCode.has(n.fsa)) throw new Error(`Neighbourhood ${n.id} (${n.name}) is in ${n.fsa}, not in fsa.csv`);
    if (n.unemployed > n.labourForce) throw new Error(`Neighbourhood ${n.id} has more unemployed than labour force`);
    if (n.recentImmigrants > n.immigrationTotal || n.officialLanguageMinority > n.firstOfficialLanguageTotal) {
      throw new Error(`Neighbourhood ${n.id}: a count exceeds its total`);
    }
  }
  return { neighbourhoods, fsas, fsaByCode };
}

let cached: Geography | undefined;

// Read once per process: the files are small (about 30 KB) and never change at run time.
export function loadGeography(): Geography {
  cached ??= parseGeography(fs.readFileSync(NEIGHBOURHOODS_CSV, 'utf8'), fs.readFileSync(FSA_CSV, 'utf8'));
  return cached;
}
