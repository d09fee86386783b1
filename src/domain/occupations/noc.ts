import fs from 'node:fs';
import { z } from 'zod';
import { parseCsvRecords } from '../../lib/csv.ts';

// NOC 2021 V1.0 unit groups, vendored from Statistics Canada (vendor/noc-2021/SOURCE.md).
const UNIT_GROUPS_CSV = new URL('../../../vendor/noc-2021/unit-groups.csv', import.meta.url);

export const teers = [0, 1, 2, 3, 4, 5] as const;
export type Teer = (typeof teers)[number];

export type NocUnitGroup = { code: string; title: string; teer: Teer };

type NocIndex = { byCode: Map<string, NocUnitGroup>; searchable: { group: NocUnitGroup; folded: string }[] };

let index: NocIndex | undefined;

// Read once, at first use: most commands never look at an occupation.
function nocIndex(): NocIndex {
  if (index) return index;
  const byCode = new Map<string, NocUnitGroup>();
  for (const record of parseCsvRecords(fs.readFileSync(UNIT_GROUPS_CSV, 'utf8'))) {
    const code = record['code'] ?? '';
    const title = record['title'] ?? '';
    if (!/^\d[0-5]\d{3}$/.test(code) || title === '')
      throw new Error(`vendor/noc-2021/unit-groups.csv: bad row ${code}`);
    byCode.set(code, { code, title, teer: Number(code[1]) as Teer });
  }
  const searchable = [...byCode.values()].map((group) => ({ group, folded: fold(group.title) }));
  index = { byCode, searchable };
  return index;
}

// Lower case without accents, so "maitre" finds "Maîtres d'hôtel".
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function isNocCode(code: string): boolean {
  return /^\d{5}$/.test(code) && nocIndex().byCode.has(code);
}

export function nocTitle(code: string): string | undefined {
  return nocIndex().byCode.get(code)?.title;
}

export function nocTeer(code: string): Teer {
  const group = nocIndex().byCode.get(code);
  if (!group) throw new Error(`unknown NOC 2021 unit group ${code}`);
  return group.teer;
}

export const nocCodeSchema = z
  .string({ error: 'must be a NOC 2021 unit group code (5 digits)' })
  .regex(/^\d{5}$/, {
    error: (issue) => `${String(issue.input)} is not a NOC 2021 unit group code (5 digits)`,
    abort: true,
  })
  .refine(isNocCode, { error: (issue) => `unknown NOC 2021 unit group ${String(issue.input)}`, abort: true });

// For an occupation picker: every word must match, either in the title (ignoring case and accents)
// or as the start of the code. Code matches first, then titles starting with the words, then by code.
export function searchNoc(words: string, limit = 20): NocUnitGroup[] {
  const terms = fold(words).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const max = Math.max(1, Math.min(Math.trunc(limit) || 1, 516));
  const phrase = terms.join(' ');
  const ranked: { group: NocUnitGroup; rank: number }[] = [];
  for (const { group, folded } of nocIndex().searchable) {
    if (!terms.every((t) => folded.includes(t) || (/^\d+$/.test(t) && group.code.startsWith(t)))) continue;
    const rank = terms.some((t) => group.code.startsWith(t))
      ? 0
      : folded.startsWith(phrase)
        ? 1
        : folded.includes(phrase)
          ? 2
          : 3;
    ranked.push({ group, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || (a.group.code < b.group.code ? -1 : 1));
  return ranked.slice(0, max).map((r) => r.group);
}
