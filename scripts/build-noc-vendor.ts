// Writes vendor/noc-2021/unit-groups.csv (code,title) from Statistics Canada's NOC 2021 V1.0
// classification structure CSV: the 516 unit groups (level 5, five-digit codes) only.
// Run: npx tsx scripts/build-noc-vendor.ts <noc_2021_version_1.0_-_classification_structure.csv> [--check]
// --check exits non-zero if the committed file differs from what the source would produce.
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatCsv, parseCsvRecords } from '../src/lib/csv.ts';

export const NOC_VENDOR_CSV = fileURLToPath(new URL('../vendor/noc-2021/unit-groups.csv', import.meta.url));
const UNIT_GROUPS_IN_V1_0 = 516;

export function buildNocUnitGroups(structureCsv: string, expectedCount = UNIT_GROUPS_IN_V1_0): string {
  const rows = parseCsvRecords(structureCsv);
  const units: [string, string][] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row['Level']?.trim() !== '5') continue;
    const code = (row['Code - NOC 2021 V1.0'] ?? '').trim();
    const title = (row['Class title'] ?? '').trim().replace(/\s+/g, ' ');
    if (!/^\d{5}$/.test(code))
      throw new Error(`Unit group with a code that is not five digits: ${JSON.stringify(code)}`);
    if (!/^[0-5]$/.test(code[1] ?? '')) throw new Error(`Unit group ${code}: the second digit (TEER) must be 0 to 5`);
    if (title === '') throw new Error(`Unit group ${code} has no title`);
    if (seen.has(code)) throw new Error(`Unit group ${code} appears twice`);
    seen.add(code);
    units.push([code, title]);
  }
  if (units.length !== expectedCount) {
    throw new Error(`Expected ${expectedCount} unit groups in NOC 2021 V1.0, found ${units.length}`);
  }
  units.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return formatCsv([['code', 'title'], ...units]);
}

function main(): void {
  const source = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!source) {
    console.error(
      'Usage: npx tsx scripts/build-noc-vendor.ts <noc_2021_version_1.0_-_classification_structure.csv> [--check]',
    );
    process.exit(2);
  }
  const csv = buildNocUnitGroups(fs.readFileSync(source, 'utf8'));
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(NOC_VENDOR_CSV) ? fs.readFileSync(NOC_VENDOR_CSV, 'utf8') : '';
    if (current !== csv) {
      console.error(`${NOC_VENDOR_CSV} is out of date with ${source}.`);
      process.exit(1);
    }
    console.log(`${NOC_VENDOR_CSV} is up to date.`);
    return;
  }
  fs.writeFileSync(NOC_VENDOR_CSV, csv);
  console.log(`Wrote ${NOC_VENDOR_CSV}: ${UNIT_GROUPS_IN_V1_0} unit groups.`);
}

// Run as a script, not when a test imports buildNocUnitGroups.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
