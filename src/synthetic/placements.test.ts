import { describe, expect, it } from 'vitest';
import { checkPlacementMove } from '../domain/placements/placement-vocabulary.ts';
import { REFERENCE_DATE } from './distributions.ts';
import { generateCity } from './generate-city.ts';
import { generateEmployerSide } from './employers.ts';
import { drawClientJobSide, jobSideIndex, PROPOSED, type ClientJobSide } from './placements.ts';

// The client side of the employer pipelines (issue 14, point 9): the steps follow the pipeline's own
// rule, the dates stay within the city's day, and the rates are those placements.ts draws.
const city = generateCity({ seed: 11, clients: 20_000 });
const employerSide = generateEmployerSide(city);
const draw = () => {
  const index = jobSideIndex(employerSide, city);
  return [...city.clients()].map((client) => ({ client, side: drawClientJobSide(index, client) }));
};
const drawn = draw();
const placements = drawn.flatMap((d) => d.side.placements.map((p) => ({ ...p, client: d.client })));
const registrations = drawn.flatMap((d) => d.side.registrations);
const jobs = new Map(employerSide.jobOrders.map((j) => [j.id, j]));
const events = new Map(employerSide.events.map((e) => [e.id, e]));

describe('synthetic placements and event registrations', () => {
  it('is the same on every pass over the same city', () => {
    const again = draw();
    const ids = (rows: { side: ClientJobSide }[]) =>
      rows.flatMap((r) => [...r.side.placements.map((p) => p.id), ...r.side.registrations.map((x) => x.id)]);
    expect(ids(again)).toEqual(ids(drawn));
  });

  it('takes each placement step by step as the pipeline allows, none after the city’s day', () => {
    expect(placements.length).toBeGreaterThan(500);
    for (const p of placements) {
      expect(p.steps[0]!.status).toBe('proposed');
      for (let i = 1; i < p.steps.length; i += 1) {
        const from = p.steps[i - 1]!;
        const to = p.steps[i]!;
        // The rule the service holds each step to, for the side that took it.
        expect(checkPlacementMove(from.status, to.status, to.side), `${from.status} → ${to.status}`).toBeUndefined();
        expect(to.on >= from.on).toBe(true);
      }
      expect(p.steps.every((s) => s.on <= REFERENCE_DATE)).toBe(true);
      const last = p.steps[p.steps.length - 1]!;
      expect(last.reason !== null).toBe(last.status === 'not_hired' || last.status === 'withdrawn');
      // Shared only under a consent from that day; a hire, and only a hire, opens the job.
      expect(p.consent !== null).toBe(p.steps.some((s) => s.status === 'shared'));
      if (p.consent) expect(p.consent.startsOn).toBe(p.steps.find((s) => s.status === 'shared')!.on);
      expect(p.employment !== null).toBe(last.status === 'hired');
      const job = jobs.get(p.jobOrderId)!;
      expect(p.employerId).toBe(job.employerId);
      expect(p.steps[0]!.on >= job.createdOn).toBe(true);
      expect(p.steps[0]!.on >= p.client.intakeDate).toBe(true);
      if (p.hiringEventId)
        expect(events.get(p.hiringEventId)!.jobOrderIds.map((j) => j.jobOrderId)).toContain(p.jobOrderId);
      // Proposed from a match: an occupation near one of the client's goals (the same minor group).
      else expect(p.client.goals.targetNocCodes.map((c) => c.slice(0, 4))).toContain(job.nocCode.slice(0, 4));
    }
  });

  it('proposes about the share of clients drawn and hires a realistic few of them', () => {
    const withGoal = drawn.filter((d) => d.client.status === 'active' && d.client.goals.targetNocCodes.length > 0);
    const proposed = withGoal.filter((d) => d.side.placements.some((p) => p.hiringEventId === null)).length;
    // Below the rate drawn: some clients have no job order near their goals while they are served.
    expect(proposed / withGoal.length).toBeGreaterThan(PROPOSED * 0.5);
    expect(proposed / withGoal.length).toBeLessThan(PROPOSED * 1.05);
    const status = (s: string) => placements.filter((p) => p.steps[p.steps.length - 1]!.status === s).length;
    for (const s of ['proposed', 'shared', 'interview', 'offer', 'hired', 'not_hired', 'withdrawn'])
      expect(status(s), s).toBeGreaterThan(0);
    const hired = status('hired') / placements.length;
    expect(hired).toBeGreaterThan(0.1);
    expect(hired).toBeLessThan(0.35);
  });

  it('registers clients at employer events within their capacity, and records who came only once held', () => {
    expect(registrations.length).toBeGreaterThan(50);
    const perEvent = new Map<string, number>();
    for (const r of registrations) {
      const event = events.get(r.eventId)!;
      perEvent.set(r.eventId, (perEvent.get(r.eventId) ?? 0) + 1);
      expect(event.status).not.toBe('cancelled');
      if (event.status !== 'held') expect(r.attended).toBeNull();
      expect(r.registeredOn <= event.startsAt.slice(0, 10) || r.registeredOn === REFERENCE_DATE).toBe(true);
    }
    for (const [id, n] of perEvent) expect(n).toBeLessThanOrEqual(events.get(id)!.capacity ?? Infinity);
    const recorded = registrations.filter((r) => r.attended !== null);
    const came = recorded.filter((r) => r.attended).length / recorded.length;
    expect(came).toBeGreaterThan(0.55);
    expect(came).toBeLessThan(0.75);
    // Judged by hires: some who came were proposed there, and some of those hired.
    expect(placements.filter((p) => p.hiringEventId !== null).length).toBeGreaterThan(0);
  });
});
