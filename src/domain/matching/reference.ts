import fs from 'node:fs';
import { parseCsvRecords } from '../../lib/csv.ts';

// What matching reads of the vendored reference data, in memory, once (no database): the NOC ↔ O*NET
// crosswalk (vendor/noc-onet-crosswalk) for related occupations and the centroids of Toronto's forward
// sortation areas (vendor/toronto-fsa) for commute distances. Migrations 0029 and 0002 load the same files.

const CROSSWALK_CSV = new URL('../../../vendor/noc-onet-crosswalk/noc-onet.csv', import.meta.url);
const FSA_CSV = new URL('../../../vendor/toronto-fsa/fsa.csv', import.meta.url);

// For each NOC unit group, the others sharing an O*NET occupation, with the titles they share.
let related: Map<string, Map<string, string[]>> | undefined;
let centroids: Map<string, { latitude: number; longitude: number }> | undefined;

export function relatedNoc(nocCode: string): Map<string, string[]> {
  if (!related) {
    const byOnet = new Map<string, { title: string; nocs: Set<string> }>();
    for (const r of parseCsvRecords(fs.readFileSync(CROSSWALK_CSV, 'utf8'))) {
      const onet = r['onet'] ?? '';
      const entry = byOnet.get(onet) ?? { title: r['onet_title'] ?? onet, nocs: new Set<string>() };
      entry.nocs.add(r['noc'] ?? '');
      byOnet.set(onet, entry);
    }
    related = new Map();
    for (const { title, nocs } of byOnet.values()) {
      for (const a of nocs) {
        for (const b of nocs) {
          if (a === b) continue;
          const mine = related.get(a) ?? new Map<string, string[]>();
          mine.set(b, [...(mine.get(b) ?? []), title]);
          related.set(a, mine);
        }
      }
    }
  }
  return related.get(nocCode) ?? new Map();
}

// The centroid of a Toronto postal code's forward sortation area, or undefined outside Toronto.
export function placeOf(postalCode: string | null | undefined): { latitude: number; longitude: number } | undefined {
  if (!postalCode) return undefined;
  if (!centroids) {
    centroids = new Map();
    for (const r of parseCsvRecords(fs.readFileSync(FSA_CSV, 'utf8'))) {
      centroids.set(r['code'] ?? '', { latitude: Number(r['latitude']), longitude: Number(r['longitude']) });
    }
  }
  return centroids.get(postalCode.trim().slice(0, 3).toUpperCase());
}

// Great-circle distance in kilometres.
const RADIANS = Math.PI / 180;
function rad(degrees: number): number {
  return degrees * RADIANS;
}

export function kmBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const SKILLS_CSV = new URL('../../../vendor/esco-1.0/transversal-skills.csv', import.meta.url);
let skillLabels: Map<string, string> | undefined;

// The English label of an ESCO transversal skill, or the URI itself for one Continuum does not hold.
export function skillLabel(uri: string): string {
  if (!skillLabels) {
    skillLabels = new Map();
    for (const r of parseCsvRecords(fs.readFileSync(SKILLS_CSV, 'utf8')))
      skillLabels.set(r['uri'] ?? '', r['label'] ?? '');
  }
  return skillLabels.get(uri) ?? uri;
}
