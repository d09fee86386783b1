import { isNocCode, nocTeer, type Teer } from '../domain/occupations/noc.ts';
import { weightedTable, type WeightedTable } from './random.ts';
import type { EducationLevel } from './distributions.ts';

// The occupations synthetic clients worked in: real NOC 2021 unit groups (vendor/noc-2021), weighted
// toward the jobs Toronto job seekers in employment services come from: sales and service (mostly
// TEER 4–5), trades, transport and warehouse work, office support, personal support work.
// Hand-chosen approximation: the weights are informed by Statistics Canada's Labour Force Survey
// (unemployed persons by occupation of last job, Toronto CMA), tilted toward entry-level work for a
// caseload with many Ontario Works and ODSP clients; they are not a published distribution.
export type Occupation = { code: string; title: string; weight: number };

export const OCCUPATIONS: readonly Occupation[] = [
  // Sales and service
  { code: '65100', title: 'Cashier', weight: 4 },
  { code: '65102', title: 'Stock clerk', weight: 3 },
  { code: '64100', title: 'Retail sales associate', weight: 5 },
  { code: '65201', title: 'Kitchen helper', weight: 4 },
  { code: '65200', title: 'Server', weight: 2.5 },
  { code: '63200', title: 'Line cook', weight: 2.5 },
  { code: '64410', title: 'Security guard', weight: 2.5 },
  { code: '65310', title: 'Cleaner', weight: 2.5 },
  { code: '65312', title: 'Janitor', weight: 2 },
  { code: '64409', title: 'Call centre agent', weight: 2 },
  { code: '64400', title: 'Bank customer service representative', weight: 0.8 },
  { code: '62010', title: 'Retail supervisor', weight: 1 },
  { code: '62020', title: 'Food service supervisor', weight: 0.6 },
  { code: '64314', title: 'Hotel front desk clerk', weight: 0.6 },
  { code: '65210', title: 'Housekeeping attendant', weight: 0.5 },
  { code: '64301', title: 'Bartender', weight: 0.5 },
  { code: '63210', title: 'Hairstylist', weight: 0.6 },
  { code: '65109', title: 'Sales promoter', weight: 0.5 },
  { code: '64101', title: 'Wholesale sales representative', weight: 1 },
  { code: '44101', title: 'Personal support worker (home care)', weight: 2 },
  { code: '44100', title: 'Home child care provider', weight: 0.8 },
  // Business, finance and office support
  { code: '14100', title: 'Office clerk', weight: 2 },
  { code: '14101', title: 'Receptionist', weight: 1.2 },
  { code: '14111', title: 'Data entry clerk', weight: 0.6 },
  { code: '14200', title: 'Accounts payable clerk', weight: 1 },
  { code: '13110', title: 'Administrative assistant', weight: 1.5 },
  { code: '13100', title: 'Office administrator', weight: 1 },
  { code: '12200', title: 'Bookkeeper', weight: 1 },
  { code: '14400', title: 'Shipper and receiver', weight: 1.5 },
  { code: '14402', title: 'Production logistics worker', weight: 0.5 },
  { code: '14404', title: 'Dispatcher', weight: 0.4 },
  { code: '11100', title: 'Accountant', weight: 0.8 },
  { code: '11202', title: 'Marketing coordinator', weight: 0.4 },
  { code: '12101', title: 'Human resources officer', weight: 0.4 },
  // Trades, transport and equipment
  { code: '75110', title: 'Construction labourer', weight: 2 },
  { code: '75101', title: 'Warehouse worker', weight: 2.5 },
  { code: '75201', title: 'Delivery driver', weight: 1.5 },
  { code: '73300', title: 'Truck driver', weight: 1.2 },
  { code: '75200', title: 'Taxi driver', weight: 0.8 },
  { code: '74102', title: 'Courier', weight: 0.5 },
  { code: '72310', title: 'Carpenter', weight: 0.5 },
  { code: '72200', title: 'Electrician', weight: 0.4 },
  { code: '72106', title: 'Welder', weight: 0.3 },
  { code: '72410', title: 'Automotive service technician', weight: 0.4 },
  { code: '73112', title: 'Painter', weight: 0.4 },
  { code: '73201', title: 'Building superintendent', weight: 0.6 },
  // Manufacturing and utilities
  { code: '95106', title: 'Food processing labourer', weight: 1.2 },
  { code: '95109', title: 'Factory labourer', weight: 1.2 },
  { code: '94140', title: 'Food processing machine operator', weight: 0.5 },
  { code: '94141', title: 'Meat cutter (industrial)', weight: 0.3 },
  { code: '94132', title: 'Sewing machine operator', weight: 0.4 },
  { code: '94204', title: 'Assembler', weight: 0.6 },
  { code: '94111', title: 'Plastics machine operator', weight: 0.3 },
  // Health
  { code: '33102', title: 'Personal support worker', weight: 2.5 },
  { code: '33101', title: 'Medical laboratory assistant', weight: 0.3 },
  { code: '33100', title: 'Dental assistant', weight: 0.3 },
  { code: '31301', title: 'Registered nurse', weight: 0.3 },
  // Education, law, social and community services
  { code: '42202', title: 'Early childhood educator', weight: 1.2 },
  { code: '43100', title: 'Educational assistant', weight: 0.6 },
  { code: '42201', title: 'Community service worker', weight: 0.8 },
  { code: '41221', title: 'Elementary school teacher', weight: 0.3 },
  // Natural and applied sciences
  { code: '21232', title: 'Software developer', weight: 0.6 },
  { code: '22221', title: 'IT help desk technician', weight: 0.8 },
  { code: '21222', title: 'Information systems analyst', weight: 0.4 },
  { code: '22310', title: 'Electronics technician', weight: 0.3 },
  { code: '21300', title: 'Civil engineer', weight: 0.2 },
  // Art, culture, recreation and sport
  { code: '52120', title: 'Graphic designer', weight: 0.4 },
  { code: '54100', title: 'Recreation program leader', weight: 0.5 },
  { code: '53124', title: 'Artisan', weight: 0.2 },
  // Management
  { code: '60020', title: 'Store manager', weight: 0.6 },
  { code: '60030', title: 'Restaurant manager', weight: 0.5 },
  { code: '10019', title: 'Office manager', weight: 0.3 },
  // Natural resources and agriculture
  { code: '85121', title: 'Landscaping labourer', weight: 0.6 },
  { code: '85103', title: 'Greenhouse worker', weight: 0.3 },
];

// Hand-chosen: how much more (or less) likely each TEER is for a client with this education, so
// that graduates' histories lean to TEER 0–2 and early school leavers' to TEER 4–5.
export const TEER_TILT_BY_EDUCATION: Record<EducationLevel, Record<Teer, number>> = {
  less_than_high_school: { 0: 0.1, 1: 0.05, 2: 0.3, 3: 0.5, 4: 1.2, 5: 1.5 },
  high_school: { 0: 0.3, 1: 0.2, 2: 0.6, 3: 0.8, 4: 1.1, 5: 1.1 },
  apprenticeship_or_trades: { 0: 0.5, 1: 0.2, 2: 2.5, 3: 1.5, 4: 0.8, 5: 0.8 },
  college: { 0: 0.8, 1: 0.6, 2: 1.6, 3: 1.4, 4: 0.9, 5: 0.7 },
  bachelor: { 0: 1.5, 1: 3, 2: 1.4, 3: 1.1, 4: 0.8, 5: 0.5 },
  graduate: { 0: 2, 1: 4, 2: 1.3, 3: 1, 4: 0.7, 5: 0.4 },
  unknown: { 0: 0.5, 1: 0.5, 2: 1, 3: 1, 4: 1, 5: 1 },
};

let tables: Map<EducationLevel, WeightedTable<Occupation>> | undefined;

// One weighted table per education level; checks every code against the vendored NOC once.
export function occupationTable(education: EducationLevel): WeightedTable<Occupation> {
  if (!tables) {
    for (const o of OCCUPATIONS) if (!isNocCode(o.code)) throw new Error(`${o.code} is not a NOC 2021 unit group`);
    tables = new Map(
      (Object.keys(TEER_TILT_BY_EDUCATION) as EducationLevel[]).map((level) => [
        level,
        weightedTable(OCCUPATIONS.map((o) => [o, o.weight * TEER_TILT_BY_EDUCATION[level][nocTeer(o.code)]] as const)),
      ]),
    );
  }
  return tables.get(education)!;
}

// The share of TEER 4–5 occupations in a level's table: the target the share test checks.
export function entryLevelShare(education: EducationLevel): number {
  const tilt = TEER_TILT_BY_EDUCATION[education];
  let low = 0;
  let all = 0;
  for (const o of OCCUPATIONS) {
    const teer = nocTeer(o.code);
    const w = o.weight * tilt[teer];
    all += w;
    if (teer >= 4) low += w;
  }
  return low / all;
}
