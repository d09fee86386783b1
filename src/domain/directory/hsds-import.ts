import { systemActor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import type { Db } from '../../db/database.ts';
import { withTransaction } from '../../db/database.ts';
import { isUuid } from '../../lib/ids.ts';
import { locatePlace } from '../organizations/organization.service.ts';
import { hsdsValidators } from './hsds-schemas.ts';
import {
  inSavepoint,
  insertImportedOrganization,
  insertImportedService,
  insertImportedSite,
  selectOrganizationIdByName,
  selectOrganizationsForImport,
  selectServiceIdsOfOrganization,
  selectServiceOwners,
  selectSitesForImport,
  updateImportedOrganization,
  updateImportedService,
  updateImportedSite,
  updateSearchText,
  type ImportedListing,
  type ImportOrganizationColumns,
  type ImportSiteColumns,
} from './hsds-import.queries.ts';
import { list, organizationColumnsOf, organizationTypeOf, siteOf, str } from './hsds-map-place.ts';
import { servicePlanOf, type ServicePlan } from './hsds-map-service.ts';
import { REFERENCE, type HsdsDataset, type Json } from './hsds-read.ts';
import { columnsOfListing, searchTextOf } from './listing.ts';
import { selectServiceRecords, type ServiceRecordRow } from './service.queries.ts';

export { HsdsSourceError, readHsdsDataset, type HsdsDataset } from './hsds-read.ts';

// Importing an Open Referral HSDS 3.0 dataset into the directory (docs/directory.md, "Exchange").
// A dataset is JSON (organizations and services nested as the HSDS API answers them: one record, a list,
// an API page, or our export's {organizations, services}) or the tabular form, a folder of HSDS CSV files
// (with or without its datapackage.json). Each record is checked against the HSDS 3.0 JSON Schemas and
// then against the directory's own rules; a record that fails either is rejected with every reason and
// leaves nothing, the others land. Records keep their HSDS ids, so importing the same dataset again
// changes nothing (each record is compared with what the directory holds and written only if it differs),
// and a dataset exported from one Continuum imports into another as it was.

// --- The report ----------------------------------------------------------------------------------------

export type RecordKind = 'organization' | 'location' | 'service';
export type Tally = { created: number; updated: number; unchanged: number; rejected: number };
export type ImportReport = {
  format: 'json' | 'csv';
  dryRun: boolean;
  organizations: Tally;
  locations: Tally;
  services: Tally;
  rejected: { kind: RecordKind | 'record' | 'file'; id: string | null; name: string | null; reasons: string[] }[];
  notes: { kind: RecordKind; id: string; note: string }[];
  // HSDS fields the directory does not keep, and on how many records they had a value.
  notKept: { field: string; records: number }[];
};

const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0, rejected: 0 });

class Rejected extends Error {
  constructor(readonly reasons: string[]) {
    super(reasons.join('; '));
  }
}

// What the import reads of each kind of record; anything else with a value is counted as not kept.
const keptFields: Record<RecordKind, ReadonlySet<string>> = {
  organization: new Set([
    'id',
    'name',
    'alternate_name',
    'description',
    'email',
    'website',
    'phones',
    'locations',
    'attributes',
  ]),
  location: new Set([
    'id',
    'location_type',
    'organization_id',
    'name',
    'transportation',
    'latitude',
    'longitude',
    'addresses',
    'accessibility',
    'metadata',
  ]),
  service: new Set([
    'id',
    'organization_id',
    'organization',
    'name',
    'alternate_name',
    'description',
    'url',
    'email',
    'status',
    'application_process',
    'fees_description',
    'eligibility_description',
    'minimum_age',
    'maximum_age',
    'assured_date',
    'last_modified',
    'phones',
    'schedules',
    'service_at_locations',
    'languages',
    'funding',
    'contacts',
    'attributes',
    'metadata',
  ]),
};

// --- Comparing with what the directory holds ---------------------------------------------------------

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);

function listingOfRecord(row: ServiceRecordRow) {
  return {
    columns: {
      name: row.name,
      nameFr: row.nameFr,
      alternateName: row.alternateName,
      description: row.description,
      descriptionFr: row.descriptionFr,
      url: row.url,
      email: row.email,
      phone: row.phone,
      status: row.status,
      interventionTypes: [...row.interventionTypes].sort(),
      targetNocCodes: [...row.targetNocCodes].sort(),
      targetNaicsCodes: [...row.targetNaicsCodes].sort(),
      targetPopulations: [...row.targetPopulations].sort(),
      languages: [...row.languages].sort(),
      deliveryMode: row.deliveryMode,
      eligibilityDescription: row.eligibilityDescription,
      eligibilityDescriptionFr: row.eligibilityDescriptionFr,
      minimumAge: row.minimumAge,
      maximumAge: row.maximumAge,
      applicationProcess: row.applicationProcess,
      feesDescription: row.feesDescription,
      credentialAwarded: row.credentialAwarded,
      funder: row.funder,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
    },
    siteIds: row.sites.map((s) => s.siteId).sort(),
    schedules: row.schedules
      .map((s) => ({
        weekdays: [...s.weekdays].sort(),
        opensAt: s.opensAt,
        closesAt: s.closesAt,
        description: s.description,
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    intakeWindows: row.intakeWindows
      .map((w) => ({ opensOn: w.opensOn, closesOn: w.closesOn }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    contacts: row.contacts
      .map((c) => ({ name: c.name, title: c.title, email: c.email, phone: c.phone }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    verifiedDay: day(row.detailsVerifiedAt),
  };
}

function listingOfImport(listing: ImportedListing) {
  const c = listing.columns;
  const byJson = <T>(items: T[]) => items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    columns: {
      name: c.name,
      nameFr: c.nameFr,
      alternateName: c.alternateName,
      description: c.description,
      descriptionFr: c.descriptionFr,
      url: c.url,
      email: c.email,
      phone: c.phone,
      status: c.status,
      interventionTypes: [...c.interventionTypes].sort(),
      targetNocCodes: [...c.targetNocCodes].sort(),
      targetNaicsCodes: [...c.targetNaicsCodes].sort(),
      targetPopulations: [...c.targetPopulations].sort(),
      languages: [...c.languages].sort(),
      deliveryMode: c.deliveryMode,
      eligibilityDescription: c.eligibilityDescription,
      eligibilityDescriptionFr: c.eligibilityDescriptionFr,
      minimumAge: c.minimumAge,
      maximumAge: c.maximumAge,
      applicationProcess: c.applicationProcess,
      feesDescription: c.feesDescription,
      credentialAwarded: c.credentialAwarded,
      funder: c.funder,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
    },
    siteIds: [...listing.siteIds].sort(),
    schedules: byJson(
      listing.schedules.map((s) => ({
        weekdays: [...new Set(s.weekdays)].sort(),
        opensAt: s.opensAt,
        closesAt: s.closesAt,
        description: s.description ?? null,
      })),
    ),
    intakeWindows: byJson(listing.intakeWindows.map((w) => ({ opensOn: w.opensOn, closesOn: w.closesOn ?? null }))),
    contacts: byJson(
      listing.contacts.map((x) => ({
        name: x.name ?? null,
        title: x.title ?? null,
        email: x.email ?? null,
        phone: x.phone ?? null,
      })),
    ),
    verifiedDay: day(listing.verified.details),
  };
}

const sameSite = (a: ImportSiteColumns, b: ImportSiteColumns) =>
  sameJson(
    [a.name, a.streetAddress, a.city, a.province, a.postalCode, a.country, a.latitude, a.longitude],
    [b.name, b.streetAddress, b.city, b.province, b.postalCode, b.country, b.latitude, b.longitude],
  ) &&
  a.wheelchairAccessible === b.wheelchairAccessible &&
  a.accessibilityDescription === b.accessibilityDescription &&
  a.transportation === b.transportation;

// --- The import ----------------------------------------------------------------------------------------

type Settled = { siteId: string } | { virtual: true } | { reasons: string[] };

function isConstraintError(error: unknown): error is { code: string; constraint?: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('23');
}

type Given = ServicePlan['given'];

function keepWhatIsLeftOut(listing: ImportedListing, current: ServiceRecordRow, given: Given): void {
  const c = listing.columns;
  if (!given.attributes) {
    c.interventionTypes = current.interventionTypes;
    c.targetNocCodes = current.targetNocCodes;
    c.targetNaicsCodes = current.targetNaicsCodes;
    c.targetPopulations = current.targetPopulations;
    c.credentialAwarded = current.credentialAwarded;
    c.startsOn = current.startsOn;
    c.endsOn = current.endsOn;
    c.nameFr = current.nameFr;
    c.descriptionFr = current.descriptionFr;
    c.eligibilityDescriptionFr = current.eligibilityDescriptionFr;
    if (c.alternateName !== null && c.alternateName === current.nameFr) c.alternateName = current.alternateName;
    if (!given.places) c.deliveryMode = current.deliveryMode;
    listing.intakeWindows = current.intakeWindows.map((w) => ({
      opensOn: w.opensOn,
      ...(w.closesOn ? { closesOn: w.closesOn } : {}),
      ...(w.note ? { note: w.note } : {}),
    }));
  }
  if (!given.languages) c.languages = current.languages;
  if (!given.phones) c.phone = current.phone;
  if (!given.funding) c.funder = current.funder;
  if (!given.schedules)
    listing.schedules = current.schedules.map((x) => ({
      weekdays: x.weekdays as ImportedListing['schedules'][number]['weekdays'],
      opensAt: x.opensAt,
      closesAt: x.closesAt,
      ...(x.description ? { description: x.description } : {}),
    }));
  if (!given.contacts)
    listing.contacts = current.contacts.map((x) => ({
      ...(x.name ? { name: x.name } : {}),
      ...(x.title ? { title: x.title } : {}),
      ...(x.email ? { email: x.email } : {}),
      ...(x.phone ? { phone: x.phone } : {}),
    }));
  if (!given.places) listing.siteIds = current.sites.map((x) => x.siteId);
}

export type ImportOptions = { dryRun?: boolean; onProgress?: (done: number, total: number) => void; now?: Date };

export async function importHsdsDataset(db: Db, dataset: HsdsDataset, options: ImportOptions = {}) {
  const now = options.now ?? new Date();
  const report: ImportReport = {
    format: dataset.format,
    dryRun: options.dryRun === true,
    organizations: tally(),
    locations: tally(),
    services: tally(),
    rejected: dataset.unreadable.map((u) => ({ kind: u.kind, id: u.record, name: null, reasons: [u.reason] })),
    notes: [],
    notKept: [],
  };
  const notKept = new Map<string, number>();
  const countNotKept = (kind: RecordKind, record: Json) => {
    for (const [key, value] of Object.entries(record)) {
      if (keptFields[kind].has(key) || value === undefined || value === null || value === '') continue;
      if (Array.isArray(value) && value.length === 0) continue;
      notKept.set(`${kind}.${key}`, (notKept.get(`${kind}.${key}`) ?? 0) + 1);
    }
  };
  const validators = hsdsValidators({ closed: false });
  const schemaReasons = (schema: string, record: Json): string[] => {
    const validate = validators.schema(schema);
    if (validate(record)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'record'}: ${e.message ?? 'invalid'}`,
    );
  };
  const reject = (kind: RecordKind, record: Json, reasons: string[]) => {
    report.rejected.push({ kind, id: str(record['id']) ?? null, name: str(record['name']) ?? null, reasons });
    report[kind === 'organization' ? 'organizations' : kind === 'location' ? 'locations' : 'services'].rejected++;
  };
  const note = (kind: RecordKind, id: string, notes: string[]) => {
    for (const n of notes) report.notes.push({ kind, id, note: n });
  };
  const actor = systemActor('hsds-import');
  const total = dataset.organizations.length + dataset.services.length;
  let done = 0;
  const step = () => options.onProgress?.(++done, total);

  // Organizations the import could not take: their services are rejected too, with the reason.
  const refusedOrganizations = new Map<string, string>();
  // Locations already settled in this run, so a location shared by many services is written once.
  const settledSites = new Map<string, Settled>();
  // Organizations whose listings must be re-worded (their name changed).
  const renamed = new Set<string>();

  class DryRun extends Error {}
  try {
    await withTransaction(db, async (trx) => {
      // A location as a site of the organization, once per run however many records name it: its id, or
      // why it could not be one (a virtual location is no place, and says so with `virtual`).
      const settleSite = async (location: Json, organizationId: string): Promise<Settled> => {
        const key = str(location['id']) ?? '';
        const done = settledSites.get(key);
        if (done) return done;
        const settled = await settleNewSite(location, organizationId);
        settledSites.set(key, settled);
        return settled;
      };
      const settleNewSite = async (location: Json, organizationId: string): Promise<Settled> => {
        countNotKept('location', location);
        const mapped = siteOf(location, now);
        if (mapped.virtual) return { virtual: true };
        if (!mapped.site) return { reasons: mapped.reasons };
        const plan = mapped.site;
        const existing = (await selectSitesForImport(trx, [plan.id])).get(plan.id);
        if (existing && existing.organizationId !== organizationId)
          return { reasons: ['organization_id: the place belongs to another organization in the directory'] };
        const point =
          plan.columns.latitude !== null && plan.columns.longitude !== null
            ? { latitude: plan.columns.latitude, longitude: plan.columns.longitude }
            : undefined;
        const located =
          plan.columns.country === 'CA'
            ? await locatePlace(trx, plan.columns.postalCode, point)
            : { latitude: null, longitude: null, neighbourhoodId: null };
        const columns = {
          ...plan.columns,
          latitude: plan.columns.latitude ?? located.latitude,
          longitude: plan.columns.longitude ?? located.longitude,
          neighbourhoodId: located.neighbourhoodId,
        };
        try {
          await inSavepoint(trx, async () => {
            if (!existing) {
              await insertImportedSite(trx, plan.id, organizationId, columns, plan.verifiedAt);
              report.locations.created++;
            } else if (!sameSite(existing, columns)) {
              await updateImportedSite(trx, plan.id, columns, plan.verifiedAt);
              report.locations.updated++;
            } else report.locations.unchanged++;
          });
        } catch (error) {
          if (!isConstraintError(error)) throw error;
          return { reasons: [`the database refused it (${error.constraint ?? error.code})`] };
        }
        note('location', plan.id, mapped.notes);
        return { siteId: plan.id };
      };

      // 1. Organizations, with the locations they list.
      const known = await selectOrganizationsForImport(
        trx,
        dataset.organizations.map((o) => str(o['id'])).filter((id): id is string => !!id && isUuid(id)),
      );
      for (const organization of dataset.organizations) {
        step();
        const id = str(organization['id']) ?? '';
        if (organization[REFERENCE]) {
          // Only named by its locations: it must be in the directory already, and stays as it is.
          for (const location of list(organization['locations'])) {
            const settled = known.has(id)
              ? await settleSite(location, id)
              : { reasons: [`organization_id: no organization ${id} in the dataset or in the directory`] };
            if ('reasons' in settled) reject('location', location, settled.reasons);
          }
          continue;
        }
        countNotKept('organization', organization);
        const reasons = schemaReasons('organization.json', organization);
        const mapped = organizationColumnsOf(organization);
        reasons.push(...mapped.reasons);
        if (reasons.length > 0 || !mapped.columns) {
          reject('organization', organization, reasons);
          refusedOrganizations.set(id, reasons.join('; '));
          continue;
        }
        const existing = known.get(id);
        // A record that leaves out its phones leaves the phone the directory has.
        const columns =
          existing && !('phones' in organization) ? { ...mapped.columns, phone: existing.phone } : mapped.columns;
        try {
          await inSavepoint(trx, async () => {
            if (!existing) {
              const sameName = await selectOrganizationIdByName(trx, columns.name);
              if (sameName)
                throw new Rejected([
                  `name: an organization called "${columns.name}" is already in the directory (id ${sameName}); ` +
                    'give the dataset that id, or tell the two apart by name',
                ]);
              await insertImportedOrganization(trx, id, organizationTypeOf(organization), columns);
              report.organizations.created++;
            } else {
              const before: ImportOrganizationColumns = {
                name: existing.name,
                nameFr: existing.nameFr,
                description: existing.description,
                website: existing.website,
                email: existing.email,
                phone: existing.phone,
              };
              if (sameJson(before, columns)) report.organizations.unchanged++;
              else {
                if (before.name.toLowerCase() !== columns.name.toLowerCase()) {
                  const sameName = await selectOrganizationIdByName(trx, columns.name);
                  if (sameName && sameName !== id)
                    throw new Rejected([`name: another organization is called "${columns.name}" (id ${sameName})`]);
                }
                await updateImportedOrganization(trx, id, columns);
                if (before.name !== columns.name) renamed.add(id);
                report.organizations.updated++;
              }
            }
            note('organization', id, mapped.notes);
          });
        } catch (error) {
          if (!(error instanceof Rejected)) throw error;
          reject('organization', organization, error.reasons);
          refusedOrganizations.set(id, error.reasons.join('; '));
          continue;
        }
        for (const location of list(organization['locations'])) {
          const settled = await settleSite(location, id);
          if ('reasons' in settled) reject('location', location, settled.reasons);
        }
      }

      // 2. Services, each with its places.
      const owners = await selectServiceOwners(
        trx,
        dataset.services.map((s) => str(s['id'])).filter((id): id is string => !!id && isUuid(id)),
      );
      for (const service of dataset.services) {
        step();
        countNotKept('service', service);
        const reasons = schemaReasons('service.json', service);
        if (reasons.length > 0) {
          reject('service', service, reasons);
          continue;
        }
        const { plan, reasons: mappingReasons } = servicePlanOf(service, now);
        if (!plan) {
          reject('service', service, mappingReasons);
          continue;
        }
        const organizationId = plan.organizationId;
        if (!organizationId) {
          reject('service', service, ['organization_id: the service names no organization']);
          continue;
        }
        if (refusedOrganizations.has(organizationId)) {
          reject('service', service, [
            `organization_id: its organization was rejected (${refusedOrganizations.get(organizationId)})`,
          ]);
          continue;
        }
        const owner = owners.get(plan.id);
        if (owner && owner !== organizationId) {
          reject('service', service, [
            'organization_id: the directory holds this service under another organization (a listing does not move)',
          ]);
          continue;
        }
        const organization = (await selectOrganizationsForImport(trx, [organizationId])).get(organizationId);
        if (!organization) {
          reject('service', service, [
            `organization_id: no organization ${organizationId} in the dataset or in the directory`,
          ]);
          continue;
        }
        if (organization.type === 'employer') {
          reject('service', service, ['organization_id: an employer posts job orders, not services']);
          continue;
        }
        // Its places, settled before the listing (each in its own savepoint), so a listing rejected
        // below takes no place with it that another listing of the dataset relies on.
        const siteIds: string[] = [];
        let virtualPlaces = 0;
        for (const location of plan.locations) {
          const lid = str(location['id']) ?? '?';
          const locationOwner = str(location['organization_id']);
          if (locationOwner && locationOwner !== organizationId) {
            const other = (await selectOrganizationsForImport(trx, [locationOwner])).get(locationOwner);
            if (other) {
              plan.notes.push(
                `location ${lid} left out: it is a place of another organization (${other.name}), and a service is listed at its own organization's places`,
              );
              continue;
            }
            plan.notes.push(
              `location ${lid} names organization ${locationOwner}, which is in neither the dataset nor the directory: kept as a place of the service's organization`,
            );
          }
          const settled = await settleSite(location, organizationId);
          if ('virtual' in settled) virtualPlaces++;
          else if ('reasons' in settled) plan.notes.push(`location ${lid} left out: ${settled.reasons.join('; ')}`);
          else siteIds.push(settled.siteId);
        }
        for (const locationId of plan.locationIds) {
          const existing = (await selectSitesForImport(trx, [locationId])).get(locationId);
          if (existing?.organizationId === organizationId) siteIds.push(locationId);
          else plan.notes.push(`location ${locationId} left out: not a place of the service's organization`);
        }
        try {
          await inSavepoint(trx, async () => {
            const input = plan.input;
            const deliveryMode =
              virtualPlaces > 0 && siteIds.length === 0 && input.deliveryMode === 'in_person'
                ? 'virtual'
                : virtualPlaces > 0 && siteIds.length > 0 && input.deliveryMode === 'in_person'
                  ? 'hybrid'
                  : input.deliveryMode;
            const columns: ImportedListing['columns'] = { ...columnsOfListing(input), deliveryMode, searchText: '' };
            const listing: ImportedListing = {
              columns,
              siteIds: [...new Set(siteIds)],
              schedules: input.schedules,
              intakeWindows: input.intakeWindows,
              contacts: input.contacts,
              verified: plan.verified,
            };
            const current = owner ? (await selectServiceRecords(trx, [plan.id]))[0] : undefined;
            // A list the record leaves out entirely (an HSDS list item has no parts) leaves what the
            // directory has; a list given empty empties it.
            if (current) keepWhatIsLeftOut(listing, current, plan.given);
            columns.searchText = searchTextOf(organization.name, columns);
            let outcome: 'created' | 'updated' | 'unchanged';
            if (!current) {
              await insertImportedService(trx, plan.id, organizationId, listing);
              outcome = 'created';
            } else if (
              sameJson(
                { ...listingOfRecord(current), ...(plan.verifiedGiven ? {} : { verifiedDay: '' }) },
                { ...listingOfImport(listing), ...(plan.verifiedGiven ? {} : { verifiedDay: '' }) },
              )
            )
              outcome = 'unchanged';
            else {
              await updateImportedService(trx, plan.id, listing);
              outcome = 'updated';
            }
            report.services[outcome]++;
            if (outcome !== 'unchanged')
              await writeAudit(trx, actor, {
                action: 'service.manage',
                outcome: 'succeeded',
                recordType: 'service',
                recordId: plan.id,
                reason: `imported from HSDS (${outcome})`,
              });
            note('service', plan.id, plan.notes);
          });
        } catch (error) {
          if (error instanceof Rejected) reject('service', service, error.reasons);
          else if (isConstraintError(error))
            reject('service', service, [`the database refused it (${error.constraint ?? error.code})`]);
          else throw error;
        }
      }

      // 3. Listings of renamed organizations say the new name in their search words.
      for (const organizationId of renamed) {
        const ids = await selectServiceIdsOfOrganization(trx, organizationId);
        for (const row of await selectServiceRecords(trx, ids))
          await updateSearchText(trx, row.id, searchTextOf(row.organizationName, row));
      }
      if (options.dryRun) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  report.notKept = [...notKept]
    .map(([field, records]) => ({ field, records }))
    .sort((a, b) => b.records - a.records || a.field.localeCompare(b.field));
  return report;
}
