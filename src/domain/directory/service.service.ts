import type { Actor } from '../../access/actor.ts';
import { deniedError, writeAudit } from '../../access/audit.ts';
import { authorize, mayTakeAction } from '../../access/authorize.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { Moment } from '../../lib/clock.ts';
import { addDays } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { naicsClass, naicsDescendants } from '../industries/naics.ts';
import { nocTitle } from '../occupations/noc.ts';
import {
  freshnessOf,
  intakeStateOf,
  LISTING_STALE_AFTER_DAYS,
  INTAKE_SOON_DAYS,
  columnsOfListing,
  oldest,
  searchTextOf,
} from './listing.ts';
import {
  listingProblems,
  type MatchReason,
  type NewService,
  type Service,
  type ServicePatch,
  type ServiceSearchQuery,
  type ServiceSummary,
} from './service.ts';
import {
  fsaCentre,
  insertService,
  markServiceVerified,
  replaceContacts,
  replaceIntakeWindows,
  replaceSchedules,
  replaceServiceSites,
  searchServiceIds,
  selectOrganizationForService,
  selectOwnSiteIds,
  selectPossibleDuplicates,
  selectServiceForUpdate,
  selectServiceRecords,
  selectServiceSummaries,
  updateServiceRow,
  type ServiceColumns,
  type ServiceRecordRow,
} from './service.queries.ts';
import { settleListingPrompt } from './listing-prompts.ts';

// The directory of services (docs/directory.md). Listings are public; an agency keeps its own
// (service.manage), and only staff see capacity (service.capacity_read). Every change is audited.

function ensureManage(actor: Actor, organizationId: string, recordId: string | undefined, requestId?: string): void {
  const decision = authorize(actor, 'service.manage', { kind: 'organization', organizationId });
  if (decision.allowed) return;
  // The directory is public, so a refusal is 403 (the listing is visible), never 404.
  throw deniedError(
    actor,
    { action: 'service.manage', recordType: 'service', recordId, reason: decision.reason, requestId },
    `Not allowed: ${decision.reason}.`,
  );
}

export function seesCapacity(actor: Actor): boolean {
  return mayTakeAction(actor, 'service.capacity_read').allowed;
}

async function siteIdsChecked(trx: Trx, organizationId: string, siteIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(siteIds)];
  const own = await selectOwnSiteIds(trx, organizationId, unique);
  const foreign = unique.filter((id) => !own.has(id));
  if (foreign.length > 0) {
    throw new AppError('invalid', "A service is delivered at its own organization's sites.", [
      { field: 'siteIds', message: `not a site of this organization: ${foreign.join(', ')}` },
    ]);
  }
  return unique;
}

async function providerOf(trx: DbOrTrx, organizationId: string) {
  const organization = await selectOrganizationForService(trx, organizationId);
  if (!organization) {
    throw new AppError('invalid', 'No organization has that id.', [{ field: 'organizationId', message: 'not found' }]);
  }
  if (organization.type === 'employer') {
    throw new AppError('invalid', 'Employers post job orders, not services.', [
      { field: 'organizationId', message: 'an employer cannot list a service' },
    ]);
  }
  return organization;
}

export async function createService(
  trx: Trx,
  actor: Actor,
  input: NewService,
  moment: Moment,
  requestId?: string,
): Promise<Service> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in first.');
  const organizationId = input.organizationId ?? (actor.kind === 'user' ? actor.organizationId : undefined);
  if (!organizationId) {
    throw new AppError('invalid', 'Name the organization that offers the service.', [
      { field: 'organizationId', message: 'required' },
    ]);
  }
  // Rule 4.2: only those who act across organizations (service.manage `all`) name another one.
  ensureManage(actor, organizationId, undefined, requestId);
  const organization = await providerOf(trx, organizationId);
  const siteIds = await siteIdsChecked(trx, organizationId, input.siteIds);
  const columns: ServiceColumns = {
    ...columnsOfListing(input),
    seats: input.seats ?? null,
    seatsOpen: input.seatsOpen ?? null,
    searchText: '',
  };
  columns.searchText = searchTextOf(organization.name, columns);
  const id = await insertService(trx, organizationId, columns, actor.kind === 'user' ? actor.userId : null);
  await replaceServiceSites(trx, id, siteIds);
  await replaceSchedules(trx, id, input.schedules);
  await replaceIntakeWindows(trx, id, input.intakeWindows);
  await replaceContacts(trx, id, input.contacts);
  await writeAudit(trx, actor, {
    action: 'service.manage',
    outcome: 'succeeded',
    recordType: 'service',
    recordId: id,
    reason: 'created',
    requestId,
  });
  return getService(trx, actor, id, moment);
}

async function existingService(trx: Trx, id: string) {
  const service = isUuid(id) ? await selectServiceForUpdate(trx, id) : undefined;
  if (!service) throw new AppError('not_found', 'No service has that id.');
  return service;
}

export async function updateService(
  trx: Trx,
  actor: Actor,
  id: string,
  patch: ServicePatch,
  moment: Moment,
  requestId?: string,
): Promise<Service> {
  const current = await existingService(trx, id);
  ensureManage(actor, current.organizationId, current.id, requestId);
  const { siteIds, schedules, intakeWindows, contacts, verified, ...fields } = patch;
  const after = { ...current, ...fields };
  const problems = listingProblems(after);
  if (problems.length > 0) throw new AppError('invalid', 'The listing would not hold together.', problems);

  const changed: Partial<ServiceColumns> = { ...fields };
  if (
    fields.targetNocCodes ||
    fields.targetNaicsCodes ||
    fields.credentialAwarded !== undefined ||
    fields.funder !== undefined
  ) {
    const record = (await selectServiceRecords(trx, [current.id]))[0]!;
    changed.searchText = searchTextOf(record.organizationName, {
      targetNocCodes: fields.targetNocCodes ?? record.targetNocCodes,
      targetNaicsCodes: fields.targetNaicsCodes ?? record.targetNaicsCodes,
      credentialAwarded: fields.credentialAwarded !== undefined ? fields.credentialAwarded : record.credentialAwarded,
      funder: fields.funder !== undefined ? fields.funder : record.funder,
    });
  }
  const verifiedBy = actor.kind === 'user' ? actor.userId : null;
  const capacityTouched = fields.seats !== undefined || fields.seatsOpen !== undefined;
  await updateServiceRow(trx, current.id, changed, { capacityTouched, verifiedBy });
  if (siteIds) await replaceServiceSites(trx, current.id, await siteIdsChecked(trx, current.organizationId, siteIds));
  if (schedules) await replaceSchedules(trx, current.id, schedules);
  if (intakeWindows) await replaceIntakeWindows(trx, current.id, intakeWindows);
  if (contacts) await replaceContacts(trx, current.id, contacts);
  if (verified) await markServiceVerified(trx, current.id, verifiedBy);
  await settleListingPrompt(trx, current.id, verifiedBy, moment.now);
  await writeAudit(trx, actor, {
    action: 'service.manage',
    outcome: 'succeeded',
    recordType: 'service',
    recordId: current.id,
    reason:
      verified && Object.keys(patch).length === 1 ? 'confirmed' : `changed: ${Object.keys(patch).sort().join(', ')}`,
    requestId,
  });
  return getService(trx, actor, current.id, moment);
}

function serviceOf(row: ServiceRecordRow, actor: Actor, moment: Moment): Service {
  const capacity =
    seesCapacity(actor) && row.seats !== null && row.capacityVerifiedAt !== null
      ? { seats: row.seats, seatsOpen: row.seatsOpen, verifiedAt: row.capacityVerifiedAt }
      : undefined;
  const freshness = freshnessOf(
    {
      details: row.detailsVerifiedAt,
      sites: oldest(row.sites.map((s) => s.verifiedAt)),
      schedules: oldest(row.schedules.map((s) => s.verifiedAt)),
      intake: oldest(row.intakeWindows.map((w) => w.verifiedAt)),
      contacts: oldest(row.contacts.map((c) => c.verifiedAt)),
      // Capacity's age is staff business: the public is not told it exists.
      capacity: capacity ? row.capacityVerifiedAt : null,
    },
    moment.now,
  );
  return {
    id: row.id,
    organization: { id: row.organizationId, name: row.organizationName, nameFr: row.organizationNameFr },
    name: row.name,
    nameFr: row.nameFr,
    alternateName: row.alternateName,
    description: row.description,
    descriptionFr: row.descriptionFr,
    url: row.url,
    email: row.email,
    phone: row.phone,
    status: row.status,
    interventionTypes: row.interventionTypes as Service['interventionTypes'],
    occupations: row.targetNocCodes.map((code) => ({ code, title: nocTitle(code) ?? code })),
    industries: row.targetNaicsCodes.map((code) => ({ code, title: naicsClass(code)?.title ?? code })),
    targetPopulations: row.targetPopulations as Service['targetPopulations'],
    languages: row.languages,
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
    intakeState: intakeStateOf(
      { status: row.status, seatsOpen: row.seatsOpen, windows: row.intakeWindows },
      moment.today,
    ),
    intakeWindows: row.intakeWindows,
    sites: row.sites.map(({ organizationId: _organizationId, ...site }) => site),
    schedules: row.schedules as Service['schedules'],
    contacts: row.contacts,
    freshness,
    ...(capacity ? { capacity } : {}),
    updatedAt: row.updatedAt,
    canManage: authorize(actor, 'service.manage', { kind: 'organization', organizationId: row.organizationId }).allowed,
  };
}

export async function getService(db: DbOrTrx, actor: Actor, id: string, moment: Moment): Promise<Service> {
  const row = isUuid(id) ? (await selectServiceRecords(db, [id]))[0] : undefined;
  if (!row) throw new AppError('not_found', 'No service has that id.');
  const service = serviceOf(row, actor, moment);
  if (!seesCapacity(actor)) return service;
  const duplicates = await selectPossibleDuplicates(db, row.id);
  return {
    ...service,
    possibleDuplicates: duplicates.map((d) => ({
      id: d.id,
      name: d.name,
      organization: { id: d.organizationId, name: d.organizationName },
      similarity: d.similarity,
    })),
  };
}

// For the HSDS exchange: full records in the order given.
export async function listServiceRecords(db: DbOrTrx, ids: readonly string[]) {
  return selectServiceRecords(db, ids);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// Which fields the words were found in. PostgreSQL matched on stems; here a word counts as found in a
// field when the field holds the word's first five letters (or the whole word, if shorter).
function fieldsMatching(words: string, fields: Record<string, string | null | undefined>): string[] {
  const terms = fold(words)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1 && !['or', 'and', 'et', 'ou', 'the', 'le', 'la', 'les', 'de', 'des'].includes(t))
    .map((t) => t.slice(0, 5));
  const found: string[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!value) continue;
    const folded = fold(value);
    if (terms.some((t) => folded.includes(t))) found.push(field);
  }
  return found;
}

export async function searchServices(
  db: DbOrTrx,
  actor: Actor,
  query: ServiceSearchQuery,
  moment: Moment,
): Promise<ListEnvelope<ServiceSummary>> {
  let origin: { latitude: number; longitude: number } | undefined;
  if (query.near) {
    origin = await fsaCentre(db, query.near.slice(0, 3));
    if (!origin) {
      throw new AppError('invalid', `${query.near.slice(0, 3)} is not a Toronto postal area we know.`, [
        { field: 'near', message: 'unknown forward sortation area' },
      ]);
    }
  }
  const naicsCodes = query.naics ? [query.naics, ...naicsDescendants(query.naics)] : undefined;
  const sort = query.sort ?? (query.q ? 'relevance' : origin ? 'distance' : 'name');
  const page = await searchServiceIds(db, {
    words: query.q,
    interventionTypes: query.intervention,
    nocPrefix: query.noc,
    naicsCodes,
    populations: query.population,
    language: query.language,
    deliveryMode: query.deliveryMode,
    organizationId: query.organizationId,
    origin,
    withinKm: query.withinKm,
    intake: query.intake,
    stale: query.stale,
    staleCapacity: seesCapacity(actor),
    includeInactive: query.includeInactive,
    today: moment.today,
    soon: addDays(moment.today, INTAKE_SOON_DAYS),
    staleBefore: new Date(moment.now.getTime() - LISTING_STALE_AFTER_DAYS * 86_400_000),
    sort,
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  });
  const summaries = new Map(
    (
      await selectServiceSummaries(
        db,
        page.rows.map((r) => r.id),
        origin,
      )
    ).map((s) => [s.id, s]),
  );
  const capacityShown = seesCapacity(actor);
  const staleBefore = moment.now.getTime() - LISTING_STALE_AFTER_DAYS * 86_400_000;
  const items = page.rows.flatMap((hit): ServiceSummary[] => {
    const s = summaries.get(hit.id);
    if (!s) return [];
    const reasons: MatchReason[] = [];
    if (query.q) {
      const fields = fieldsMatching(query.q, {
        name: [s.name, s.nameFr, s.alternateName].filter(Boolean).join(' '),
        description: [s.description, s.descriptionFr].filter(Boolean).join(' '),
        eligibility: [s.eligibilityDescription, s.eligibilityDescriptionFr].filter(Boolean).join(' '),
        occupations: s.targetNocCodes.map((c) => nocTitle(c) ?? '').join(' '),
        industries: s.targetNaicsCodes.map((c) => naicsClass(c)?.title ?? '').join(' '),
        organization: [s.organizationName, s.organizationNameFr].filter(Boolean).join(' '),
        credential: s.credentialAwarded,
        funder: s.funder,
      });
      reasons.push({ kind: 'words', fields });
    }
    for (const type of query.intervention ?? [])
      if (s.interventionTypes.includes(type)) reasons.push({ kind: 'intervention', value: type });
    if (query.noc) {
      const code = s.targetNocCodes.find((c) => c.startsWith(query.noc!));
      if (code) reasons.push({ kind: 'occupation', value: code });
    }
    if (naicsCodes) {
      const code = s.targetNaicsCodes.find((c) => naicsCodes.includes(c));
      if (code) reasons.push({ kind: 'industry', value: code });
    }
    for (const population of query.population ?? [])
      if (s.targetPopulations.includes(population)) reasons.push({ kind: 'population', value: population });
    if (query.language) reasons.push({ kind: 'language', value: query.language });
    if (query.deliveryMode) reasons.push({ kind: 'delivery_mode', value: query.deliveryMode });
    if (query.organizationId) reasons.push({ kind: 'organization', value: s.organizationName });
    const nearest = s.nearestSite[0];
    if (origin) {
      if (hit.km !== null && hit.km <= query.withinKm)
        reasons.push({
          kind: 'near',
          km: Math.round(hit.km * 10) / 10,
          ...(nearest ? { siteName: nearest.name } : {}),
        });
      else if (s.deliveryMode === 'virtual') reasons.push({ kind: 'online' });
    }
    const intakeState = intakeStateOf(
      { status: s.status, seatsOpen: s.seatsOpen, windows: s.intakeWindows },
      moment.today,
    );
    if (query.intake === 'open_now' || query.intake === 'open_soon') {
      if (intakeState === 'open') reasons.push({ kind: 'intake_open' });
      else if (intakeState === 'opens_soon') reasons.push({ kind: 'intake_soon' });
    }
    const verified = [s.detailsVerifiedAt, s.partsVerifiedAt, capacityShown ? s.capacityVerifiedAt : null].filter(
      (d): d is Date | string => d !== null,
    );
    const stale = verified.some((d) => new Date(d).getTime() < staleBefore);
    if (query.stale === true) reasons.push({ kind: 'stale' });
    return [
      {
        id: s.id,
        organization: { id: s.organizationId, name: s.organizationName, nameFr: s.organizationNameFr },
        name: s.name,
        nameFr: s.nameFr,
        description: s.description,
        descriptionFr: s.descriptionFr,
        status: s.status,
        interventionTypes: s.interventionTypes as ServiceSummary['interventionTypes'],
        targetPopulations: s.targetPopulations as ServiceSummary['targetPopulations'],
        languages: s.languages,
        deliveryMode: s.deliveryMode,
        intakeState,
        nearestSite: nearest
          ? {
              name: nearest.name,
              neighbourhoodName: nearest.neighbourhoodName,
              km: nearest.km === null ? null : Math.round(Number(nearest.km) * 10) / 10,
            }
          : null,
        stale,
        ...(capacityShown && s.seats !== null ? { capacity: { seats: s.seats, seatsOpen: s.seatsOpen } } : {}),
        matchedBecause: reasons,
      },
    ];
  });
  return { items, total: page.total, page: query.page, perPage: query.perPage };
}

// What a referral checks before it is sent (issue 13, point 6): the program's provider, whether it
// takes people now (open, opening soon, full or closed), its ages and its dates. Locked, so seats and
// status cannot change under a referral being sent.
export async function referralTarget(trx: Trx, id: string, today: string) {
  if (!isUuid(id) || !(await selectServiceForUpdate(trx, id))) return undefined;
  const row = (await selectServiceRecords(trx, [id]))[0];
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    organizationId: row.organizationId,
    status: row.status,
    intakeState: intakeStateOf({ status: row.status, seatsOpen: row.seatsOpen, windows: row.intakeWindows }, today),
    minimumAge: row.minimumAge,
    maximumAge: row.maximumAge,
    endsOn: row.endsOn,
    interventionTypes: row.interventionTypes,
  };
}
