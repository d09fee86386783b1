import { canonicalPostalCodePattern, organizationTypes, type OrganizationType } from '../organizations/organization.ts';
import { isUuid } from '../../lib/ids.ts';
import { continuumTaxonomies, isStandInDescription, taxonomyTermId, type ContinuumTaxonomy } from './hsds.ts';
import type { ImportOrganizationColumns, ImportSiteColumns } from './hsds-import.queries.ts';
import { isObject, type Json } from './hsds-read.ts';

// HSDS organizations and locations as the directory's organizations and sites (docs/directory.md,
// "Exchange"): what each becomes, or every reason it cannot, and notes on what was left out.

export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
export const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

// A phone number as the directory keeps it: the digits and the usual punctuation (some publishers quote
// theirs). The directory keeps no extension.
export function phoneOf(phones: unknown): string | undefined {
  const first = list(phones)[0];
  if (!first) return undefined;
  const number = str(first['number'])
    ?.replace(/[^0-9+()\-. ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!number || !/^[0-9+()\-. ]{7,25}$/.test(number)) return undefined;
  return number;
}

const provinceCodes: Record<string, string> = {
  alberta: 'AB',
  'british columbia': 'BC',
  manitoba: 'MB',
  'new brunswick': 'NB',
  'newfoundland and labrador': 'NL',
  'northwest territories': 'NT',
  'nova scotia': 'NS',
  nunavut: 'NU',
  ontario: 'ON',
  'prince edward island': 'PE',
  quebec: 'QC',
  québec: 'QC',
  saskatchewan: 'SK',
  yukon: 'YT',
};

export type SitePlan = { id: string; organizationId: string | undefined; columns: ImportSiteColumns; verifiedAt: Date };

// An HSDS location as a site, or why it cannot be one. A site is a street address; a virtual location
// is not a place (its service is delivered online).
export function siteOf(
  location: Json,
  now: Date,
): { site?: SitePlan; virtual?: true; reasons: string[]; notes: string[] } {
  const reasons: string[] = [];
  const notes: string[] = [];
  const id = str(location['id']);
  if (!id || !isUuid(id)) return { reasons: ['id: not a uuid'], notes };
  const addresses = list(location['addresses']);
  const address = addresses.find((a) => a['address_type'] === 'physical') ?? addresses[0];
  if (!address) {
    if (location['location_type'] === 'virtual') return { virtual: true, reasons, notes };
    return { reasons: ['addresses: none given (a place in the directory has a street address)'], notes };
  }
  if (address['address_type'] !== 'physical')
    notes.push(`kept its ${String(address['address_type'])} address as the place's address`);
  const country = (str(address['country']) ?? 'CA').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) reasons.push(`country: "${country}" is not an ISO 3166 two-letter code`);
  let postalCode = str(address['postal_code']) ?? '';
  let province = str(address['state_province']) ?? '';
  if (country === 'CA') {
    const compact = postalCode.toUpperCase().replace(/\s+/g, '');
    postalCode = compact.length === 6 ? `${compact.slice(0, 3)} ${compact.slice(3)}` : postalCode;
    if (!canonicalPostalCodePattern.test(postalCode))
      reasons.push(`postal_code: "${postalCode}" is not a Canadian postal code`);
    province = provinceCodes[province.toLowerCase()] ?? province.toUpperCase();
    if (!/^[A-Z]{2}$/.test(province)) reasons.push(`state_province: "${province}" is not a Canadian province`);
  } else {
    if (postalCode.length < 1 || postalCode.length > 20) reasons.push('postal_code: give one of 1 to 20 characters');
    if (province.length < 1 || province.length > 100) reasons.push('state_province: give one of 1 to 100 characters');
  }
  const street = [str(address['address_1']), str(address['address_2'])].filter(Boolean).join(', ');
  if (street.length < 3 || street.length > 300) reasons.push('address_1: give a street address of 3 to 300 characters');
  const city = str(address['city']) ?? '';
  if (city.length < 1 || city.length > 100) reasons.push('city: give one of 1 to 100 characters');
  const name = str(location['name']) ?? street;
  if (name.length < 2 || name.length > 200) reasons.push('name: give one of 2 to 200 characters');

  let latitude = typeof location['latitude'] === 'number' ? location['latitude'] : null;
  let longitude = typeof location['longitude'] === 'number' ? location['longitude'] : null;
  if (latitude !== null || longitude !== null) {
    const onEarth = latitude !== null && longitude !== null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
    if (!onEarth) {
      notes.push(`coordinates (${String(latitude)}, ${String(longitude)}) are not a place on Earth: left out`);
      latitude = null;
      longitude = null;
    }
  }
  const transportation = str(location['transportation']);
  let wheelchairAccessible: boolean | null = null;
  const accessibilityWords: string[] = [];
  for (const a of list(location['accessibility'])) {
    const description = str(a['description']);
    if (description === 'Wheelchair accessible') wheelchairAccessible = true;
    else if (description === 'Not wheelchair accessible') wheelchairAccessible = false;
    else if (description) accessibilityWords.push(description);
    const details = str(a['details']);
    if (details) accessibilityWords.push(details);
  }
  const accessibilityDescription = accessibilityWords.join(' ') || null;
  if (accessibilityDescription && accessibilityDescription.length > 1000)
    reasons.push('accessibility: give at most 1,000 characters of description and details');
  if (transportation && transportation.length > 500) reasons.push('transportation: give at most 500 characters');
  if (reasons.length > 0) return { reasons, notes };
  return {
    site: {
      id,
      organizationId: str(location['organization_id']),
      columns: {
        name,
        streetAddress: street,
        city,
        province,
        postalCode,
        country,
        latitude: latitude === null ? null : Math.round(latitude * 1e6) / 1e6,
        longitude: longitude === null ? null : Math.round(longitude * 1e6) / 1e6,
        wheelchairAccessible,
        accessibilityDescription,
        transportation: transportation ?? null,
      },
      verifiedAt: verifiedOn(location, 'details') ?? now,
    },
    reasons,
    notes,
  };
}

// The day a record's metadata says a part was last verified (our export writes one row per part).
export function verifiedOn(record: Json, part: string): Date | undefined {
  const dates = list(record['metadata'])
    .filter((m) => m['last_action_type'] === 'verified' && m['field_name'] === part)
    .map((m) => str(m['last_action_date']))
    .filter((d): d is string => !!d && !Number.isNaN(Date.parse(d)));
  return dates.length ? dayOf(dates.sort()[0]!) : undefined;
}

// An HSDS date (a day, no time) as the middle of that day in UTC, which is the same day in Toronto; a
// date-time as it is.
export function dayOf(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
}

// The taxonomy an attribute names: ours by its name (or a term id we minted), another by its name.
const ourTaxonomies = new Map<string, ContinuumTaxonomy>(
  (Object.keys(continuumTaxonomies) as ContinuumTaxonomy[]).map((k) => [continuumTaxonomies[k].name, k]),
);
export function taxonomyOf(attribute: Json): ContinuumTaxonomy | undefined {
  const term = isObject(attribute['taxonomy_term']) ? attribute['taxonomy_term'] : undefined;
  const detail = term && isObject(term['taxonomy_detail']) ? term['taxonomy_detail'] : undefined;
  const name = str(term?.['taxonomy']) ?? str(detail?.['name']);
  if (name && ourTaxonomies.has(name)) return ourTaxonomies.get(name);
  const code = str(term?.['code']);
  const termId = str(attribute['taxonomy_term_id']) ?? str(term?.['id']);
  if (code && termId) for (const t of ourTaxonomies.values()) if (taxonomyTermId(t, code) === termId) return t;
  return undefined;
}

export function organizationColumnsOf(o: Json): {
  columns?: ImportOrganizationColumns;
  reasons: string[];
  notes: string[];
} {
  const reasons: string[] = [];
  const notes: string[] = [];
  const name = str(o['name']) ?? '';
  if (name.length < 2 || name.length > 200) reasons.push('name: give one of 2 to 200 characters');
  const given = str(o['description']);
  // Our own export's stand-in for an organization without a description is not a description.
  const description = given && !isStandInDescription(given) ? given : null;
  if (description && description.length > 4000) reasons.push('description: give at most 4,000 characters');
  let nameFr = str(o['alternate_name']) ?? null;
  if (nameFr && (nameFr.length < 2 || nameFr.length > 200)) {
    notes.push('alternate_name left out: not 2 to 200 characters');
    nameFr = null;
  }
  let website = str(o['website']) ?? null;
  if (website && !/^https?:\/\//.test(website)) {
    notes.push(`website "${website}" left out: not an http or https address`);
    website = null;
  }
  let email = str(o['email']) ?? null;
  if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) {
    notes.push(`email "${email}" left out: not an e-mail address`);
    email = null;
  }
  const phone = phoneOf(o['phones']) ?? null;
  if (reasons.length > 0) return { reasons, notes };
  return { columns: { name, nameFr, description, website, email, phone }, reasons, notes };
}

// The type an organization new to the directory takes: the one our export names, else a community agency.
export function organizationTypeOf(o: Json): OrganizationType {
  const named = list(o['attributes'])
    .filter((a) => taxonomyOf(a) === 'organizationType')
    .map((a) => (isObject(a['taxonomy_term']) ? str(a['taxonomy_term']['code']) : undefined))[0];
  return organizationTypes.find((t) => t === named) ?? 'community_agency';
}
