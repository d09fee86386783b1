import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNocUnitGroups } from '../../../scripts/build-noc-vendor.ts';
import { formatCsv, parseCsv } from '../../lib/csv.ts';
import { isNocCode, nocCodeSchema, nocTeer, nocTitle, searchNoc } from './noc.ts';

const vendored = fs.readFileSync(new URL('../../../vendor/noc-2021/unit-groups.csv', import.meta.url), 'utf8');

describe('vendored NOC 2021 unit groups', () => {
  const rows = parseCsv(vendored);

  it('holds the 516 unit groups as code,title, sorted, without a byte order mark', () => {
    expect(vendored.charCodeAt(0)).not.toBe(0xfeff);
    expect(rows[0]).toEqual(['code', 'title']);
    const body = rows.slice(1);
    expect(body).toHaveLength(516);
    const codes = body.map((r) => r[0]!);
    expect(codes.every((c) => /^\d[0-5]\d{3}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(516);
    expect([...codes].sort()).toEqual(codes);
    expect(body.every((r) => r.length === 2 && r[1]!.trim() === r[1] && r[1]!.length > 0)).toBe(true);
  });

  it('is written exactly as formatCsv writes it (regenerating gives the same bytes)', () => {
    expect(formatCsv(rows)).toBe(vendored);
  });

  it('has unit groups in every TEER', () => {
    const teers = new Set(rows.slice(1).map((r) => r[0]![1]));
    expect([...teers].sort()).toEqual(['0', '1', '2', '3', '4', '5']);
  });
});

describe('buildNocUnitGroups', () => {
  const header = 'Level,Hierarchical structure,Code - NOC 2021 V1.0,Class title,Class definition\n';
  const source =
    '\ufeff' +
    header +
    '1,Broad Category,6,Sales and service occupations,"This broad category, and so on."\n' +
    '5,Unit group,65201,"Food counter attendants, kitchen helpers and related support occupations",Def\n' +
    '5,Unit group,64300,Maîtres d\'hôtel and hosts/hostesses,"Say ""hello"""\n';

  it('keeps only level 5, sorted by code, quoted where needed', () => {
    expect(buildNocUnitGroups(source, 2)).toBe(
      'code,title\n64300,Maîtres d\'hôtel and hosts/hostesses\n65201,"Food counter attendants, kitchen helpers and related support occupations"\n',
    );
  });

  it('refuses a source with the wrong number of unit groups or a malformed code', () => {
    expect(() => buildNocUnitGroups(source)).toThrow(/Expected 516 unit groups/);
    expect(() => buildNocUnitGroups(`${header}5,Unit group,6520,Short code,Def\n`, 1)).toThrow(/not five digits/);
    expect(() => buildNocUnitGroups(`${header}5,Unit group,65201,A,D\n5,Unit group,65201,B,D\n`, 2)).toThrow(
      /appears twice/,
    );
  });
});

describe('NOC lookups', () => {
  it.each([
    ['65201', true],
    ['00010', true],
    ['12345', false],
    ['6520', false],
    ['652011', false],
    ['abcde', false],
    ['', false],
  ])('isNocCode(%j) is %s', (code, known) => {
    expect(isNocCode(code)).toBe(known);
  });

  it('gives titles, with accents as published', () => {
    expect(nocTitle('14400')).toBe('Shippers and receivers');
    expect(nocTitle('64300')).toBe("Maîtres d'hôtel and hosts/hostesses");
    expect(nocTitle('12345')).toBeUndefined();
  });

  it.each([
    ['00010', 0],
    ['10020', 0],
    ['21231', 1],
    ['22310', 2],
    ['63200', 3],
    ['14400', 4],
    ['65201', 5],
    ['75110', 5],
  ] as const)('nocTeer(%s) is %d (the second digit)', (code, teer) => {
    expect(nocTeer(code)).toBe(teer);
  });

  it('refuses the TEER of an unknown code', () => {
    expect(() => nocTeer('12345')).toThrow('unknown NOC 2021 unit group 12345');
  });
});

describe('nocCodeSchema', () => {
  it('accepts a known unit group', () => {
    expect(nocCodeSchema.parse('65201')).toBe('65201');
  });

  it.each([
    ['12345', 'unknown NOC 2021 unit group 12345'],
    ['6520', '6520 is not a NOC 2021 unit group code (5 digits)'],
    [' 65201', ' 65201 is not a NOC 2021 unit group code (5 digits)'],
  ])('rejects %j: %s', (code, message) => {
    const result = nocCodeSchema.safeParse(code);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it('rejects a number', () => {
    expect(nocCodeSchema.safeParse(65201).error?.issues[0]?.message).toMatch(/5 digits/);
  });
});

describe('searchNoc', () => {
  it('matches titles regardless of case and accents', () => {
    expect(searchNoc('MAITRE').map((g) => g.code)).toEqual(['64300']);
    expect(searchNoc('maîtres d’').map((g) => g.code)).toEqual([]);
    expect(searchNoc("maîtres d'hôtel")[0]).toEqual({
      code: '64300',
      title: "Maîtres d'hôtel and hosts/hostesses",
      teer: 4,
    });
  });

  it('needs every word, in any order', () => {
    const codes = searchNoc('developers software').map((g) => g.code);
    expect(codes).toContain('21232');
    expect(searchNoc('software plumber')).toEqual([]);
  });

  it('matches the start of a code, and puts code matches first', () => {
    const found = searchNoc('6520');
    expect(found.map((g) => g.code)).toEqual(['65200', '65201', '65202'].filter((c) => isNocCode(c)));
    expect(found.every((g) => g.code.startsWith('6520'))).toBe(true);
    expect(searchNoc('2 cooks')).toEqual([]);
  });

  it('puts titles that start with the words before titles that only contain them', () => {
    const found = searchNoc('supervisors', 516);
    const starts = found.map((g) => g.title.toLowerCase().startsWith('supervisors'));
    expect(starts.indexOf(false)).toBeGreaterThan(0);
    expect(starts.lastIndexOf(true)).toBeLessThan(starts.indexOf(false));
    expect(found.some((g) => g.title.startsWith('Contractors and supervisors'))).toBe(true);
  });

  it('respects the limit and ignores empty queries', () => {
    expect(searchNoc('a', 5)).toHaveLength(5);
    expect(searchNoc('   ')).toEqual([]);
    expect(searchNoc('a', 0)).toHaveLength(1);
  });
});
