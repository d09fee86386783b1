import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNaicsClasses, NAICS_2022_COUNTS } from '../../../scripts/build-naics-vendor.ts';
import { formatCsv, parseCsv } from '../../lib/csv.ts';
import { isNaicsCode, naicsAncestors, naicsClass, naicsClassCount, naicsCodeSchema, searchNaics } from './naics.ts';

const vendored = fs.readFileSync(new URL('../../../vendor/naics-canada-2022/classes.csv', import.meta.url), 'utf8');

describe('vendored NAICS Canada 2022 classes', () => {
  const rows = parseCsv(vendored);

  it('holds the published counts: 20 sectors, 99 subsectors, 323 groups, 694 industries, 923 Canadian industries', () => {
    expect(vendored.charCodeAt(0)).not.toBe(0xfeff);
    expect(rows[0]).toEqual(['level', 'code', 'parent', 'title']);
    const byLevel: Record<string, number> = {};
    for (const row of rows.slice(1)) byLevel[row[0]!] = (byLevel[row[0]!] ?? 0) + 1;
    expect(byLevel).toEqual({ '1': 20, '2': 99, '3': 323, '4': 694, '5': 923 });
    expect(rows.length - 1).toBe(2059);
    expect(naicsClassCount()).toBe(2059);
    expect(Object.values(NAICS_2022_COUNTS).reduce((a: number, b) => a + b, 0)).toBe(2059);
  });

  it('is written exactly as formatCsv writes it (regenerating gives the same bytes)', () => {
    expect(formatCsv(rows)).toBe(vendored);
  });

  it('matches the shared source file, when this machine has it', () => {
    const source = new URL(
      '../../../../shared/data/naics-canada-2022/naics-scian-2022-structure-v1-eng.csv',
      import.meta.url,
    );
    if (!fs.existsSync(source)) return;
    expect(buildNaicsClasses(fs.readFileSync(source, 'utf8'))).toBe(vendored);
  });
});

describe('NAICS look-ups', () => {
  it('knows codes at every level, sectors that span codes included', () => {
    expect(naicsClass('31-33')).toMatchObject({ level: 1, title: 'Manufacturing', parent: null });
    expect(naicsClass('311811')?.level).toBe(5);
    expect(isNaicsCode('999999')).toBe(false);
    expect(naicsAncestors('311811')).toEqual(['31181', '3118', '311', '31-33']);
  });

  it('validates with a clear message', () => {
    expect(naicsCodeSchema.safeParse('62').success).toBe(true);
    expect(naicsCodeSchema.safeParse('999999').error?.issues[0]?.message).toBe('unknown NAICS Canada 2022 code 999999');
    expect(naicsCodeSchema.safeParse('abc').error?.issues[0]?.message).toMatch(/is not a NAICS Canada 2022 code/);
  });

  it('searches titles without accents and codes by their start', () => {
    expect(searchNaics('retail', 5).length).toBeGreaterThan(0);
    expect(searchNaics('5416', 3)[0]?.code).toBe('5416');
    expect(searchNaics('BAKERIES').some((c) => c.code.startsWith('3118'))).toBe(true);
  });
});
