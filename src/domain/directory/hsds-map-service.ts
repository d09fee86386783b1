import type { ZodError } from 'zod';
import type { ImportedListing } from './hsds-import.queries.ts';
import { dayOf, list, phoneOf, str, taxonomyOf, verifiedOn } from './hsds-map-place.ts';
import { isObject, type Json } from './hsds-read.ts';
import type { ContinuumTaxonomy } from './hsds.ts';
import { importedServiceSchema, type ImportedService } from './service.ts';
import { weekdays } from './vocabulary.ts';

// An HSDS service as a directory listing (docs/directory.md, "Exchange"): its columns from HSDS's own
// fields, the workforce fields from attributes in our taxonomies, weekly hours from its schedules; checked
// with the same rules as a listing entered by hand, except that it may be unclassified.

function intervalOf(value: string | undefined): { from?: string; to?: string } | undefined {
  const match = value?.match(/^(\d{4}-\d{2}-\d{2}|\.\.)\/(\d{4}-\d{2}-\d{2}|\.\.)$/);
  if (!match) return undefined;
  return {
    ...(match[1] !== '..' ? { from: match[1] } : {}),
    ...(match[2] !== '..' ? { to: match[2] } : {}),
  };
}

export type ServicePlan = {
  id: string;
  organizationId: string | undefined;
  input: ImportedService;
  locations: Json[];
  locationIds: string[];
  // Whether the dataset says when the listing was last confirmed (else the import's day stands in).
  verifiedGiven: boolean;
  // Which lists the record gives (an HSDS list item gives none of them).
  given: {
    attributes: boolean;
    languages: boolean;
    phones: boolean;
    funding: boolean;
    schedules: boolean;
    contacts: boolean;
    places: boolean;
  };
  verified: ImportedListing['verified'];
  notes: string[];
};

const fieldsOfHsds: Record<string, string> = {
  interventionTypes: 'attributes (continuum-intervention-type)',
  targetPopulations: 'attributes (continuum-target-population)',
  deliveryMode: 'attributes (continuum-delivery-mode)',
  targetNocCodes: 'attributes (NOC 2021)',
  targetNaicsCodes: 'attributes (NAICS Canada 2022)',
  credentialAwarded: 'attributes (continuum-credential-awarded)',
  intakeWindows: 'attributes (continuum-intake-window)',
  startsOn: 'attributes (continuum-program-dates)',
  endsOn: 'attributes (continuum-program-dates)',
  nameFr: 'attributes (continuum-translation name_fr)',
  descriptionFr: 'attributes (continuum-translation description_fr)',
  eligibilityDescriptionFr: 'attributes (continuum-translation eligibility_description_fr)',
  alternateName: 'alternate_name',
  applicationProcess: 'application_process',
  feesDescription: 'fees_description',
  eligibilityDescription: 'eligibility_description',
  minimumAge: 'minimum_age',
  maximumAge: 'maximum_age',
  funder: 'funding.source',
  languages: 'languages',
  schedules: 'schedules',
  contacts: 'contacts',
};

function zodReasons(error: ZodError): string[] {
  return error.issues.map((issue) => {
    const [field, ...rest] = issue.path.map(String);
    const where = field ? (fieldsOfHsds[field] ?? field) : 'record';
    return `${[where, ...rest].join('.')}: ${issue.message}`;
  });
}

export function servicePlanOf(service: Json, now: Date): { plan?: ServicePlan; reasons: string[] } {
  const notes: string[] = [];
  const id = str(service['id'])!;
  const codes = (t: ContinuumTaxonomy) =>
    list(service['attributes'])
      .filter((a) => taxonomyOf(a) === t)
      .map((a) => (isObject(a['taxonomy_term']) ? str(a['taxonomy_term']['code']) : undefined))
      .filter((c): c is string => !!c);
  const values = (t: ContinuumTaxonomy, code?: string) =>
    list(service['attributes'])
      .filter(
        (a) =>
          taxonomyOf(a) === t &&
          (code === undefined || (isObject(a['taxonomy_term']) && a['taxonomy_term']['code'] === code)),
      )
      .map((a) => str(a['value']))
      .filter((v): v is string => !!v);
  const translation = (field: string) => values('translation', field)[0];

  const windows = values('intake').map((v) => ({ raw: v, interval: intervalOf(v) }));
  const badWindows = windows.filter((w) => !w.interval?.from);
  const dates = values('programDates').map(intervalOf)[0];
  const reasons: string[] = badWindows.map(
    (w) => `attributes (continuum-intake-window): "${w.raw}" is not an interval of days from an opening day`,
  );

  const weekdaySet = new Set<string>(weekdays);
  const schedules: ImportedService['schedules'] = [];
  const scheduleIds = new Set<string>();
  const places = list(service['service_at_locations']);
  for (const s of [...list(service['schedules']), ...places.flatMap((p) => list(p['schedules']))]) {
    const sid = str(s['id']) ?? '';
    if (scheduleIds.has(sid)) continue;
    scheduleIds.add(sid);
    const days = (str(s['byday']) ?? '').split(',').map((d) => d.trim().toUpperCase());
    const opens = str(s['opens_at'])?.slice(0, 5);
    const closes = str(s['closes_at'])?.slice(0, 5);
    const weekly = (s['freq'] === undefined || s['freq'] === 'WEEKLY') && days.every((d) => weekdaySet.has(d));
    if (!weekly || !opens || !closes || opens >= closes) {
      notes.push(
        `schedule ${sid || '(no id)'} left out: the directory keeps weekly hours (freq WEEKLY, byday, opens_at before closes_at)`,
      );
      continue;
    }
    const description = str(s['description']);
    schedules.push({
      weekdays: days as ImportedService['schedules'][number]['weekdays'],
      opensAt: opens,
      closesAt: closes,
      ...(description ? { description: description.slice(0, 500) } : {}),
    });
    if (description && description.length > 500) notes.push(`schedule ${sid}: description cut to 500 characters`);
  }

  const contacts: ImportedService['contacts'] = [];
  const contactIds = new Set<string>();
  for (const c of [...list(service['contacts']), ...places.flatMap((p) => list(p['contacts']))]) {
    const cid = str(c['id']) ?? '';
    if (contactIds.has(cid)) continue;
    contactIds.add(cid);
    const name = str(c['name']);
    const title = str(c['title']);
    if (!name && !title) {
      notes.push(`contact ${cid || '(no id)'} left out: it has neither a name nor a title`);
      continue;
    }
    const email = str(c['email']);
    const phone = phoneOf(c['phones']);
    contacts.push({
      ...(name ? { name } : {}),
      ...(title ? { title } : {}),
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
    });
  }

  const languageCodes = list(service['languages'])
    .map((l) => str(l['code'])?.toLowerCase())
    .filter((c): c is string => !!c);
  for (const l of list(service['languages']))
    if (!str(l['code'])) notes.push(`language "${str(l['name']) ?? '?'}" left out: it has no ISO 639 code`);

  const nameFr = translation('name_fr');
  const alternateName = str(service['alternate_name']);
  const status = str(service['status']);
  const deliveryMode = codes('delivery')[0];
  const phone = phoneOf(service['phones']);
  if (list(service['phones']).length > 0 && !phone) notes.push('phone left out: not a phone number');

  const raw = {
    name: str(service['name']),
    ...(nameFr ? { nameFr } : {}),
    ...(alternateName && alternateName !== nameFr ? { alternateName } : {}),
    description: str(service['description']),
    ...(translation('description_fr') ? { descriptionFr: translation('description_fr') } : {}),
    ...(str(service['url']) ? { url: str(service['url']) } : {}),
    ...(str(service['email']) ? { email: str(service['email']) } : {}),
    ...(phone ? { phone } : {}),
    status: status === 'temporarily closed' ? 'temporarily_closed' : status,
    interventionTypes: codes('intervention'),
    targetNocCodes: codes('noc'),
    targetNaicsCodes: codes('naics'),
    targetPopulations: codes('population'),
    ...(languageCodes.length ? { languages: languageCodes } : {}),
    ...(deliveryMode ? { deliveryMode } : {}),
    ...(str(service['eligibility_description'])
      ? { eligibilityDescription: str(service['eligibility_description']) }
      : {}),
    ...(translation('eligibility_description_fr')
      ? { eligibilityDescriptionFr: translation('eligibility_description_fr') }
      : {}),
    ...(typeof service['minimum_age'] === 'number' ? { minimumAge: service['minimum_age'] } : {}),
    ...(typeof service['maximum_age'] === 'number' ? { maximumAge: service['maximum_age'] } : {}),
    ...(str(service['application_process']) ? { applicationProcess: str(service['application_process']) } : {}),
    ...(str(service['fees_description']) ? { feesDescription: str(service['fees_description']) } : {}),
    ...(values('credential')[0] ? { credentialAwarded: values('credential')[0] } : {}),
    ...(str(list(service['funding'])[0]?.['source']) ? { funder: str(list(service['funding'])[0]?.['source']) } : {}),
    ...(dates?.from ? { startsOn: dates.from } : {}),
    ...(dates?.to ? { endsOn: dates.to } : {}),
    schedules,
    intakeWindows: windows
      .filter((w) => w.interval?.from)
      .map((w) => ({ opensOn: w.interval!.from!, ...(w.interval!.to ? { closesOn: w.interval!.to } : {}) })),
    contacts,
  };
  if (list(service['funding']).length > 1) notes.push('kept the first funding source only');
  const parsed = importedServiceSchema.safeParse(raw);
  if (!parsed.success) reasons.push(...zodReasons(parsed.error));
  if (reasons.length > 0 || !parsed.success) return { reasons };
  if (parsed.data.interventionTypes.length === 0)
    notes.push('not classified: the dataset names no kind of program (continuum-intervention-type)');

  const details =
    (str(service['assured_date']) && dayOf(str(service['assured_date'])!)) ||
    (str(service['last_modified']) && dayOf(str(service['last_modified'])!)) ||
    now;
  const verified = {
    details: Number.isNaN(details.getTime()) ? now : details,
    sites: verifiedOn(service, 'sites') ?? details,
    schedules: verifiedOn(service, 'schedules') ?? details,
    intake: verifiedOn(service, 'intake') ?? details,
    contacts: verifiedOn(service, 'contacts') ?? details,
  };
  const locations = places.map((p) => p['location']).filter(isObject);
  const locationIds = places
    .filter((p) => !isObject(p['location']))
    .map((p) => str(p['location_id']))
    .filter((l): l is string => !!l);
  return {
    plan: {
      id,
      organizationId:
        str(service['organization_id']) ??
        str(isObject(service['organization']) ? service['organization']['id'] : undefined),
      input: parsed.data,
      locations,
      locationIds,
      verifiedGiven: details !== now,
      given: {
        attributes: 'attributes' in service,
        languages: 'languages' in service,
        phones: 'phones' in service,
        funding: 'funding' in service,
        schedules: 'schedules' in service || places.some((p) => 'schedules' in p),
        contacts: 'contacts' in service || places.some((p) => 'contacts' in p),
        places: 'service_at_locations' in service,
      },
      verified,
      notes,
    },
    reasons,
  };
}
