import crypto from 'node:crypto';
import { naicsClass } from '../industries/naics.ts';
import { nocTitle } from '../occupations/noc.ts';
import type { ServiceRecordRow } from './service.queries.ts';
import { intakeStateOf } from './listing.ts';

// The directory in Open Referral HSDS 3.0's shape (docs/directory.md). HSDS has no workforce fields, so
// ours travel where HSDS lets extensions go: as attributes whose taxonomy terms name them (intervention
// type, NOC 2021, NAICS Canada 2022, target population, delivery mode, credential, intake windows, program
// dates), the funder as HSDS funding, and each part's last confirmation as HSDS metadata. Capacity never
// leaves: the exchange is public. Absent values are left out (HSDS strings may not be null).

export const HSDS_VERSION = '3.0';
export const HSDS_OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';

// A stable uuid (version 5 layout) for rows HSDS needs and we do not keep: a phone, an address, a term.
export function stableUuid(name: string): string {
  const hash = crypto.createHash('sha1').update(`continuum-hsds:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type Json = Record<string, unknown>;

// Leaves out undefined and null members (HSDS types its optional fields without null).
function compact(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null));
}

// The vocabularies of our extensions, as HSDS taxonomies.
export const continuumTaxonomies = {
  intervention: { name: 'continuum-intervention-type', description: 'Continuum: the kind of workforce intervention' },
  population: { name: 'continuum-target-population', description: 'Continuum: a population the program is for' },
  delivery: { name: 'continuum-delivery-mode', description: 'Continuum: in person, virtual or hybrid' },
  noc: { name: 'NOC 2021', description: 'National Occupational Classification 2021 V1.0 (Statistics Canada)' },
  naics: {
    name: 'NAICS Canada 2022',
    description: 'North American Industry Classification System Canada 2022 V1.0 (Statistics Canada)',
  },
  credential: { name: 'continuum-credential-awarded', description: 'Continuum: the credential a program awards' },
  intake: {
    name: 'continuum-intake-window',
    description: 'Continuum: when a program takes applications (ISO 8601 interval)',
  },
  intakeState: {
    name: 'continuum-intake-state',
    description: 'Continuum: open, opens_soon, full or closed, on the day of the answer',
  },
  programDates: { name: 'continuum-program-dates', description: 'Continuum: when a program runs (ISO 8601 interval)' },
  translation: {
    name: 'continuum-translation',
    description: 'Continuum: a French wording of a field (the term names the field)',
  },
  organizationType: {
    name: 'continuum-organization-type',
    description: 'Continuum: the kind of organization in the employment service system',
  },
} as const;
export type ContinuumTaxonomy = keyof typeof continuumTaxonomies;

export function taxonomyId(taxonomy: ContinuumTaxonomy): string {
  return stableUuid(`taxonomy:${continuumTaxonomies[taxonomy].name}`);
}

export function taxonomyTermId(taxonomy: ContinuumTaxonomy, code: string): string {
  return stableUuid(`term:${continuumTaxonomies[taxonomy].name}:${code}`);
}

function term(taxonomy: ContinuumTaxonomy, code: string, name: string): Json {
  const t = continuumTaxonomies[taxonomy];
  return {
    id: taxonomyTermId(taxonomy, code),
    code,
    name,
    description: `${t.description}: ${name}`,
    taxonomy: t.name,
    taxonomy_id: taxonomyId(taxonomy),
    language: 'en',
  };
}

function attribute(
  linkId: string,
  taxonomy: ContinuumTaxonomy,
  code: string,
  name: string,
  value?: string,
  linkEntity: 'service' | 'organization' = 'service',
): Json {
  const t = term(taxonomy, code, name);
  return compact({
    id: stableUuid(`attribute:${linkId}:${String(t['id'])}:${value ?? ''}`),
    link_id: linkId,
    link_type: linkEntity,
    link_entity: linkEntity,
    taxonomy_term_id: t['id'],
    value,
    taxonomy_term: t,
  });
}

const words = (code: string) => code.replace(/_/g, ' ');

function interval(from: string | null, to: string | null): string {
  return `${from ?? '..'}/${to ?? '..'}`;
}

const hsdsStatus = (status: string) => (status === 'temporarily_closed' ? 'temporarily closed' : status);

const organizationTypeWords: Record<string, string> = {
  system_manager: 'The service system manager for employment services in Toronto.',
  employment_service_provider: 'An employment service provider in Toronto.',
  social_assistance_office: 'A social assistance office in Toronto.',
  training_organization: 'A training organization in Toronto.',
  community_agency: 'A community agency in Toronto.',
  employer: 'An employer in Toronto.',
};

// Whether an organization's HSDS description is the stand-in we write for one without its own.
export function isStandInDescription(text: string): boolean {
  return text === 'An organization in Toronto.' || Object.values(organizationTypeWords).includes(text);
}

export type OrganizationRow = {
  id: string;
  name: string;
  nameFr: string | null;
  type: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  description: string | null;
};

export function hsdsOrganizationListItem(o: OrganizationRow): Json {
  return compact({
    id: o.id,
    name: o.name,
    alternate_name: o.nameFr ?? undefined,
    // HSDS requires a description: an organization without one of its own has its type put in words.
    description: o.description ?? organizationTypeWords[o.type] ?? 'An organization in Toronto.',
    email: o.email ?? undefined,
    website: o.website ?? undefined,
  });
}

export type SiteRow = {
  id: string;
  organizationId: string;
  name: string;
  streetAddress: string;
  city: string;
  province: string;
  postalCode: string;
  country: string;
  latitude: number | null;
  longitude: number | null;
  wheelchairAccessible: boolean | null;
  accessibilityDescription: string | null;
  transportation: string | null;
};

export function hsdsLocation(site: SiteRow): Json {
  const accessibility: Json[] = [];
  if (site.wheelchairAccessible !== null || site.accessibilityDescription) {
    accessibility.push(
      compact({
        id: stableUuid(`accessibility:${site.id}`),
        location_id: site.id,
        description:
          site.wheelchairAccessible === null
            ? undefined
            : site.wheelchairAccessible
              ? 'Wheelchair accessible'
              : 'Not wheelchair accessible',
        details: site.accessibilityDescription ?? undefined,
      }),
    );
  }
  return compact({
    id: site.id,
    location_type: 'physical',
    organization_id: site.organizationId,
    name: site.name,
    transportation: site.transportation ?? undefined,
    latitude: site.latitude ?? undefined,
    longitude: site.longitude ?? undefined,
    addresses: [
      {
        id: stableUuid(`address:${site.id}`),
        location_id: site.id,
        address_1: site.streetAddress,
        city: site.city,
        state_province: site.province,
        postal_code: site.postalCode,
        country: site.country,
        address_type: 'physical',
      },
    ],
    accessibility,
  });
}

export function hsdsOrganization(o: OrganizationRow, sites: readonly SiteRow[]): Json {
  return compact({
    ...hsdsOrganizationListItem(o),
    phones: o.phone ? [{ id: stableUuid(`phone:organization:${o.id}`), organization_id: o.id, number: o.phone }] : [],
    locations: sites.map(hsdsLocation),
    attributes: [attribute(o.id, 'organizationType', o.type, words(o.type), undefined, 'organization')],
  });
}

// The one-to-one fields of a service (HSDS's service_list item, and the start of a full service).
export function hsdsServiceListItem(row: ServiceRecordRow, organization: Json): Json {
  return compact({
    id: row.id,
    organization_id: row.organizationId,
    name: row.name,
    alternate_name: row.alternateName ?? row.nameFr ?? undefined,
    description: row.description,
    url: row.url ?? undefined,
    email: row.email ?? undefined,
    status: hsdsStatus(row.status),
    application_process: row.applicationProcess ?? undefined,
    fees_description: row.feesDescription ?? undefined,
    eligibility_description: row.eligibilityDescription ?? undefined,
    minimum_age: row.minimumAge ?? undefined,
    maximum_age: row.maximumAge ?? undefined,
    // The day the provider last confirmed the listing's details.
    assured_date: row.detailsVerifiedAt.slice(0, 10),
    last_modified: row.updatedAt,
    organization,
  });
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

export function hsdsService(row: ServiceRecordRow, organization: Json, today: string): Json {
  const attributes: Json[] = [
    ...row.interventionTypes.map((c) => attribute(row.id, 'intervention', c, words(c))),
    ...row.targetPopulations.map((c) => attribute(row.id, 'population', c, words(c))),
    attribute(row.id, 'delivery', row.deliveryMode, words(row.deliveryMode)),
    ...row.targetNocCodes.map((c) => attribute(row.id, 'noc', c, nocTitle(c) ?? c)),
    ...row.targetNaicsCodes.map((c) => attribute(row.id, 'naics', c, naicsClass(c)?.title ?? c)),
    ...row.intakeWindows.map((w) =>
      attribute(row.id, 'intake', 'window', 'intake window', interval(w.opensOn, w.closesOn)),
    ),
    attribute(
      row.id,
      'intakeState',
      intakeStateOf({ status: row.status, seatsOpen: row.seatsOpen, windows: row.intakeWindows }, today),
      'intake state',
    ),
  ];
  const french = {
    name_fr: row.nameFr,
    description_fr: row.descriptionFr,
    eligibility_description_fr: row.eligibilityDescriptionFr,
  };
  for (const [field, value] of Object.entries(french))
    if (value)
      attributes.push(attribute(row.id, 'translation', field, `French ${words(field.replace(/_fr$/, ''))}`, value));
  if (row.credentialAwarded)
    attributes.push(attribute(row.id, 'credential', 'credential', 'credential awarded', row.credentialAwarded));
  if (row.startsOn || row.endsOn)
    attributes.push(attribute(row.id, 'programDates', 'dates', 'program dates', interval(row.startsOn, row.endsOn)));

  const metadata = (part: string, at: string | null): Json[] =>
    at === null
      ? []
      : [
          {
            id: stableUuid(`metadata:${row.id}:${part}`),
            resource_id: row.id,
            resource_type: 'service',
            last_action_date: at.slice(0, 10),
            last_action_type: 'verified',
            field_name: part,
            previous_value: '',
            replacement_value: '',
            updated_by: 'provider',
          },
        ];
  const oldestOf = (dates: string[]) => (dates.length ? dates.reduce((a, b) => (a < b ? a : b)) : null);

  return {
    ...hsdsServiceListItem(row, organization),
    phones: row.phone ? [{ id: stableUuid(`phone:service:${row.id}`), service_id: row.id, number: row.phone }] : [],
    schedules: row.schedules.map((s) =>
      compact({
        id: s.id,
        service_id: row.id,
        freq: 'WEEKLY',
        wkst: 'MO',
        byday: s.weekdays.join(','),
        opens_at: s.opensAt,
        closes_at: s.closesAt,
        description: s.description ?? undefined,
      }),
    ),
    service_at_locations: row.sites.map((site) =>
      compact({
        id: site.id,
        service_id: row.id,
        location_id: site.siteId,
        location: hsdsLocation({ ...site, id: site.siteId }),
      }),
    ),
    languages: row.languages.map((code) =>
      compact({
        id: stableUuid(`language:${row.id}:${code}`),
        service_id: row.id,
        name: languageNames.of(code) ?? code,
        code,
      }),
    ),
    funding: row.funder ? [{ id: stableUuid(`funding:${row.id}`), service_id: row.id, source: row.funder }] : [],
    contacts: row.contacts.map((c) =>
      compact({
        id: c.id,
        service_id: row.id,
        name: c.name ?? undefined,
        title: c.title ?? undefined,
        email: c.email ?? undefined,
        phones: c.phone ? [{ id: stableUuid(`phone:contact:${c.id}`), contact_id: c.id, number: c.phone }] : [],
      }),
    ),
    attributes,
    metadata: [
      ...metadata('details', row.detailsVerifiedAt),
      ...metadata('sites', oldestOf(row.sites.map((s) => s.verifiedAt))),
      ...metadata('schedules', oldestOf(row.schedules.map((s) => s.verifiedAt))),
      ...metadata('intake', oldestOf(row.intakeWindows.map((w) => w.verifiedAt))),
      ...metadata('contacts', oldestOf(row.contacts.map((c) => c.verifiedAt))),
    ],
  };
}

export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
