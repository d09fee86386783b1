// Writes vendor/naics-canada-2022/classes.csv (level,code,parent,title) from Statistics Canada's NAICS
// Canada 2022 V1.0 structure CSV: every class of the five levels, without the class definitions.
// Run: npx tsx scripts/build-naics-vendor.ts <naics-scian-2022-structure-v1-eng.csv> [--check]
// --check exits non-zero if the committed file differs from what the source would produce.
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatCsv, parseCsvRecords } from '../src/lib/csv.ts';

export const NAICS_VENDOR_CSV = fileURLToPath(new URL('../vendor/naics-canada-2022/classes.csv', import.meta.url));
// Statistics Canada's published counts for NAICS Canada 2022 V1.0, by level.
export const NAICS_2022_COUNTS = { 1: 20, 2: 99, 3: 323, 4: 694, 5: 923 } as const;

export function buildNaicsClasses(structureCsv: string): string {
  const rows: [string, string, string, string][] = [];
  const seen = new Set<string>();
  const counts: Record<string, number> = {};
  for (const row of parseCsvRecords(structureCsv)) {
    const level = (row['Level'] ?? '').trim();
    const code = (row['Code'] ?? '').trim();
    const parent = (row['Parent'] ?? '').trim();
    const title = (row['Class title'] ?? '').trim().replace(/\s+/g, ' ');
    if (!/^[1-5]$/.test(level)) throw new Error(`NAICS class ${code}: level ${JSON.stringify(level)} is not 1 to 5`);
    // Sectors may span codes (31-33); below them a class's code has as many digits as its level + 1.
    const shape = level === '1' ? /^\d\d(-\d\d)?$/ : new RegExp(`^\\d{${Number(level) + 1}}$`);
    if (!shape.test(code)) throw new Error(`NAICS class of level ${level} with code ${JSON.stringify(code)}`);
    if (level !== '1' && parent === '') throw new Error(`NAICS class ${code} has no parent`);
    if (title === '') throw new Error(`NAICS class ${code} has no title`);
    if (seen.has(code)) throw new Error(`NAICS class ${code} appears twice`);
    seen.add(code);
    counts[level] = (counts[level] ?? 0) + 1;
    rows.push([level, code, parent, title]);
  }
  for (const [level, expected] of Object.entries(NAICS_2022_COUNTS)) {
    if (counts[level] !== expected)
      throw new Error(`Expected ${expected} NAICS 2022 classes of level ${level}, found ${counts[level] ?? 0}`);
  }
  for (const [, code, parent] of rows) {
    if (parent !== '' && !seen.has(parent)) throw new Error(`NAICS class ${code}: unknown parent ${parent}`);
  }
  return formatCsv([['level', 'code', 'parent', 'title'], ...rows]);
}

function main(): void {
  const source = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!source) {
    console.error('Usage: npx tsx scripts/build-naics-vendor.ts <naics-scian-2022-structure-v1-eng.csv> [--check]');
    process.exit(2);
  }
  const csv = buildNaicsClasses(fs.readFileSync(source, 'utf8'));
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(NAICS_VENDOR_CSV) ? fs.readFileSync(NAICS_VENDOR_CSV, 'utf8') : '';
    if (current !== csv) {
      console.error(`${NAICS_VENDOR_CSV} is out of date with ${source}.`);
      process.exit(1);
    }
    console.log(`${NAICS_VENDOR_CSV} is up to date.`);
    return;
  }
  fs.writeFileSync(NAICS_VENDOR_CSV, csv);
  console.log(`Wrote ${NAICS_VENDOR_CSV}.`);
}

// Run as a script, not when a test imports buildNaicsClasses.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
