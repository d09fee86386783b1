import type { Random } from './random.ts';
import type { ClientRecord, NearDuplicateKind, SyntheticClient, SyntheticCity } from './city.ts';
import { ageOn } from '../lib/dates.ts';
import { dayOf, dayString, REFERENCE_DAY } from './days.ts';
import { MAX_CLIENT_AGE, MIN_CLIENT_AGE, REFERENCE_DATE } from './distributions.ts';
import { NICKNAMES } from './name-details.ts';

// Planted near-duplicates: in each block of `duplicateEvery` clients (500 by default), one client
// is recorded a second time, right after the first, at another agency, with one realistic change.
// The second record says which client it copies and how (plantedCopyOf), so tests and benchmarks
// know every pair without a list held anywhere.

export const NEAR_DUPLICATE_KINDS: readonly NearDuplicateKind[] = [
  'family_typo',
  'day_month_swapped',
  'hyphenated_family',
  'accents_dropped',
  'year_off_by_one',
  'nickname',
];

// A typo needs a name long enough that changing a letter leaves it recognizable (in "Li" or "Ng"
// one changed letter is another name).
const TYPO_MIN_LETTERS = 4;
const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'qs',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  x: 'zc',
  y: 'tu',
  z: 'x',
};

// Zoë → Zoe, Łukasz → Lukasz, Søren → Soren.
export function stripAccents(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .normalize('NFC');
}

function workingAge(dateOfBirth: string): boolean {
  const age = ageOn(dateOfBirth, REFERENCE_DATE);
  return age >= MIN_CLIENT_AGE && age <= MAX_CLIENT_AGE;
}

export function swappedDate(date: string): string | null {
  const [y, m, d] = date.split('-') as [string, string, string];
  if (Number(d) > 12 || d === m) return null;
  const swapped = `${y}-${d}-${m}`;
  return workingAge(swapped) ? swapped : null;
}

function yearOff(date: string, r?: Random): string | null {
  if (date.endsWith('-02-29')) return null;
  const [y, rest] = [Number(date.slice(0, 4)), date.slice(4)];
  const options = [y - 1, y + 1].map((yy) => `${yy}${rest}`).filter(workingAge);
  if (options.length === 0) return null;
  return r ? r.pick(options) : options[0]!;
}

// One realistic slip of the keyboard in a family name: two letters swapped, one dropped, one
// doubled, or a neighbouring key.
export function misspell(r: Random, name: string): string {
  const positions = [...name].map((ch, i) => (i > 0 && /[a-z]/.test(ch) ? i : -1)).filter((i) => i > 0);
  for (let attempt = 0; attempt < 8; attempt++) {
    const chars = [...name];
    const i = r.pick(positions);
    const ch = chars[i]!;
    switch (r.int(0, 3)) {
      case 0:
        if (i + 1 < chars.length && /[a-z]/.test(chars[i + 1]!)) [chars[i], chars[i + 1]] = [chars[i + 1]!, ch];
        break;
      case 1:
        chars.splice(i, 1);
        break;
      case 2:
        chars.splice(i, 0, ch);
        break;
      default:
        chars[i] = r.pick([...(KEYBOARD_NEIGHBOURS[ch] ?? ch)]);
    }
    const result = chars.join('');
    if (result !== name) return result;
  }
  return `${name.slice(0, -1)}${name.endsWith('e') ? 'a' : 'e'}`;
}

export function applicableKinds(
  c: Pick<SyntheticClient, 'givenName' | 'familyName' | 'dateOfBirth'>,
): NearDuplicateKind[] {
  return NEAR_DUPLICATE_KINDS.filter((kind) => {
    switch (kind) {
      case 'family_typo':
        return [...c.familyName].filter((ch) => /[A-Za-z]/.test(ch)).length >= TYPO_MIN_LETTERS;
      case 'day_month_swapped':
        return swappedDate(c.dateOfBirth) !== null;
      case 'hyphenated_family':
        return true;
      case 'accents_dropped':
        return stripAccents(c.givenName) !== c.givenName || stripAccents(c.familyName) !== c.familyName;
      case 'year_off_by_one':
        return yearOff(c.dateOfBirth) !== null;
      case 'nickname':
        return NICKNAMES.has(c.givenName);
    }
  });
}

export type DuplicatePlanner = {
  // Whether the client at this position is the first record of a planted pair.
  plantsAfter: (index: number) => boolean;
  // The change for this pair: the applicable kind planted least so far (ties drawn at random), so
  // every kind gets pairs even where few names allow it.
  chooseKind: (c: ClientRecord) => NearDuplicateKind;
};

export function createDuplicatePlanner(r: Random, count: number, every: number): DuplicatePlanner {
  let block = -1;
  let offset = -1;
  const planted = new Map<NearDuplicateKind, number>(NEAR_DUPLICATE_KINDS.map((k) => [k, 0]));
  return {
    plantsAfter: (index) => {
      const b = Math.floor(index / every);
      if (b !== block) {
        block = b;
        // Only whole blocks get a pair, so a city of N clients has floor(N / every) of them.
        offset = (b + 1) * every <= count ? r.int(0, every - 2) : -1;
      }
      return index - b * every === offset;
    },
    chooseKind: (c) => {
      const kinds = applicableKinds(c);
      const least = Math.min(...kinds.map((k) => planted.get(k)!));
      const kind = r.pick(kinds.filter((k) => planted.get(k) === least));
      planted.set(kind, least + 1);
      return kind;
    },
  };
}

// The second record: the same person, another agency, one change, the rest of their story the
// same (new ids); no member number (it is unique, and its absence is how the copy slipped in) and
// no consents yet. Opened after the first record.
export function plantCopy(
  r: Random,
  original: ClientRecord,
  kind: NearDuplicateKind,
  otherAgency: string,
  otherFamilyName: string,
): ClientRecord {
  let { givenName, familyName, dateOfBirth } = original;
  switch (kind) {
    case 'family_typo':
      familyName = misspell(r, familyName);
      break;
    case 'day_month_swapped':
      dateOfBirth = swappedDate(dateOfBirth)!;
      break;
    case 'hyphenated_family':
      // One record has "Silva-Costa", the other "Silva".
      familyName = familyName.includes('-')
        ? familyName.slice(0, familyName.indexOf('-'))
        : `${familyName}-${otherFamilyName}`;
      break;
    case 'accents_dropped':
      givenName = stripAccents(givenName);
      familyName = stripAccents(familyName);
      break;
    case 'year_off_by_one':
      dateOfBirth = yearOff(dateOfBirth, r)!;
      break;
    case 'nickname':
      givenName = r.pick(NICKNAMES.get(givenName)!);
      break;
  }
  const intakeDay = Math.min(REFERENCE_DAY, dayOf(original.intakeDate) + r.int(30, 400));
  const intakeDate = dayString(intakeDay);
  const plan = original.assessmentPlan;
  return {
    ...original,
    id: r.uuid(),
    organizationId: otherAgency,
    givenName,
    familyName,
    dateOfBirth,
    preferredName: null,
    intakeDate,
    status: 'active',
    closedReason: null,
    statusChanges: [{ id: r.uuid(), status: 'active', kind: 'opened', closedReason: null, note: null, on: intakeDate }],
    workHistory: original.workHistory.map((j) => ({ ...j, id: r.uuid() })),
    accommodations: original.accommodations.map((a) => ({ ...a, id: r.uuid() })),
    externalIds: [],
    assessmentPlan: plan ? { initial: { id: r.uuid(), on: intakeDate }, reassessment: null, override: null } : null,
    consents: [],
    plantedCopyOf: { originalId: original.id, kind },
  };
}

export type PlantedPair = {
  kind: NearDuplicateKind;
  original: Pick<SyntheticClient, 'id' | 'organizationId' | 'givenName' | 'familyName' | 'dateOfBirth'>;
  copy: Pick<SyntheticClient, 'id' | 'organizationId' | 'givenName' | 'familyName' | 'dateOfBirth'>;
};

// Every planted pair of a city, in order: one pass over its clients (the pairs are adjacent).
export function plantedDuplicates(city: SyntheticCity): PlantedPair[] {
  const pairs: PlantedPair[] = [];
  const pick = (c: SyntheticClient) => ({
    id: c.id,
    organizationId: c.organizationId,
    givenName: c.givenName,
    familyName: c.familyName,
    dateOfBirth: c.dateOfBirth,
  });
  let previous: SyntheticClient | undefined;
  for (const c of city.clients()) {
    if (c.plantedCopyOf && previous?.id === c.plantedCopyOf.originalId)
      pairs.push({ kind: c.plantedCopyOf.kind, original: pick(previous), copy: pick(c) });
    previous = c;
  }
  return pairs;
}
