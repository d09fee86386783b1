import type { Actor } from '../../access/actor.ts';
import { deniedError, notVisibleError, writeAudit } from '../../access/audit.ts';
import { actorScopes } from '../../access/authorize.ts';
import { decideEmployerRecord, employerScopeOf } from '../../access/policies/employer.ts';
import type { DbOrTrx, Trx } from '../../db/database.ts';
import type { Moment } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ListEnvelope } from '../../lib/list.ts';
import { addBusinessDays } from '../../lib/business-days.ts';
import { activeManagersOf } from '../accounts/user-admin.service.ts';
import { naicsClass } from '../industries/naics.ts';
import { notify } from '../notifications/notification.service.ts';
import { closeEmployerTasks, openEmployerTask } from '../tasks/task.service.ts';
import { escoSkillLabels, requireKnownSkills } from '../occupations/occupation-links.service.ts';
import {
  getOrganization,
  insertOrganizationWithSites,
  updateOrganizationFields,
} from '../organizations/organization.service.ts';
import { agencyTypes } from '../organizations/organization.ts';
import type {
  DuplicateQuery,
  Employer,
  EmployerDuplicate,
  EmployerListQuery,
  EmployerPatch,
  EmployerSummary,
  Engagement,
  NewEmployer,
  NewEngagement,
} from './employer.ts';
import {
  insertEngagement,
  insertProfile,
  replaceContacts,
  selectEmployer,
  selectEmployerSummaries,
  selectEngagements,
  selectOrganizationType,
  selectPossibleDuplicates,
  selectProfileForUpdate,
  updateProfile,
  type ProfileColumns,
} from './employer.queries.ts';

// Employer records (docs/jobs.md, "Employers"; docs/permissions.md 3.14): one per employer, read by every
// agency, kept by managers and job developers of any agency and by the employer's own staff, with an
// engagement log the agencies share. Every change is audited.

export type EmployerContext = { moment: Moment; requestId?: string };

const LEGAL_WORDS = new Set([
  'the',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'ltee',
  'corp',
  'corporation',
  'co',
  'company',
  'cie',
  'llc',
  'lp',
]);
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const nameKey = (name: string) =>
  fold(name)
    .split(' ')
    .filter((w) => w && !LEGAL_WORDS.has(w))
    .join(' ');
const hostOf = (url: string | null | undefined) => {
  if (!url) return null;
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
};
const phoneKey = (phone: string | null | undefined) => {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-10) : null;
};
const postal = (code: string | undefined) => {
  const v = (code ?? '').toUpperCase().replace(/\s+/g, '');
  return /^[A-Z][0-9][A-Z][0-9][A-Z][0-9]$/.test(v) ? `${v.slice(0, 3)} ${v.slice(3)}` : null;
};

// Employers that are likely the one described, each with why: the same name (legal words aside), the same
// website or phone, or a name sharing a word with one at the same postal code.
export async function findEmployerDuplicates(db: DbOrTrx, probe: DuplicateQuery): Promise<EmployerDuplicate[]> {
  const key = nameKey(probe.name);
  const words = key.split(' ').filter((w) => w.length >= 3);
  const host = hostOf(probe.website);
  const phone = phoneKey(probe.phone);
  const postalCode = postal(probe.postalCode);
  const rows = await selectPossibleDuplicates(db, {
    nameWords: words.slice(0, 3),
    host,
    phoneTail: phone ? phone.slice(-7) : null,
    postalCode,
  });
  const found: EmployerDuplicate[] = [];
  for (const row of rows) {
    const reasons: EmployerDuplicate['reasons'] = [];
    const theirKey = nameKey(row.name);
    if (theirKey === key) reasons.push('same_name');
    else if (
      postalCode &&
      row.postalCodes.includes(postalCode) &&
      theirKey.split(' ').some((w) => w.length >= 4 && words.includes(w))
    )
      reasons.push('similar_name_same_postal_code');
    if (host && hostOf(row.website) === host) reasons.push('same_website');
    if (phone && phoneKey(row.phone) === phone) reasons.push('same_phone');
    if (reasons.length > 0) found.push({ id: row.id, name: row.name, reasons });
  }
  return found.sort((a, b) => b.reasons.length - a.reasons.length || a.name.localeCompare(b.name));
}

function invalid(message: string, field: string, reason: string, detail: string): AppError {
  return new AppError('invalid', message, [{ field, message: detail, code: reason }]).withReason(reason);
}

function refuse(
  actor: Actor,
  action: 'employer.manage' | 'engagement.create',
  recordId: string | undefined,
  reason: string,
  requestId?: string,
) {
  return deniedError(actor, { action, recordType: 'employer', recordId, reason, requestId }, `Not allowed: ${reason}.`);
}

async function checkedProfile(
  db: DbOrTrx,
  input: Pick<EmployerPatch, 'naicsCode' | 'skillsNeeded' | 'leadOrganizationId'>,
): Promise<void> {
  if (input.naicsCode && !naicsClass(input.naicsCode)) {
    throw invalid('Industries are NAICS Canada 2022 codes.', 'naicsCode', 'unknown_industry', 'not a NAICS 2022 code');
  }
  if (input.skillsNeeded) await requireKnownSkills(db, input.skillsNeeded, 'skillsNeeded');
  if (input.leadOrganizationId) {
    const lead = await selectOrganizationType(db, input.leadOrganizationId);
    if (!lead || !(agencyTypes as readonly string[]).includes(lead.type)) {
      throw invalid(
        'The lead is an agency that works with employers.',
        'leadOrganizationId',
        'lead_not_agency',
        'not an employment, training, community or social assistance agency',
      );
    }
  }
}

async function employerView(db: DbOrTrx, actor: Actor, id: string): Promise<Employer | undefined> {
  const row = isUuid(id) ? await selectEmployer(db, id) : undefined;
  if (!row) return undefined;
  const organization = await getOrganization(db, actor, id);
  const skills = row.skillsNeeded ?? [];
  const labels = await escoSkillLabels(db, skills);
  const industry = row.naicsCode ? naicsClass(row.naicsCode) : undefined;
  const ref = (id: string | null, name: string | null, nameFr: string | null) =>
    id && name ? { id, name, nameFr } : null;
  return {
    id: row.id,
    name: row.name,
    nameFr: row.nameFr,
    website: row.website,
    phone: row.phone,
    email: row.email,
    offersFrench: row.offersFrench,
    sites: organization.sites,
    industry: industry ? { code: industry.code, title: industry.title } : null,
    size: row.size,
    hiringPlans: row.hiringPlans,
    skillsNeeded: skills.map((uri) => ({ uri, label: labels.get(uri) ?? uri })),
    hrSupportWanted: row.hrSupportWanted ?? [],
    lead: ref(row.leadId, row.leadName, row.leadNameFr),
    addedBy: ref(row.addedById, row.addedByName, row.addedByNameFr),
    contacts: row.contacts,
    openJobOrders: row.openJobOrders,
    ...(decideEmployerRecord(actor, 'engagement.read', row.id).allowed
      ? { lastEngagementOn: row.lastEngagementOn }
      : {}),
  };
}

export async function getEmployer(db: DbOrTrx, actor: Actor, id: string, requestId?: string): Promise<Employer> {
  const visible = isUuid(id) && decideEmployerRecord(actor, 'employer.read', id).allowed;
  const employer = visible ? await employerView(db, actor, id) : undefined;
  if (!employer) {
    const exists = isUuid(id) && (await selectOrganizationType(db, id))?.type === 'employer';
    throw notVisibleError(
      actor,
      { action: 'employer.read', recordType: 'employer', recordId: isUuid(id) ? id : undefined, requestId },
      exists,
      'No employer has that id.',
    );
  }
  return employer;
}

export async function createEmployer(
  trx: Trx,
  actor: Actor,
  input: NewEmployer,
  context: EmployerContext,
): Promise<Employer> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in first.');
  // Adding an employer is for those who keep every employer's record (`all`); an employer's own staff
  // keep only their own, which already exists.
  if (!actorScopes(actor, 'employer.manage').includes('all')) {
    throw refuse(
      actor,
      'employer.manage',
      undefined,
      'adding an employer is for agency managers and job developers',
      context.requestId,
    );
  }
  const {
    naicsCode,
    size,
    hiringPlans,
    skillsNeeded,
    hrSupportWanted,
    contacts,
    leadOrganizationId,
    confirmNotDuplicate,
    ...organization
  } = input;
  if (!confirmNotDuplicate) {
    const duplicates = await findEmployerDuplicates(trx, {
      name: organization.name,
      website: organization.website,
      phone: organization.phone,
      postalCode: organization.sites[0]?.postalCode,
    });
    if (duplicates.length > 0) {
      throw new AppError(
        'conflict',
        'This employer may already have a record: read it, or confirm that this is another employer (confirmNotDuplicate).',
        duplicates.map((d) => ({
          field: 'name',
          message: `possibly "${d.name}" (${d.id}): ${d.reasons.join(', ')}`,
          code: 'possible_duplicate',
        })),
      ).withReason('possible_duplicate_employer');
    }
  }
  const ownAgency = actor.kind === 'user' ? actor.organizationId : null;
  const agencyOwn = ownAgency && (await selectOrganizationType(trx, ownAgency));
  const lead =
    leadOrganizationId !== undefined
      ? leadOrganizationId
      : agencyOwn && (agencyTypes as readonly string[]).includes(agencyOwn.type)
        ? ownAgency
        : null;
  await checkedProfile(trx, { naicsCode, skillsNeeded, leadOrganizationId: lead });
  const id = await insertOrganizationWithSites(trx, { ...organization, type: 'employer' });
  const columns: ProfileColumns = {
    naicsCode: naicsCode ?? null,
    size: size ?? null,
    leadOrganizationId: lead,
    hiringPlans: hiringPlans ?? null,
    skillsNeeded: skillsNeeded ?? [],
    hrSupportWanted: hrSupportWanted ?? [],
  };
  await insertProfile(trx, id, columns, ownAgency);
  await replaceContacts(trx, id, contacts ?? []);
  await handOverLead(trx, actor, { id, name: organization.name }, lead, context.moment.today);
  await writeAudit(trx, actor, {
    action: 'employer.manage',
    outcome: 'succeeded',
    recordType: 'employer',
    recordId: id,
    reason: confirmNotDuplicate ? 'created (confirmed not a duplicate)' : 'created',
    requestId: context.requestId,
  });
  return getEmployer(trx, actor, id);
}

export async function updateEmployer(
  trx: Trx,
  actor: Actor,
  id: string,
  patch: EmployerPatch,
  context: EmployerContext,
): Promise<Employer> {
  await employerReached(trx, actor, id, 'employer.manage', context.requestId);
  const { naicsCode, size, hiringPlans, skillsNeeded, hrSupportWanted, contacts, leadOrganizationId, ...organization } =
    patch;
  const profile = await selectProfileForUpdate(trx, id);
  const leadChanges = leadOrganizationId !== undefined && leadOrganizationId !== profile.leadOrganizationId;
  if (leadChanges) {
    // The current lead hands over; anyone may take up an employer nobody leads; the employer itself and
    // the system manager may always choose.
    const mayChange =
      profile.leadOrganizationId === null ||
      (actor.kind === 'user' && (actor.organizationId === profile.leadOrganizationId || actor.organizationId === id)) ||
      actor.kind === 'system' ||
      (actor.kind === 'user' && actor.roles.includes('system_administrator'));
    if (!mayChange) {
      throw refuse(
        actor,
        'employer.manage',
        id,
        'only the lead agency, the employer or a system administrator changes the lead',
        context.requestId,
      ).withReason('not_lead_agency');
    }
  }
  await checkedProfile(trx, {
    naicsCode,
    skillsNeeded,
    leadOrganizationId: leadChanges ? leadOrganizationId : undefined,
  });
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  const organizationChanges = defined(organization);
  if (Object.keys(organizationChanges).length > 0) await updateOrganizationFields(trx, id, organizationChanges);
  await updateProfile(
    trx,
    id,
    defined({ naicsCode, size, hiringPlans, skillsNeeded, hrSupportWanted, leadOrganizationId }),
  );
  if (contacts !== undefined) await replaceContacts(trx, id, contacts);
  if (leadChanges && leadOrganizationId)
    await handOverLead(
      trx,
      actor,
      { id, name: organization.name ?? (await selectOrganizationType(trx, id))?.name ?? 'the employer' },
      leadOrganizationId,
      context.moment.today,
    );
  if (leadChanges && actor.kind !== 'anonymous') {
    await insertEngagement(trx, {
      employerId: id,
      organizationId: actor.kind === 'user' ? actor.organizationId : (leadOrganizationId ?? id),
      userId: actor.kind === 'user' ? actor.userId : null,
      kind: 'lead_change',
      hrSupport: null,
      occurredOn: context.moment.today,
      summary: leadOrganizationId === null ? 'No agency leads the relationship any more.' : 'The lead agency changed.',
    });
  }
  await writeAudit(trx, actor, {
    action: 'employer.manage',
    outcome: 'succeeded',
    recordType: 'employer',
    recordId: id,
    reason: leadChanges ? 'changed, with the lead agency' : 'changed',
    requestId: context.requestId,
  });
  return getEmployer(trx, actor, id);
}

export async function listEmployers(
  db: DbOrTrx,
  actor: Actor,
  query: EmployerListQuery,
): Promise<ListEnvelope<EmployerSummary>> {
  const scope = employerScopeOf(actor, 'employer.read');
  if (scope === null) return { items: [], total: 0, page: query.page, perPage: query.perPage };
  const rows = await selectEmployerSummaries(
    db,
    {
      ...(scope === undefined ? {} : { onlyId: scope }),
      ...(query.q ? { words: query.q } : {}),
      ...(query.naicsCode ? { naicsPrefix: query.naicsCode } : {}),
      ...(query.leadOrganizationId ? { leadOrganizationId: query.leadOrganizationId } : {}),
      ...(query.noLead !== undefined ? { noLead: query.noLead } : {}),
    },
    { limit: query.perPage, offset: (query.page - 1) * query.perPage },
  );
  const readsLog = employerScopeOf(actor, 'engagement.read') !== null;
  return {
    items: rows.map((r) => {
      const industry = r.naicsCode ? naicsClass(r.naicsCode) : undefined;
      return {
        id: r.id,
        name: r.name,
        nameFr: r.nameFr,
        industry: industry ? { code: industry.code, title: industry.title } : null,
        size: r.size,
        lead: r.leadId && r.leadName ? { id: r.leadId, name: r.leadName, nameFr: r.leadNameFr } : null,
        openJobOrders: r.openJobOrders,
        ...(readsLog ? { lastEngagementOn: r.lastEngagementOn } : {}),
      };
    }),
    total: rows[0]?.total ?? 0,
    page: query.page,
    perPage: query.perPage,
  };
}

async function employerReached(
  db: DbOrTrx,
  actor: Actor,
  id: string,
  action: 'employer.manage' | 'engagement.read' | 'engagement.create',
  requestId?: string,
) {
  const exists = isUuid(id) && (await selectOrganizationType(db, id))?.type === 'employer';
  // One who may read the employer's record but not take this action (an employer's own staff and the
  // agencies' log, a counsellor and a change) gets a refusal they can see (403); anyone else, a random id's 404.
  if (!exists || !decideEmployerRecord(actor, 'employer.read', id).allowed) {
    throw notVisibleError(
      actor,
      { action, recordType: 'employer', recordId: isUuid(id) ? id : undefined, requestId },
      exists,
      'No employer has that id.',
    );
  }
  const decision = decideEmployerRecord(actor, action, id);
  if (!decision.allowed) {
    throw deniedError(
      actor,
      { action, recordType: 'employer', recordId: id, reason: decision.reason, requestId },
      `Not allowed: ${decision.reason}.`,
    );
  }
}

// The lead agency a change names hears of it in its inbox: its first manager gets a task to get in touch
// with the employer (closed by the agency's next logged contact), and every manager a notification naming
// the employer. An agency that names itself needs no handoff.
const LEAD_TASK_BUSINESS_DAYS = 5;

async function handOverLead(
  trx: Trx,
  actor: Actor,
  employer: { id: string; name: string },
  leadOrganizationId: string | null,
  today: string,
): Promise<void> {
  if (leadOrganizationId === null) return;
  if (actor.kind === 'user' && actor.organizationId === leadOrganizationId) return;
  const managers = await activeManagersOf(trx, leadOrganizationId);
  if (managers[0])
    await openEmployerTask(trx, {
      employerId: employer.id,
      organizationId: leadOrganizationId,
      assignedTo: managers[0],
      kind: 'employer_lead',
      title: `Get in touch with ${employer.name}: your agency now leads the account`.slice(0, 200),
      dueOn: addBusinessDays(today, LEAD_TASK_BUSINESS_DAYS),
    });
  await notify(trx, actor, managers, 'employer_lead_assigned', { clientId: null, subjectId: employer.id });
}

export async function addEngagement(
  trx: Trx,
  actor: Actor,
  employerId: string,
  input: NewEngagement,
  context: EmployerContext,
): Promise<Engagement> {
  await employerReached(trx, actor, employerId, 'engagement.create', context.requestId);
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first.');
  if (input.occurredOn > context.moment.today) {
    throw invalid(
      'An engagement is logged once it has happened.',
      'occurredOn',
      'date_in_future',
      `must not be after ${context.moment.today}`,
    );
  }
  const id = await insertEngagement(trx, {
    employerId,
    organizationId: actor.organizationId,
    userId: actor.userId,
    kind: input.kind,
    hrSupport: input.hrSupport,
    occurredOn: input.occurredOn,
    summary: input.summary,
  });
  // The agency's contact is what its task to get in touch with an employer it now leads asked for.
  await closeEmployerTasks(trx, employerId, actor.organizationId, 'employer_lead', actor.userId, context.moment.now);
  await writeAudit(trx, actor, {
    action: 'engagement.create',
    outcome: 'succeeded',
    recordType: 'employer_engagement',
    recordId: id,
    reason: input.kind,
    requestId: context.requestId,
  });
  const page = await listEngagements(trx, actor, employerId, { page: 1, perPage: 100 }, context.requestId);
  const created = page.items.find((e) => e.id === id);
  if (!created) throw new AppError('internal', 'The engagement was written but could not be read back.');
  return created;
}

export async function listEngagements(
  db: DbOrTrx,
  actor: Actor,
  employerId: string,
  query: { page: number; perPage: number },
  requestId?: string,
): Promise<ListEnvelope<Engagement>> {
  await employerReached(db, actor, employerId, 'engagement.read', requestId);
  const rows = await selectEngagements(db, employerId, {
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      hrSupport: r.hrSupport,
      occurredOn: r.occurredOn,
      summary: r.summary,
      organization: { id: r.organizationId, name: r.organizationName, nameFr: r.organizationNameFr },
      author: r.author,
      createdAt: r.createdAt.toISOString(),
    })),
    total: rows[0] ? Number(rows[0].total) : 0,
    page: query.page,
    perPage: query.perPage,
  };
}
