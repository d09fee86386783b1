import type { Random } from './random.ts';
import type { SyntheticOrganization, SyntheticSite } from './city.ts';

// The synthetic city's directory of programs (issue 13): each provider lists services at its own
// sites, in the proportions Toronto's workforce landscape shows (many employment services and
// pre-employment workshops, fewer trades trainings, a little entrepreneurship), with cohorts whose
// intake opens and closes around the city's date, seats that fill, and listings that providers have
// not confirmed for a while. Dates are kept as days from the city's date, so a city loaded on another
// day (city-as-of.ts) keeps the same picture.

export type SyntheticService = {
  id: string;
  organizationId: string;
  name: string;
  nameFr: string;
  description: string;
  descriptionFr: string;
  interventionTypes: string[];
  targetNocCodes: string[];
  targetNaicsCodes: string[];
  targetPopulations: string[];
  languages: string[];
  deliveryMode: 'in_person' | 'virtual' | 'hybrid';
  eligibilityDescription: string | null;
  eligibilityDescriptionFr: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  credentialAwarded: string | null;
  funder: string;
  // Days from the city's date.
  startsInDays: number | null;
  endsInDays: number | null;
  seats: number | null;
  seatsOpen: number | null;
  verifiedDaysAgo: number;
  siteIds: string[];
  schedule: { weekdays: string[]; opensAt: string; closesAt: string } | null;
  intakeWindows: { opensInDays: number; closesInDays: number | null }[];
};

// Occupations that Toronto's training programs prepare for, with French words for names.
const TRADES = [
  { noc: '72106', naics: '332', en: 'Welding', fr: 'soudage', credential: 'Welder level 1' },
  { noc: '63200', naics: '722', en: 'Culinary skills', fr: 'arts culinaires', credential: 'Food Handler Certificate' },
  {
    noc: '33102',
    naics: '623',
    en: 'Personal support worker',
    fr: 'préposé aux services de soutien à la personne',
    credential: 'PSW certificate',
  },
  { noc: '73300', naics: '484', en: 'AZ truck driving', fr: 'conduite de camion AZ', credential: 'Class AZ licence' },
  {
    noc: '42202',
    naics: '624',
    en: 'Early childhood assistant',
    fr: 'aide-éducateur à la petite enfance',
    credential: 'ECA certificate',
  },
  { noc: '21232', naics: '5415', en: 'Software development', fr: 'développement de logiciels', credential: null },
  { noc: '64409', naics: '5614', en: 'Customer service', fr: 'service à la clientèle', credential: null },
  {
    noc: '75101',
    naics: '493',
    en: 'Warehouse and forklift',
    fr: 'entrepôt et chariot élévateur',
    credential: 'Forklift certification',
  },
  {
    noc: '72200',
    naics: '238',
    en: 'Electrical pre-apprenticeship',
    fr: 'préapprentissage en électricité',
    credential: null,
  },
  {
    noc: '72310',
    naics: '236',
    en: 'Carpentry pre-apprenticeship',
    fr: 'préapprentissage en menuiserie',
    credential: null,
  },
  { noc: '13110', naics: '5611', en: 'Office administration', fr: 'administration de bureau', credential: null },
  {
    noc: '64410',
    naics: '5616',
    en: 'Security guard',
    fr: 'agent de sécurité',
    credential: 'Ontario security guard licence',
  },
  { noc: '65310', naics: '5617', en: 'Building cleaning', fr: 'entretien ménager', credential: null },
  { noc: '75110', naics: '23', en: 'Construction helper', fr: 'aide de chantier', credential: 'Working at Heights' },
] as const;

type Template = { en: string; fr: string; description: string; descriptionFr: string };

const PRE_EMPLOYMENT: readonly Template[] = [
  {
    en: 'Job search workshop',
    fr: 'Atelier de recherche d’emploi',
    description:
      'Four weeks of group workshops on finding work in Toronto: the hidden job market, résumés and interviews.',
    descriptionFr:
      'Quatre semaines d’ateliers en groupe sur la recherche d’emploi à Toronto : marché caché, CV et entrevues.',
  },
  {
    en: 'Résumé and interview clinic',
    fr: 'Clinique de CV et d’entrevue',
    description: 'One-on-one help with a résumé, a cover letter and practice interviews.',
    descriptionFr: 'Aide individuelle pour le CV, la lettre de présentation et des entrevues simulées.',
  },
  {
    en: 'Digital skills for work',
    fr: 'Compétences numériques pour l’emploi',
    description: 'E-mail, online applications, spreadsheets and video calls, at your own pace.',
    descriptionFr: 'Courriel, candidatures en ligne, tableurs et appels vidéo, à votre rythme.',
  },
  {
    en: 'Workplace English',
    fr: 'Anglais en milieu de travail',
    description: 'English for the workplace: meetings, safety, customer service and small talk.',
    descriptionFr: 'L’anglais au travail : réunions, sécurité, service à la clientèle et conversation.',
  },
];
const EMPLOYMENT_SERVICES: readonly Template[] = [
  {
    en: 'Employment services',
    fr: 'Services d’emploi',
    description:
      'An employment counsellor helps you plan, look for work and keep a job, with job leads that fit your goals.',
    descriptionFr:
      'Une conseillère ou un conseiller en emploi vous aide à planifier, à chercher et à garder un emploi.',
  },
  {
    en: 'Job matching and placement',
    fr: 'Jumelage et placement',
    description: 'Job developers match you with employers who are hiring and follow up after you start.',
    descriptionFr: 'Des agents de développement de l’emploi vous jumellent à des employeurs qui embauchent.',
  },
];
const LIFE_STABILIZATION: readonly Template[] = [
  {
    en: 'Housing and income support navigation',
    fr: 'Accompagnement logement et soutien du revenu',
    description: 'Help with housing applications, benefits, ID and tax filing, so that looking for work can start.',
    descriptionFr:
      'Aide pour le logement, les prestations, les pièces d’identité et les impôts, pour pouvoir chercher un emploi.',
  },
  {
    en: 'Financial empowerment clinic',
    fr: 'Clinique d’autonomie financière',
    description: 'Free help with budgets, debt and benefits from a financial counsellor.',
    descriptionFr: 'Aide gratuite pour le budget, les dettes et les prestations, par une conseillère financière.',
  },
  {
    en: 'Mental health and wellness support',
    fr: 'Soutien en santé mentale et mieux-être',
    description: 'Short-term counselling and peer support for people getting ready to work.',
    descriptionFr:
      'Counseling de courte durée et soutien par les pairs pour les personnes qui se préparent à l’emploi.',
  },
];
const RETENTION: Template = {
  en: 'Job retention coaching',
  fr: 'Accompagnement au maintien en emploi',
  description:
    'A coach checks in during your first year on the job and helps with problems at work before they cost the job.',
  descriptionFr:
    'Un accompagnateur fait le point pendant votre première année en emploi et aide à régler les difficultés.',
};
const ENTREPRENEURSHIP: Template = {
  en: 'Starting a small business',
  fr: 'Démarrer une petite entreprise',
  description: 'Twelve weeks on business plans, financing and marketing, with a mentor.',
  descriptionFr: 'Douze semaines sur le plan d’affaires, le financement et la mise en marché, avec un mentor.',
};

const POPULATIONS = [
  'youth',
  'newcomers',
  'women',
  'indigenous',
  'black',
  'racialized',
  'persons_with_disabilities',
  'social_assistance_recipients',
  'mature_workers',
  'francophones',
  'lgbtq2s',
  'justice_involved',
  'unhoused',
  'laid_off_workers',
] as const;
const POPULATION_WORDS: Record<string, { en: string; fr: string }> = {
  youth: { en: 'Youth', fr: 'Jeunes' },
  newcomers: { en: 'Newcomers', fr: 'Nouveaux arrivants' },
  women: { en: 'Women', fr: 'Femmes' },
  mature_workers: { en: 'Mature workers', fr: 'Travailleurs expérimentés' },
  persons_with_disabilities: { en: 'Disability', fr: 'Handicap' },
};
const OTHER_LANGUAGES = ['zh', 'pa', 'ta', 'es', 'ar', 'tl', 'pt', 'fa', 'so', 'ur'] as const;
const FUNDERS = [
  'Employment Ontario',
  'Ontario Works',
  'City of Toronto',
  'Government of Canada, Skills for Success',
  'United Way Greater Toronto',
  'Immigration, Refugees and Citizenship Canada',
] as const;

// Services per provider by type, before a city's `servicesPerProvider` factor.
const SERVICES_PER_TYPE: Partial<Record<SyntheticOrganization['type'], readonly [number, number]>> = {
  employment_service_provider: [4, 9],
  training_organization: [5, 12],
  community_agency: [2, 6],
  social_assistance_office: [1, 2],
};

const WEEKDAY_SETS = [
  ['MO', 'TU', 'WE', 'TH', 'FR'],
  ['MO', 'WE', 'FR'],
  ['TU', 'TH'],
  ['MO', 'TU', 'WE', 'TH'],
  ['SA'],
] as const;
const HOURS = [
  ['09:00', '17:00'],
  ['09:00', '15:30'],
  ['10:00', '16:00'],
  ['13:00', '20:00'],
  ['18:00', '21:00'],
] as const;

export function buildDirectory(
  random: Random,
  organizations: readonly SyntheticOrganization[],
  sites: readonly SyntheticSite[],
  servicesPerProvider = 1,
): SyntheticService[] {
  const sitesOf = new Map<string, SyntheticSite[]>();
  for (const site of sites) sitesOf.set(site.organizationId, [...(sitesOf.get(site.organizationId) ?? []), site]);
  const services: SyntheticService[] = [];
  for (const organization of organizations) {
    const range = SERVICES_PER_TYPE[organization.type];
    if (!range) continue;
    const count = Math.max(1, Math.round(random.int(range[0], range[1]) * servicesPerProvider));
    for (let i = 0; i < count; i += 1) {
      services.push(buildService(random, organization, sitesOf.get(organization.id) ?? [], i));
    }
  }
  return services;
}

function kindFor(random: Random, type: SyntheticOrganization['type']): string {
  const r = random.float();
  switch (type) {
    case 'training_organization':
      return r < 0.65
        ? 'training'
        : r < 0.85
          ? 'work_integrated_learning'
          : r < 0.95
            ? 'pre_employment'
            : 'entrepreneurship';
    case 'employment_service_provider':
      return r < 0.35
        ? 'employment_services'
        : r < 0.65
          ? 'pre_employment'
          : r < 0.8
            ? 'retention'
            : r < 0.9
              ? 'training'
              : 'work_integrated_learning';
    case 'community_agency':
      return r < 0.45
        ? 'life_stabilization'
        : r < 0.8
          ? 'pre_employment'
          : r < 0.9
            ? 'entrepreneurship'
            : 'employment_services';
    case 'social_assistance_office':
    case 'system_manager':
    case 'employer':
      return r < 0.7 ? 'life_stabilization' : 'employment_services';
    default: {
      const unknown: never = type;
      throw new Error(`no programs for organizations of type ${String(unknown)}`);
    }
  }
}

function buildService(
  random: Random,
  organization: SyntheticOrganization,
  ownSites: readonly SyntheticSite[],
  index: number,
): SyntheticService {
  const kind = kindFor(random, organization.type);
  const cohort = kind === 'training' || kind === 'work_integrated_learning' || kind === 'entrepreneurship';
  const trade = random.pick(TRADES);
  const populations = random.bool(0.55) ? [random.pick(POPULATIONS)] : [];
  if (random.bool(0.15)) populations.push(random.pick(POPULATIONS));
  const uniquePopulations = [...new Set(populations)];
  const focus = uniquePopulations.map((p) => POPULATION_WORDS[p]).find(Boolean);

  let template: Template;
  let interventions = [kind];
  let noc: string[] = [];
  let naics: string[] = [];
  let credential: string | null = null;
  if (kind === 'training' || kind === 'work_integrated_learning') {
    const wil = kind === 'work_integrated_learning';
    template = {
      en: wil ? `${trade.en}: paid work placement` : `${trade.en} training`,
      fr: wil ? `Stage rémunéré : ${trade.fr}` : `Formation : ${trade.fr}`,
      description: wil
        ? `Eight weeks of ${trade.en.toLowerCase()} skills, then a paid placement with a Toronto employer.`
        : `A ${random.int(8, 24)}-week ${trade.en.toLowerCase()} program with hands-on practice and job search support.`,
      descriptionFr: wil
        ? `Huit semaines de formation en ${trade.fr}, puis un stage rémunéré chez un employeur de Toronto.`
        : `Un programme de ${trade.fr} avec de la pratique et de l’aide à la recherche d’emploi.`,
    };
    if (wil) interventions = ['work_integrated_learning', 'training'];
    noc = [trade.noc];
    naics = [trade.naics];
    credential = trade.credential;
  } else if (kind === 'pre_employment') template = random.pick(PRE_EMPLOYMENT);
  else if (kind === 'employment_services') template = random.pick(EMPLOYMENT_SERVICES);
  else if (kind === 'life_stabilization') template = random.pick(LIFE_STABILIZATION);
  else if (kind === 'retention') template = RETENTION;
  else template = ENTREPRENEURSHIP;

  // A population-focused program says so in its name, as Toronto's do ("Youth job connection").
  const name = focus ? `${focus.en} ${template.en.charAt(0).toLowerCase()}${template.en.slice(1)}` : template.en;
  const nameFr = focus ? `${template.fr} (${focus.fr.toLowerCase()})` : template.fr;
  const delivery = random.float();
  const deliveryMode =
    delivery < 0.7 || ownSites.length === 0
      ? ownSites.length === 0
        ? 'virtual'
        : 'in_person'
      : delivery < 0.85
        ? 'virtual'
        : 'hybrid';
  const siteIds =
    deliveryMode === 'virtual' ? [] : ownSites.length <= 1 ? ownSites.map((s) => s.id) : [random.pick(ownSites).id];
  const languages = ['en'];
  if (organization.offersFrench || random.bool(0.08)) languages.push('fr');
  if (random.bool(0.25)) languages.push(random.pick(OTHER_LANGUAGES));
  const youth = uniquePopulations.includes('youth');
  const mature = uniquePopulations.includes('mature_workers');

  // Cohorts: most took their last intake recently or take one soon; some are full.
  let intakeWindows: SyntheticService['intakeWindows'] = [];
  let startsInDays: number | null = null;
  let endsInDays: number | null = null;
  let seats: number | null = null;
  let seatsOpen: number | null = null;
  if (cohort) {
    const opens = random.int(-60, 75);
    const closes = opens + random.int(14, 45);
    intakeWindows = [{ opensInDays: opens, closesInDays: closes }];
    if (random.bool(0.4)) intakeWindows.push({ opensInDays: closes + random.int(60, 120), closesInDays: null });
    startsInDays = closes + random.int(3, 21);
    endsInDays = startsInDays + random.int(6, 26) * 7;
    seats = random.int(12, 30);
    seatsOpen = random.bool(0.2) ? 0 : random.int(0, seats);
  } else if (kind === 'pre_employment' && random.bool(0.5)) {
    seats = random.int(10, 25);
    seatsOpen = random.int(0, seats);
  }

  const schedule =
    deliveryMode === 'virtual' && random.bool(0.5)
      ? null
      : (() => {
          const hours = random.pick(HOURS);
          return { weekdays: [...random.pick(WEEKDAY_SETS)], opensAt: hours[0], closesAt: hours[1] };
        })();

  return {
    id: random.uuid(),
    organizationId: organization.id,
    // A provider's second listing of the same kind is a second cohort or location.
    name: index >= 6 ? `${name} ${index - 4}` : name,
    nameFr: index >= 6 ? `${nameFr} ${index - 4}` : nameFr,
    description: template.description,
    descriptionFr: template.descriptionFr,
    interventionTypes: interventions,
    targetNocCodes: noc,
    targetNaicsCodes: naics,
    targetPopulations: uniquePopulations,
    languages,
    deliveryMode,
    eligibilityDescription: youth
      ? 'Aged 15 to 29, not in school or work.'
      : mature
        ? 'Aged 45 and over, looking for work.'
        : cohort
          ? 'Unemployed or underemployed Toronto residents.'
          : null,
    eligibilityDescriptionFr: youth
      ? 'De 15 à 29 ans, sans emploi ni études.'
      : mature
        ? 'Personnes de 45 ans et plus en recherche d’emploi.'
        : cohort
          ? 'Résidents de Toronto sans emploi ou sous-employés.'
          : null,
    minimumAge: youth ? 15 : mature ? 45 : cohort ? 18 : null,
    maximumAge: youth ? 29 : null,
    credentialAwarded: credential,
    funder: random.pick(FUNDERS),
    startsInDays,
    endsInDays,
    seats,
    seatsOpen,
    // About a fifth not confirmed in six months: the stale listings the landscape must show.
    verifiedDaysAgo: random.bool(0.2) ? random.int(181, 420) : random.int(0, 170),
    siteIds,
    schedule,
    intakeWindows,
  };
}
