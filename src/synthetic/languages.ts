import { weightedTable, type WeightedTable } from './random.ts';

// The languages other than English or French that a client with a name from each pool (names.ts)
// may speak, weighted roughly as the 2016 Census counts them among Toronto's home languages
// (Profiles, "Language spoken most often at home", City of Toronto column: Mandarin 87,760,
// Cantonese 83,405, Tagalog, Spanish 41,530, Portuguese 33,425, Persian 33,375, Urdu 23,625 …).
// The pairing of name pool and language is hand-chosen.
export type HeritageLanguages = {
  languages: readonly (readonly [string, number])[];
  // Multiplies the chance that someone with a name from this pool speaks one of its languages
  // (hand-chosen: few Indigenous people in Toronto speak an Indigenous language at home).
  speakers: number;
};

export const HERITAGE_LANGUAGES: Readonly<Record<string, HeritageLanguages>> = {
  english_scottish_irish: { languages: [], speakers: 0 },
  chinese: {
    languages: [
      ['Mandarin', 88],
      ['Cantonese', 83],
      ['Hakka', 1],
      ['Min Nan', 3],
    ],
    speakers: 1,
  },
  south_asian: {
    languages: [
      ['Urdu', 24],
      ['Punjabi', 12],
      ['Bengali', 19],
      ['Gujarati', 17],
      ['Hindi', 8],
      ['Nepali', 2],
    ],
    speakers: 1,
  },
  tamil: { languages: [['Tamil', 1]], speakers: 1 },
  filipino: {
    languages: [
      ['Tagalog', 10],
      ['Ilocano', 1],
      ['Cebuano', 1],
    ],
    speakers: 1,
  },
  caribbean: {
    languages: [
      ['Jamaican Creole', 2],
      ['Haitian Creole', 1],
      ['Hindi', 1],
    ],
    speakers: 0.3,
  },
  portuguese_brazilian: { languages: [['Portuguese', 1]], speakers: 1 },
  italian: { languages: [['Italian', 1]], speakers: 0.8 },
  latin_american: { languages: [['Spanish', 1]], speakers: 1 },
  east_african: {
    languages: [
      ['Somali', 7],
      ['Amharic', 3],
      ['Tigrinya', 2],
      ['Oromo', 1],
    ],
    speakers: 1,
  },
  west_african: {
    languages: [
      ['Twi', 2],
      ['Yoruba', 1],
      ['Igbo', 1],
      ['Ga', 0.3],
    ],
    speakers: 0.9,
  },
  arabic: { languages: [['Arabic', 1]], speakers: 1 },
  persian: {
    languages: [
      ['Persian', 33],
      ['Dari', 3],
      ['Pashto', 3],
    ],
    speakers: 1,
  },
  korean: { languages: [['Korean', 1]], speakers: 1 },
  vietnamese: { languages: [['Vietnamese', 1]], speakers: 1 },
  eastern_european: {
    languages: [
      ['Russian', 23],
      ['Polish', 11],
      ['Ukrainian', 7],
      ['Serbian', 8],
      ['Hungarian', 5],
      ['Czech', 1],
    ],
    speakers: 1,
  },
  greek: { languages: [['Greek', 1]], speakers: 0.8 },
  jewish_israeli: {
    languages: [
      ['Hebrew', 2],
      ['Russian', 1],
      ['Yiddish', 0.3],
    ],
    speakers: 0.6,
  },
  indigenous: {
    languages: [
      ['Ojibwe', 3],
      ['Cree', 2],
      ['Oji-Cree', 1],
    ],
    speakers: 0.1,
  },
};

const tables = new Map<string, WeightedTable<string> | null>();

export function heritageLanguageTable(groupKey: string): WeightedTable<string> | null {
  if (!tables.has(groupKey)) {
    const h = HERITAGE_LANGUAGES[groupKey];
    tables.set(groupKey, h && h.languages.length > 0 ? weightedTable(h.languages) : null);
  }
  return tables.get(groupKey) ?? null;
}

export function heritageSpeakers(groupKey: string): number {
  return HERITAGE_LANGUAGES[groupKey]?.speakers ?? 0;
}
