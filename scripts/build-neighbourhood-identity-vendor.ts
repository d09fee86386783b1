// Writes vendor/toronto-neighbourhoods-2016/identity.csv from the City of Toronto's Neighbourhood
// Profiles 2016: per neighbourhood, the visible minority groups and Aboriginal identity counts the
// synthetic city draws self-identified answers from (src/synthetic/equity.ts).
// Run: npx tsx scripts/build-neighbourhood-identity-vendor.ts <neighbourhood-profiles-2016-csv.csv> [--check]
// --check exits non-zero if the committed file differs from what the source would produce.
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatCsv, parseCsv } from '../src/lib/csv.ts';

export const IDENTITY_VENDOR_CSV = fileURLToPath(
  new URL('../vendor/toronto-neighbourhoods-2016/identity.csv', import.meta.url),
);

// Each column, the profiles row (_id) it comes from and the characteristic that row must carry.
// The City's file has two rows out of place (Latin American at 1148, Inuk at 1189) and drops the
// é of Métis, so rows are found by _id and their name checked, never by position.
export const IDENTITY_ROWS: readonly { column: string; id: number; characteristic: RegExp }[] = [
  {
    column: 'population_private_households',
    id: 1336,
    characteristic: /^Total - Visible minority for the population in private households/,
  },
  { column: 'south_asian', id: 1338, characteristic: /^South Asian$/ },
  { column: 'chinese', id: 1339, characteristic: /^Chinese$/ },
  { column: 'black', id: 1340, characteristic: /^Black$/ },
  { column: 'filipino', id: 1341, characteristic: /^Filipino$/ },
  { column: 'latin_american', id: 1148, characteristic: /^Latin American$/ },
  { column: 'arab', id: 1342, characteristic: /^Arab$/ },
  { column: 'southeast_asian', id: 1343, characteristic: /^Southeast Asian$/ },
  { column: 'west_asian', id: 1344, characteristic: /^West Asian$/ },
  { column: 'korean', id: 1345, characteristic: /^Korean$/ },
  { column: 'japanese', id: 1346, characteristic: /^Japanese$/ },
  { column: 'visible_minority_nie', id: 1347, characteristic: /^Visible minority; n\.i\.e\.$/ },
  { column: 'multiple_visible_minorities', id: 1348, characteristic: /^Multiple visible minorities$/ },
  { column: 'not_visible_minority', id: 1349, characteristic: /^Not a visible minority$/ },
  { column: 'aboriginal_identity', id: 1304, characteristic: /^Aboriginal identity$/ },
  { column: 'first_nations', id: 1306, characteristic: /^First Nations \(North American Indian\)$/ },
  { column: 'metis', id: 1307, characteristic: /^M\W?[ée]?tis$/ },
  { column: 'inuit', id: 1189, characteristic: /^Inuk \(Inuit\)$/ },
];

const NEIGHBOURHOOD_NUMBER_ROW = 1;
// The first neighbourhood column: _id, Category, Topic, Data Source, Characteristic, City of Toronto.
const FIRST_NEIGHBOURHOOD_COLUMN = 6;

function count(value: string, where: string): number {
  const n = Number(value.replace(/,/g, '').trim());
  if (!Number.isInteger(n) || n < 0) throw new Error(`${where}: not a count: ${JSON.stringify(value)}`);
  return n;
}

export function buildNeighbourhoodIdentity(profilesCsv: string, expectedNeighbourhoods = 140): string {
  const [header, ...rows] = parseCsv(profilesCsv);
  if (!header || header[0] !== '_id' || header[4] !== 'Characteristic')
    throw new Error('Not the Neighbourhood Profiles 2016 CSV');
  const byId = new Map(rows.map((r) => [Number(r[0]), r]));
  const row = (id: number) => {
    const r = byId.get(id);
    if (!r) throw new Error(`Row _id ${id} is missing`);
    return r;
  };
  const numbers = row(NEIGHBOURHOOD_NUMBER_ROW);
  if (numbers[4]?.trim() !== 'Neighbourhood Number') throw new Error('Row _id 1 is not "Neighbourhood Number"');
  for (const { id, characteristic } of IDENTITY_ROWS) {
    const name = (row(id)[4] ?? '').trim();
    if (!characteristic.test(name))
      throw new Error(`Row _id ${id} is ${JSON.stringify(name)}, expected ${characteristic}`);
  }

  const out: (string | number)[][] = [];
  for (let col = FIRST_NEIGHBOURHOOD_COLUMN; col < header.length; col++) {
    const name = (header[col] ?? '').trim();
    const id = count(numbers[col] ?? '', `${name}: neighbourhood number`);
    out.push([id, name, ...IDENTITY_ROWS.map((r) => count(row(r.id)[col] ?? '', `${name}, row ${r.id}`))]);
  }
  if (out.length !== expectedNeighbourhoods)
    throw new Error(`Expected ${expectedNeighbourhoods} neighbourhoods, found ${out.length}`);
  out.sort((a, b) => Number(a[0]) - Number(b[0]));
  return formatCsv([['id', 'name', ...IDENTITY_ROWS.map((r) => r.column)], ...out]);
}

function main(): void {
  const source = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!source) {
    console.error(
      'Usage: npx tsx scripts/build-neighbourhood-identity-vendor.ts <neighbourhood-profiles-2016-csv.csv> [--check]',
    );
    process.exit(2);
  }
  const csv = buildNeighbourhoodIdentity(fs.readFileSync(source, 'utf8'));
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(IDENTITY_VENDOR_CSV) ? fs.readFileSync(IDENTITY_VENDOR_CSV, 'utf8') : '';
    if (current !== csv) {
      console.error(`${IDENTITY_VENDOR_CSV} is out of date with ${source}.`);
      process.exit(1);
    }
    console.log(`${IDENTITY_VENDOR_CSV} is up to date.`);
    return;
  }
  fs.writeFileSync(IDENTITY_VENDOR_CSV, csv);
  console.log(`Wrote ${IDENTITY_VENDOR_CSV}: one row per neighbourhood, ${IDENTITY_ROWS.length} counts each.`);
}

// Run as a script, not when a test imports buildNeighbourhoodIdentity.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
