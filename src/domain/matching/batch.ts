import type { MatchModel } from './match-model.ts';
import { beforeInRanking, closeness, scorePair, type MatchClient, type MatchJob } from './match.ts';
import { kmBetween, placeOf } from './reference.ts';

// Batch matching (docs/matching.md, "For the whole city"): every client's top job orders at once.
//
// The brute force scores every pair. The fast path gives the same top lists with far fewer pairs: job
// orders are grouped by occupation and postal area, and each group gets an upper bound on the score any
// of its job orders could reach for this client, from the factors known for the whole group (occupation,
// commute, the group's best decent-work score, the client's stream) with every other factor taken as
// perfect. Groups are scored best bound first, and the search stops once no group left could reach the
// last place of the top list, not even tie it. The bound holds whatever factors apply: a factor that does
// not apply scales the others up, which only makes a shortfall count more.

export type Top = { jobId: string; score: number }[];

type Entry = { score: number; job: MatchJob; client: MatchClient };

// Keeps the `limit` best entries in ranking order, inserting in place (limit is small: 10 or 20).
function keep(top: Entry[], entry: Entry, limit: number): void {
  if (top.length === limit && beforeInRanking(entry, top[limit - 1]!) >= 0) return;
  let i = top.length;
  while (i > 0 && beforeInRanking(entry, top[i - 1]!) < 0) i -= 1;
  top.splice(i, 0, entry);
  if (top.length > limit) top.pop();
}

const asTop = (top: Entry[]): Top => top.map((e) => ({ jobId: e.job.id, score: e.score }));

const hasOccupation = (client: MatchClient) => client.targetNocCodes.length > 0 || client.workHistory.length > 0;

export function batchMatchBrute(
  model: MatchModel,
  clients: readonly MatchClient[],
  jobs: readonly MatchJob[],
  limit: number,
): Map<string, Top> {
  const out = new Map<string, Top>();
  for (const client of clients) {
    const top: Entry[] = [];
    // No job goal and no past work: nothing to match yet (as the API answers, `needs: job_goal`).
    if (!hasOccupation(client)) {
      out.set(client.id, []);
      continue;
    }
    for (const job of jobs) {
      const pair = scorePair(model, client, job);
      if (pair.kind === 'scored') keep(top, { score: pair.score, job, client }, limit);
    }
    out.set(client.id, asTop(top));
  }
  return out;
}

type Group = {
  nocCode: string;
  // Index into the index's places: a postal area's centroid, null for remote work, undefined if unknown.
  place: number;
  bestDecentWork: number;
  minHours: number;
  maxHours: number;
  // Accommodation kinds offered by any job order of the group, as bits.
  accommodations: number;
  jobs: MatchJob[];
};

export type JobIndex = {
  groupsByNoc: Map<string, Group[]>;
  nocCodes: string[];
  places: ({ latitude: number; longitude: number } | null | undefined)[];
};

const accommodationBit = new Map<string, number>();
function bitsOf(kinds: readonly string[]): number {
  let bits = 0;
  for (const kind of kinds) {
    let bit = accommodationBit.get(kind);
    if (bit === undefined) {
      bit = 1 << accommodationBit.size;
      accommodationBit.set(kind, bit);
    }
    bits |= bit;
  }
  return bits;
}
function countBits(n: number): number {
  let c = 0;
  for (let v = n; v; v &= v - 1) c += 1;
  return c;
}

export function indexJobs(jobs: readonly MatchJob[]): JobIndex {
  const groups = new Map<string, Group>();
  const placeIndex = new Map<string, number>();
  const places: JobIndex['places'] = [];
  for (const job of jobs) {
    const remote = job.workplace === 'remote';
    const fsa = remote ? 'remote' : (job.postalCode ?? '').slice(0, 3).toUpperCase() || 'unknown';
    let place = placeIndex.get(fsa);
    if (place === undefined) {
      place = places.length;
      places.push(remote ? null : placeOf(job.postalCode));
      placeIndex.set(fsa, place);
    }
    const key = `${job.nocCode}|${fsa}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        nocCode: job.nocCode,
        place,
        bestDecentWork: 0,
        minHours: 80,
        maxHours: 0,
        accommodations: 0,
        jobs: [],
      };
      groups.set(key, group);
    }
    group.jobs.push(job);
    group.bestDecentWork = Math.max(group.bestDecentWork, job.decentWorkScore);
    group.minHours = Math.min(group.minHours, job.hoursPerWeek);
    group.maxHours = Math.max(group.maxHours, job.hoursPerWeek);
    group.accommodations |= bitsOf(job.accommodationsOffered);
  }
  const groupsByNoc = new Map<string, Group[]>();
  for (const group of groups.values()) {
    const list = groupsByNoc.get(group.nocCode) ?? [];
    list.push(group);
    groupsByNoc.set(group.nocCode, list);
  }
  return { groupsByNoc, nocCodes: [...groupsByNoc.keys()], places };
}

function commuteValue(model: MatchModel, km: number): number {
  const { fullWithinKm, zeroAtKm } = model.commute;
  return km <= fullWithinKm ? 1 : km >= zeroAtKm ? 0 : 1 - (km - fullWithinKm) / (zeroAtKm - fullWithinKm);
}

function hoursValue(model: MatchModel, wanted: number | null, min: number, max: number): number {
  if (wanted === null) return 1;
  const gap = wanted < min ? min - wanted : wanted > max ? wanted - max : 0;
  const { fullWithin, zeroAt } = model.hours;
  return gap <= fullWithin ? 1 : gap >= zeroAt ? 0 : 1 - (gap - fullWithin) / (zeroAt - fullWithin);
}

// Rounding: a shown score is rounded to a tenth, so a job is left unscored only when its bound is below
// the last kept score by more than that.
export const BOUND_MARGIN = 0.05 + 1e-9;

// The least a shortfall is scaled up for this client: the factors that can never apply for them (no hours
// wanted, no accommodation needed, no stream) leave the others more of the 100 points. The commute may
// still apply, to remote work, when the client's own place is not known.
export function leastScale(model: MatchModel, client: MatchClient): number {
  const w = model.weights;
  const neverApplies =
    (client.hoursWanted === null ? w.hours : 0) +
    (client.accommodationsNeeded.length === 0 ? w.accommodations : 0) +
    (client.stream === null ? w.stream : 0);
  return 100 / (100 - neverApplies);
}

export function streamPenaltyOf(model: MatchModel, client: MatchClient): number {
  return client.stream === null ? 0 : model.weights.stream * (1 - model.stream[client.stream]);
}

// The best score any job of this occupation value could reach for the client, every other factor perfect.
export function occupationBound(model: MatchModel, client: MatchClient, occupation: number): number {
  return (
    100 - leastScale(model, client) * (streamPenaltyOf(model, client) + model.weights.occupation * (1 - occupation))
  );
}

export function batchMatchFast(
  model: MatchModel,
  clients: readonly MatchClient[],
  index: JobIndex,
  limit: number,
): Map<string, Top> {
  const w = model.weights;
  const out = new Map<string, Top>();
  const margin = BOUND_MARGIN;
  const commuteByPlace = new Float64Array(index.places.length);
  for (const client of clients) {
    if (!hasOccupation(client)) {
      out.set(client.id, []);
      continue;
    }
    const home = placeOf(client.postalCode);
    for (let i = 0; i < index.places.length; i += 1) {
      const place = index.places[i];
      commuteByPlace[i] = place && home ? commuteValue(model, kmBetween(home, place)) : 1;
    }
    const needed = bitsOf(client.accommodationsNeeded);
    const neededCount = countBits(needed);
    const streamPenalty = streamPenaltyOf(model, client);
    const scale = leastScale(model, client);
    // Occupations nearest first: once an occupation's own bound (every other factor perfect) cannot reach
    // the last place, neither can any farther one.
    const occupations: { nocCode: string; value: number }[] = [];
    for (const nocCode of index.nocCodes) {
      let value = 0;
      for (const goal of client.targetNocCodes) value = Math.max(value, closeness(model, nocCode, goal).value);
      for (const { nocCode: past } of client.workHistory)
        value = Math.max(value, closeness(model, nocCode, past).value * model.occupation.pastWorkFactor);
      if (value >= model.occupation.minimum) occupations.push({ nocCode, value });
    }
    occupations.sort((a, b) => b.value - a.value);
    const top: Entry[] = [];
    const full = () => top.length === limit;
    for (const { nocCode, value } of occupations) {
      const known = streamPenalty + w.occupation * (1 - value);
      if (full() && 100 - scale * known + margin < top[limit - 1]!.score) break;
      const groups = index.groupsByNoc.get(nocCode)!.map((group) => {
        const accommodations = neededCount === 0 ? 1 : countBits(needed & group.accommodations) / neededCount;
        const bound =
          100 -
          scale *
            (known +
              w.commute * (1 - commuteByPlace[group.place]!) +
              w.decentWork * (1 - group.bestDecentWork / 100) +
              w.hours * (1 - hoursValue(model, client.hoursWanted, group.minHours, group.maxHours)) +
              w.accommodations * (1 - accommodations));
        return { bound, group };
      });
      groups.sort((a, b) => b.bound - a.bound);
      for (const { bound, group } of groups) {
        if (full() && bound + margin < top[limit - 1]!.score) break;
        const groupKnown = known + w.commute * (1 - commuteByPlace[group.place]!);
        for (const job of group.jobs) {
          // The job's own bound from its cheap factors first; only a job that can still enter is scored.
          if (full()) {
            let skills = 1;
            if (job.skills.length > 0 && client.skills !== null) {
              let have = 0;
              for (const skill of job.skills) if (client.skills.includes(skill)) have += 1;
              skills = have / job.skills.length;
            }
            let offered = 0;
            for (const kind of client.accommodationsNeeded) if (job.accommodationsOffered.includes(kind)) offered += 1;
            const jobBound =
              100 -
              scale *
                (groupKnown +
                  w.decentWork * (1 - job.decentWorkScore / 100) +
                  w.hours * (1 - hoursValue(model, client.hoursWanted, job.hoursPerWeek, job.hoursPerWeek)) +
                  w.accommodations * (neededCount === 0 ? 0 : 1 - offered / neededCount) +
                  w.skills * (1 - skills));
            if (jobBound + margin < top[limit - 1]!.score) continue;
          }
          const pair = scorePair(model, client, job);
          if (pair.kind === 'scored') keep(top, { score: pair.score, job, client }, limit);
        }
      }
    }
    out.set(client.id, asTop(top));
  }
  return out;
}
