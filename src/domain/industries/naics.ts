import fs from 'node:fs';
import { z } from 'zod';
import { parseCsvRecords } from '../../lib/csv.ts';

// NAICS Canada 2022 V1.0, vendored from Statistics Canada (vendor/naics-canada-2022/SOURCE.md).
// English titles only: the source copy has no French (SCIAN) titles, so both languages show English.
const CLASSES_CSV = new URL('../../../vendor/naics-canada-2022/classes.csv', import.meta.url);

export const naicsLevels = [1, 2, 3, 4, 5] as const;
export type NaicsLevel = (typeof naicsLevels)[number];
export type NaicsClass = { code: string; title: string; level: NaicsLevel; parent: string | null };

type NaicsIndex = { byCode: Map<string, NaicsClass>; searchable: { naics: NaicsClass; folded: string }[] };

let index: NaicsIndex | undefined;

// Read once, at first use.
function naicsIndex(): NaicsIndex {
  if (index) return index;
  const byCode = new Map<string, NaicsClass>();
  for (const record of parseCsvRecords(fs.readFileSync(CLASSES_CSV, 'utf8'))) {
    const level = Number(record['level']);
    const code = record['code'] ?? '';
    const title = record['title'] ?? '';
    if (!naicsLevels.includes(level as NaicsLevel) || code === '' || title === '')
      throw new Error(`vendor/naics-canada-2022/classes.csv: bad row ${code}`);
    byCode.set(code, { code, title, level: level as NaicsLevel, parent: record['parent'] || null });
  }
  const searchable = [...byCode.values()].map((naics) => ({ naics, folded: fold(naics.title) }));
  index = { byCode, searchable };
  return index;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function isNaicsCode(code: string): boolean {
  return naicsIndex().byCode.has(code);
}

export function naicsClass(code: string): NaicsClass | undefined {
  return naicsIndex().byCode.get(code);
}

export function naicsClassCount(): number {
  return naicsIndex().byCode.size;
}

// The code and every class above it, nearest first: 311811 → 31181, 3118, 311, 31-33.
export function naicsAncestors(code: string): string[] {
  const chain: string[] = [];
  let parent = naicsIndex().byCode.get(code)?.parent ?? null;
  while (parent) {
    chain.push(parent);
    parent = naicsIndex().byCode.get(parent)?.parent ?? null;
  }
  return chain;
}

// Every class below the code, at any depth: 3118 → 31181, 311811, 311814 …
export function naicsDescendants(code: string): string[] {
  const found: string[] = [];
  for (const naics of naicsIndex().byCode.values()) {
    if (naics.code !== code && naicsAncestors(naics.code).includes(code)) found.push(naics.code);
  }
  return found;
}

// A class at any level: a program may train for a whole sector ("44-45", retail trade) or one industry.
export const naicsCodeSchema = z
  .string({ error: 'must be a NAICS Canada 2022 code' })
  .trim()
  .regex(/^(\d{2}(-\d{2})?|\d{3,6})$/, {
    error: (issue) =>
      `${String(issue.input)} is not a NAICS Canada 2022 code (2 to 6 digits, or a sector such as 31-33)`,
    abort: true,
  })
  .refine(isNaicsCode, { error: (issue) => `unknown NAICS Canada 2022 code ${String(issue.input)}`, abort: true });

// For an industry picker: every word in the title (ignoring case and accents) or the start of the code.
export function searchNaics(words: string, limit = 20): NaicsClass[] {
  const terms = fold(words).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const max = Math.max(1, Math.min(Math.trunc(limit) || 1, 100));
  const phrase = terms.join(' ');
  const ranked: { naics: NaicsClass; rank: number }[] = [];
  for (const { naics, folded } of naicsIndex().searchable) {
    if (!terms.every((t) => folded.includes(t) || (/^\d+$/.test(t) && naics.code.startsWith(t)))) continue;
    const rank = terms.some((t) => naics.code.startsWith(t)) ? 0 : folded.startsWith(phrase) ? 1 : 2;
    ranked.push({ naics, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.naics.level - b.naics.level || (a.naics.code < b.naics.code ? -1 : 1));
  return ranked.slice(0, max).map((r) => r.naics);
}
