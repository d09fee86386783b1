import { z } from 'zod';
import type { EducationLevel, IncomeSource } from './distributions.ts';

// The shapes of a synthetic city. Organization types and column values match the CHECK
// constraints of migrations 0001 and 0003.

// One list of organization types for the whole product.
import { organizationTypes, type OrganizationType } from '../organizations/organization.ts';

export const ORGANIZATION_TYPES = organizationTypes;
export type { OrganizationType };

export const cityOptionsSchema = z.object({
  // Stored in synthetic_loads.seed, a PostgreSQL integer.
  seed: z.number().int().min(0).max(2_147_483_647),
  clients: z.number().int().min(0).max(10_000_000),
});
export type CityOptions = z.infer<typeof cityOptionsSchema>;

export type SyntheticOrganization = {
  id: string;
  type: OrganizationType;
  name: string;
  nameFr: string | null;
  website: string | null;
  phone: string;
  email: string | null;
  offersFrench: boolean;
};

export type SyntheticSite = {
  id: string;
  organizationId: string;
  name: string;
  streetAddress: string;
  city: 'Toronto';
  province: 'ON';
  postalCode: string;
  // The FSA the site was placed in (the first three characters of postalCode); not a column.
  fsa: string;
  neighbourhoodId: number;
  latitude: number;
  longitude: number;
  wheelchairAccessible: boolean;
};

export type SyntheticClient = {
  id: string;
  organizationId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  preferredLanguage: 'en' | 'fr';
  postalCode: string;
  neighbourhoodId: number;
  educationLevel: EducationLevel;
  incomeSource: IncomeSource;
  equity: {
    newcomer: boolean;
    arrivalYear: number | null;
    disability: boolean;
    francophone: boolean;
  };
};

export type SyntheticCity = {
  seed: number;
  clientCount: number;
  referenceDate: string;
  organizations: readonly SyntheticOrganization[];
  sites: readonly SyntheticSite[];
  // A fresh pass over the same clients each call: they are generated on demand, never held in
  // memory, so a million of them stream through COPY.
  clients: () => Generator<SyntheticClient, void, undefined>;
};
