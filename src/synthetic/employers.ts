import { accommodationKinds } from '../domain/assessment/assessment-input.ts';
import { decentWorkInputSchema, getDecentWorkModel, scoreDecentWork } from '../domain/jobs/decent-work.ts';
import { jobBenefits, jobPermanence, jobSchedules } from '../domain/jobs/job-vocabulary.ts';
import { addDays } from '../lib/dates.ts';
import type { SyntheticOrganization, SyntheticSite } from './city.ts';
import { OCCUPATIONS } from './occupations.ts';
import { createRandom, weightedTable, type Random } from './random.ts';

// The employer side of a synthetic city (issue 14, point 9; docs/synthetic-data.md): each employer's
// profile (industry, size, a lead agency for most), its contacts, the agencies' engagement log over the
// past year, its job orders with their decent-work score, and the job fairs and hiring events of the past
// six months and the next two, with the employers taking part and the job orders they brought.
// Deterministic for the city's seed and dated from its reference day. No client appears here.

export type SyntheticEmployerProfile = {
  organizationId: string;
  naicsCode: string;
  size: '1_4' | '5_19' | '20_99' | '100_499' | '500_plus';
  leadOrganizationId: string | null;
  hiringPlans: string | null;
  hrSupportWanted: string[];
};
export type SyntheticEmployerContact = {
  id: string;
  employerId: string;
  name: string;
  jobTitle: string;
  phone: string;
  email: string;
  preferredLanguage: 'en' | 'fr';
  isPrimary: boolean;
};
export type SyntheticEngagement = {
  id: string;
  employerId: string;
  organizationId: string;
  kind: 'call' | 'visit' | 'meeting' | 'email' | 'event' | 'hr_support';
  hrSupport: string | null;
  occurredOn: string;
  summary: string;
};
export type SyntheticJobOrder = {
  id: string;
  employerId: string;
  postedByOrganizationId: string;
  title: string;
  nocCode: string;
  description: string;
  hoursPerWeek: number;
  schedule: (typeof jobSchedules)[number];
  hourlyWageCents: number;
  benefits: string[];
  paidSickDays: number;
  permanence: (typeof jobPermanence)[number];
  durationMonths: number | null;
  advancementPath: boolean;
  trainingProvided: boolean;
  safetyTraining: boolean;
  workplace: 'on_site' | 'hybrid' | 'remote';
  postalCode: string | null;
  accommodationsOffered: string[];
  openings: number;
  createdOn: string;
  closingOn: string | null;
  status: 'open' | 'on_hold' | 'filled' | 'closed';
  decentWorkScore: number;
  decentWorkModel: string;
};
export type SyntheticHiringEvent = {
  id: string;
  organizationId: string;
  kind: 'job_fair' | 'hiring_event' | 'networking' | 'information_session';
  title: string;
  startsAt: string;
  endsAt: string;
  online: boolean;
  address: string | null;
  postalCode: string | null;
  capacity: number | null;
  status: 'planned' | 'held' | 'cancelled';
  createdOn: string;
  employerIds: string[];
  jobOrderIds: { employerId: string; jobOrderId: string }[];
};
export type SyntheticEmployerSide = {
  profiles: SyntheticEmployerProfile[];
  contacts: SyntheticEmployerContact[];
  engagements: SyntheticEngagement[];
  jobOrders: SyntheticJobOrder[];
  events: SyntheticHiringEvent[];
};

// Industries Toronto's small and medium employers hire entry-level workers in (NAICS Canada 2022).
const INDUSTRIES = weightedTable([
  ['722511', 5], // full-service restaurants
  ['722512', 4], // limited-service eating places
  ['445110', 4], // supermarkets
  ['561310', 3], // employment placement agencies
  ['623110', 3], // nursing care facilities
  ['493110', 3], // general warehousing and storage
  ['721111', 2], // hotels
  ['238210', 2], // electrical contractors
  ['311811', 2], // retail bakeries
  ['484121', 1], // general freight trucking, long distance
  ['621610', 2], // home health care services
  ['531310', 1], // lessors of residential buildings
  ['811111', 1], // general automotive repair
] as const);
const SIZES = weightedTable([
  ['1_4', 2],
  ['5_19', 5],
  ['20_99', 4],
  ['100_499', 2],
  ['500_plus', 1],
] as const);
const OCCUPATION_TABLE = weightedTable(OCCUPATIONS.map((o) => [o, o.weight] as const));
const HR_SUPPORT = ['recruitment', 'onboarding', 'accommodation', 'retention', 'training', 'incentives'] as const;
const GIVEN = ['Amina', 'Daniel', 'Mei', 'Rajesh', 'Sofia', 'Kwame', 'Hélène', 'Tariq', 'Grace', 'Luis'];
const FAMILY = ['Chen', 'Okafor', 'Tremblay', 'Singh', 'Rossi', 'Nguyen', 'Haddad', 'Campbell', 'Silva', 'Kim'];
const CONTACT_TITLES = ['Owner', 'Hiring manager', 'HR coordinator', 'Operations manager', 'Store manager'];
const ENGAGEMENT_KINDS = weightedTable([
  ['call', 5],
  ['email', 4],
  ['visit', 3],
  ['meeting', 2],
  ['event', 1],
  ['hr_support', 2],
] as const);
const SUMMARIES: Record<SyntheticEngagement['kind'], string> = {
  call: 'Called about their hiring for the coming months.',
  email: 'Sent candidate profiles to review, as agreed.',
  visit: 'Visited the workplace and met the supervisor.',
  meeting: 'Met to plan recruitment with the other agencies.',
  event: 'Met them at a job fair; they asked for more candidates.',
  hr_support: 'Helped with onboarding and accommodation for a new hire.',
};
const EVENT_KINDS = weightedTable([
  ['job_fair', 4],
  ['hiring_event', 3],
  ['networking', 2],
  ['information_session', 1],
] as const);
const EVENT_TITLES: Record<SyntheticHiringEvent['kind'], string> = {
  job_fair: 'Job fair',
  hiring_event: 'Hiring day',
  networking: 'Employer networking breakfast',
  information_session: 'Information session on wage subsidies',
};

function some<T>(random: Random, items: readonly T[], max: number): T[] {
  const n = random.int(0, Math.min(max, items.length));
  const chosen = new Set<T>();
  while (chosen.size < n) chosen.add(random.pick(items));
  return [...chosen];
}

// Ontario's general minimum wage from October 2025, the floor of every synthetic wage.
const MINIMUM_WAGE_CENTS = 1760;

function jobOrder(
  random: Random,
  employer: SyntheticOrganization,
  site: SyntheticSite | undefined,
  postedBy: string,
  today: string,
  model: ReturnType<typeof getDecentWorkModel>,
): SyntheticJobOrder {
  const occupation = random.weightedPick(OCCUPATION_TABLE);
  const fullTime = random.bool(0.6);
  const hoursPerWeek = fullTime ? random.pick([35, 37, 40, 40, 44]) : random.pick([12, 16, 20, 24, 25, 30]);
  const wageCents = MINIMUM_WAGE_CENTS + Math.round(random.float() * random.float() * 2000);
  const attributes = decentWorkInputSchema.parse({
    hourlyWage: wageCents / 100,
    hoursPerWeek,
    schedule: random.pick(jobSchedules),
    benefits: fullTime ? some(random, jobBenefits, 5) : some(random, jobBenefits, 1),
    paidSickDays: random.pick([0, 0, 2, 3, 5, 7]),
    permanence: random.pick(jobPermanence),
    advancementPath: random.bool(0.35),
    trainingProvided: random.bool(0.5),
    safetyTraining: random.bool(0.6),
  });
  const workplace = random.bool(0.04) ? 'remote' : random.bool(0.08) ? 'hybrid' : 'on_site';
  const createdOn = addDays(today, -random.int(0, 150));
  const closingOn = random.bool(0.7) ? addDays(createdOn, random.int(21, 90)) : null;
  const status =
    closingOn !== null && closingOn < today
      ? random.bool(0.6)
        ? 'filled'
        : 'closed'
      : random.weightedPick(
          weightedTable([
            ['open', 8],
            ['on_hold', 1],
            ['filled', 1],
          ] as const),
        );
  return {
    id: random.uuid(),
    employerId: employer.id,
    postedByOrganizationId: postedBy,
    title: occupation.title,
    nocCode: occupation.code,
    description: `${occupation.title} at ${employer.name}: training on the job, a steady team, and a supervisor who answers questions.`,
    hoursPerWeek,
    schedule: attributes.schedule,
    hourlyWageCents: wageCents,
    benefits: attributes.benefits,
    paidSickDays: attributes.paidSickDays,
    permanence: attributes.permanence,
    durationMonths: attributes.permanence === 'permanent' ? null : random.int(2, 12),
    advancementPath: attributes.advancementPath,
    trainingProvided: attributes.trainingProvided,
    safetyTraining: attributes.safetyTraining,
    workplace,
    postalCode: workplace === 'remote' ? null : (site?.postalCode ?? null),
    accommodationsOffered: some(random, accommodationKinds, 3),
    openings: random.weightedPick(
      weightedTable([
        [1, 6],
        [2, 3],
        [3, 2],
        [5, 1],
        [10, 1],
      ] as const),
    ),
    createdOn,
    closingOn,
    status,
    decentWorkScore: scoreDecentWork(model, attributes).score,
    decentWorkModel: model.version,
  };
}

export function generateEmployerSide(city: {
  seed: number;
  referenceDate: string;
  organizations: readonly SyntheticOrganization[];
  sites: readonly SyntheticSite[];
}): SyntheticEmployerSide {
  const random = createRandom(city.seed * 7919 + 14);
  const today = city.referenceDate;
  const model = getDecentWorkModel();
  const employers = city.organizations.filter((o) => o.type === 'employer');
  const agencies = city.organizations.filter(
    (o) => o.type === 'employment_service_provider' || o.type === 'community_agency',
  );
  const sitesOf = new Map<string, SyntheticSite[]>();
  for (const s of city.sites) sitesOf.set(s.organizationId, [...(sitesOf.get(s.organizationId) ?? []), s]);
  const side: SyntheticEmployerSide = { profiles: [], contacts: [], engagements: [], jobOrders: [], events: [] };
  if (agencies.length === 0) return side;
  for (const employer of employers) {
    const lead = random.bool(0.6) ? random.pick(agencies).id : null;
    const size = random.weightedPick(SIZES);
    side.profiles.push({
      organizationId: employer.id,
      naicsCode: random.weightedPick(INDUSTRIES),
      size,
      leadOrganizationId: lead,
      hiringPlans: random.bool(0.4) ? `About ${random.int(2, 12)} hires before the summer.` : null,
      hrSupportWanted: some(random, HR_SUPPORT, 2),
    });
    const contacts = random.int(1, 2);
    for (let i = 0; i < contacts; i += 1) {
      const given = random.pick(GIVEN);
      const family = random.pick(FAMILY);
      side.contacts.push({
        id: random.uuid(),
        employerId: employer.id,
        name: `${given} ${family}`,
        jobTitle: random.pick(CONTACT_TITLES),
        phone: `416-555-${String(random.int(0, 9999)).padStart(4, '0')}`,
        email: `${given}.${family}@example.com`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, ''),
        preferredLanguage: employer.offersFrench && random.bool(0.5) ? 'fr' : 'en',
        isPrimary: i === 0,
      });
    }
    // The lead agency calls most; others log their contacts too, so the log shows who else is involved.
    const contactsLogged = random.weightedPick(
      weightedTable([
        [0, 3],
        [1, 3],
        [2, 2],
        [4, 2],
        [8, 1],
      ] as const),
    );
    for (let i = 0; i < contactsLogged; i += 1) {
      const kind = random.weightedPick(ENGAGEMENT_KINDS);
      side.engagements.push({
        id: random.uuid(),
        employerId: employer.id,
        organizationId: lead && random.bool(0.7) ? lead : random.pick(agencies).id,
        kind,
        hrSupport: kind === 'hr_support' ? random.pick(HR_SUPPORT) : null,
        occurredOn: addDays(today, -random.int(0, 364)),
        summary: SUMMARIES[kind],
      });
    }
    const orders = random.weightedPick(
      weightedTable([
        [0, 2],
        [1, 4],
        [2, 3],
        [4, 2],
        [8, 1],
      ] as const),
    );
    const sites = sitesOf.get(employer.id) ?? [];
    for (let i = 0; i < orders; i += 1) {
      const postedBy = random.bool(0.4) ? employer.id : (lead ?? random.pick(agencies).id);
      side.jobOrders.push(jobOrder(random, employer, sites[0], postedBy, today, model));
    }
  }
  // Events: about one for every 25 employers, from six months ago to two months ahead.
  const eventCount = employers.length === 0 ? 0 : Math.max(2, Math.round(employers.length / 25));
  for (let i = 0; i < eventCount; i += 1) {
    const host = random.pick(agencies);
    const hostSite = sitesOf.get(host.id)?.[0];
    const day = addDays(today, random.int(-180, 60));
    const kind = random.weightedPick(EVENT_KINDS);
    const online = hostSite === undefined || (kind === 'information_session' && random.bool(0.5));
    const participants = [...new Set(Array.from({ length: random.int(2, 8) }, () => random.pick(employers).id))];
    const jobs = participants.flatMap((employerId) =>
      side.jobOrders
        .filter(
          (j) => j.employerId === employerId && j.createdOn <= day && (j.closingOn === null || j.closingOn >= day),
        )
        .slice(0, 3)
        .map((j) => ({ employerId, jobOrderId: j.id })),
    );
    side.events.push({
      id: random.uuid(),
      organizationId: host.id,
      kind,
      title: `${EVENT_TITLES[kind]} — ${host.name}`.slice(0, 200),
      // 10:00 to 14:00 in Toronto (15:00 to 19:00 UTC in winter; an hour off in summer is harmless here).
      startsAt: `${day}T15:00:00.000Z`,
      endsAt: `${day}T19:00:00.000Z`,
      online,
      address: online ? null : hostSite!.streetAddress,
      postalCode: online ? null : hostSite!.postalCode,
      capacity: random.bool(0.5) ? random.pick([40, 80, 150, 300]) : null,
      status: day >= today ? 'planned' : random.bool(0.9) ? 'held' : 'cancelled',
      // Listed weeks before, and never after the city's day.
      createdOn: [addDays(day, -random.int(14, 60)), today].sort()[0]!,
      employerIds: participants,
      jobOrderIds: jobs,
    });
  }
  return side;
}
