// Writes the vendored occupation links from their published sources:
//   vendor/noc-onet-crosswalk/noc-onet.csv   NOC 2021 unit group -> O*NET-SOC 2019 (O*NET 26) occupation
//   vendor/esco-1.0/occupations.csv          ESCO v1.0 occupations (URI, ISCO-08 group, labels, description)
//   vendor/esco-1.0/transversal-skills.csv   ESCO v1.0 transversal skills and knowledge
// Run: npx tsx scripts/build-occupation-links-vendor.ts <crosswalk noc2021_onet26.csv> <esco folder> [--check]
// --check exits non-zero if the committed files differ from what the sources would produce.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatCsv, parseCsvRecords } from '../src/lib/csv.ts';

const VENDOR = fileURLToPath(new URL('../vendor/', import.meta.url));
export const CROSSWALK_CSV = path.join(VENDOR, 'noc-onet-crosswalk', 'noc-onet.csv');
export const ESCO_OCCUPATIONS_CSV = path.join(VENDOR, 'esco-1.0', 'occupations.csv');
export const ESCO_SKILLS_CSV = path.join(VENDOR, 'esco-1.0', 'transversal-skills.csv');

// The published sizes: the crosswalk's README and the ESCO v1.0 export.
export const PUBLISHED = { crosswalkRows: 1467, crosswalkNocCodes: 515, escoOccupations: 2942, escoTransversal: 107 };

const clean = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
// ESCO writes a concept's other labels one a line (occupations) or separated by " | " (skills).
const labels = (text: string | undefined) =>
  [
    ...new Set(
      (text ?? '')
        .split(/\n|\s\|\s/)
        .map(clean)
        .filter(Boolean),
    ),
  ].join(' | ');

export function buildCrosswalk(source: string, nocCodes: ReadonlySet<string>): string {
  const rows: [string, string, string][] = [];
  const seen = new Set<string>();
  for (const row of parseCsvRecords(source)) {
    // The source stores NOC codes as integers (leading zeros dropped): "10" is unit group 00010.
    const noc = clean(row['noc']).padStart(5, '0');
    const onet = clean(row['onet']);
    const title = clean(row['onet_title']);
    if (!nocCodes.has(noc)) throw new Error(`Crosswalk row for ${noc}: not a NOC 2021 unit group`);
    if (!/^\d{2}-\d{4}\.\d{2}$/.test(onet)) throw new Error(`Crosswalk row for ${noc}: bad O*NET code ${onet}`);
    if (!title) throw new Error(`Crosswalk row ${noc} -> ${onet}: no O*NET title`);
    // A pair may appear twice with two O*NET titles (O*NET 26 split or renamed the occupation behind
    // one code); every row is kept as published.
    const key = `${noc} ${onet} ${title}`;
    if (seen.has(key)) throw new Error(`Crosswalk row ${key} appears twice`);
    seen.add(key);
    rows.push([noc, onet, title]);
  }
  const nocs = new Set(rows.map((r) => r[0]));
  if (rows.length !== PUBLISHED.crosswalkRows || nocs.size !== PUBLISHED.crosswalkNocCodes)
    throw new Error(
      `Expected ${PUBLISHED.crosswalkRows} pairs over ${PUBLISHED.crosswalkNocCodes} NOC codes, found ${rows.length} over ${nocs.size}`,
    );
  rows.sort((a, b) => a.join('\t').localeCompare(b.join('\t'), 'en'));
  return formatCsv([['noc', 'onet', 'onet_title'], ...rows]);
}

export function buildEscoOccupations(source: string): string {
  const rows: string[][] = [];
  for (const row of parseCsvRecords(source)) {
    const uri = clean(row['conceptUri']);
    const isco = clean(row['iscoGroup']);
    if (!uri.startsWith('http://data.europa.eu/esco/occupation/')) throw new Error(`Not an ESCO occupation: ${uri}`);
    if (!/^\d{4}$/.test(isco)) throw new Error(`${uri}: ISCO-08 group ${isco} is not four digits`);
    rows.push([uri, isco, clean(row['preferredLabel']), labels(row['altLabels']), clean(row['description'])]);
  }
  if (rows.length !== PUBLISHED.escoOccupations)
    throw new Error(`Expected ${PUBLISHED.escoOccupations} ESCO occupations, found ${rows.length}`);
  rows.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return formatCsv([['uri', 'isco_group', 'label', 'alt_labels', 'description'], ...rows]);
}

export function buildEscoSkills(source: string): string {
  const rows: string[][] = [];
  for (const row of parseCsvRecords(source)) {
    const uri = clean(row['conceptUri']);
    const type = clean(row['skillType']);
    const reuse = clean(row['reuseLevel']);
    if (!uri.startsWith('http://data.europa.eu/esco/skill/')) throw new Error(`Not an ESCO skill: ${uri}`);
    if (type !== 'skill/competence' && type !== 'knowledge') throw new Error(`${uri}: skill type ${type}`);
    if (reuse !== 'transversal' && reuse !== 'sector-specific') throw new Error(`${uri}: reuse level ${reuse}`);
    rows.push([uri, type, reuse, clean(row['preferredLabel']), labels(row['altLabels']), clean(row['description'])]);
  }
  if (rows.length !== PUBLISHED.escoTransversal)
    throw new Error(`Expected ${PUBLISHED.escoTransversal} ESCO transversal concepts, found ${rows.length}`);
  rows.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return formatCsv([['uri', 'skill_type', 'reuse_level', 'label', 'alt_labels', 'description'], ...rows]);
}

function nocUnitGroups(): Set<string> {
  const csv = fs.readFileSync(path.join(VENDOR, 'noc-2021', 'unit-groups.csv'), 'utf8');
  return new Set(parseCsvRecords(csv).map((r) => r['code']!));
}

function main(): void {
  const [crosswalk, esco] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!crosswalk || !esco) {
    console.error(
      'Usage: npx tsx scripts/build-occupation-links-vendor.ts <noc2021_onet26.csv> <esco folder> [--check]',
    );
    process.exit(2);
  }
  const outputs: [string, string][] = [
    [CROSSWALK_CSV, buildCrosswalk(fs.readFileSync(crosswalk, 'utf8'), nocUnitGroups())],
    [ESCO_OCCUPATIONS_CSV, buildEscoOccupations(fs.readFileSync(path.join(esco, 'occupations_en.csv'), 'utf8'))],
    [ESCO_SKILLS_CSV, buildEscoSkills(fs.readFileSync(path.join(esco, 'transversalSkillsCollection_en.csv'), 'utf8'))],
  ];
  let stale = false;
  for (const [file, content] of outputs) {
    if (process.argv.includes('--check')) {
      if ((fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '') !== content) {
        console.error(`${file} is out of date with its source.`);
        stale = true;
      }
    } else {
      fs.writeFileSync(file, content);
      console.log(`Wrote ${file}`);
    }
  }
  if (stale) process.exit(1);
}

// Run as a script, not when a test imports the builders.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
