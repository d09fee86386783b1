import { describe, expect, it } from 'vitest';
import { isNaicsCode } from '../domain/industries/naics.ts';
import { addDays } from '../lib/dates.ts';
import { REFERENCE_DATE } from './distributions.ts';
import { generateCity } from './generate-city.ts';
import { generateEmployerSide } from './employers.ts';

// The employer side of a synthetic city (issue 14, point 9), checked against the database's rules
// (migrations 0030 and 0032) and the rates employers.ts draws.
const city = generateCity({ seed: 7, clients: 40_000 });
const side = generateEmployerSide(city);
const employers = city.organizations.filter((o) => o.type === 'employer');
const agencies = new Set(
  city.organizations
    .filter((o) => o.type === 'employment_service_provider' || o.type === 'community_agency')
    .map((o) => o.id),
);
const POSTAL = /^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$/;

describe('synthetic employers', () => {
  it('gives every employer one profile with a real NAICS industry, most a lead agency, and a primary contact', () => {
    expect(employers.length).toBeGreaterThan(50);
    expect(side.profiles.map((p) => p.organizationId).sort()).toEqual(employers.map((e) => e.id).sort());
    for (const p of side.profiles) {
      expect(isNaicsCode(p.naicsCode), p.naicsCode).toBe(true);
      if (p.leadOrganizationId) expect(agencies.has(p.leadOrganizationId)).toBe(true);
    }
    const led = side.profiles.filter((p) => p.leadOrganizationId).length / side.profiles.length;
    expect(led).toBeGreaterThan(0.45);
    expect(led).toBeLessThan(0.75);
    for (const e of employers)
      expect(side.contacts.filter((c) => c.employerId === e.id && c.isPrimary)).toHaveLength(1);
    for (const c of side.contacts) expect(c.email).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/);
  });

  it('logs engagements by agencies over the past year, each with its words', () => {
    expect(side.engagements.length).toBeGreaterThan(employers.length);
    for (const e of side.engagements) {
      expect(agencies.has(e.organizationId)).toBe(true);
      expect(e.occurredOn <= REFERENCE_DATE && e.occurredOn > addDays(REFERENCE_DATE, -366)).toBe(true);
      expect(e.kind === 'hr_support').toBe(e.hrSupport !== null);
      expect(e.summary.trim().length).toBeGreaterThan(0);
    }
  });

  it('posts job orders the database takes: hours, wage at least the minimum, a place unless remote, a score', () => {
    expect(side.jobOrders.length).toBeGreaterThan(employers.length);
    for (const j of side.jobOrders) {
      expect(j.hoursPerWeek).toBeGreaterThan(0);
      expect(j.hoursPerWeek).toBeLessThanOrEqual(80);
      expect(j.hourlyWageCents).toBeGreaterThanOrEqual(1760);
      expect(j.nocCode).toMatch(/^[0-9]{5}$/);
      expect(j.description.trim().length).toBeGreaterThanOrEqual(20);
      if (j.workplace !== 'remote') expect(j.postalCode).toMatch(POSTAL);
      expect(j.decentWorkScore).toBeGreaterThanOrEqual(0);
      expect(j.decentWorkScore).toBeLessThanOrEqual(100);
      if (j.closingOn !== null && j.closingOn < REFERENCE_DATE) expect(['filled', 'closed']).toContain(j.status);
      expect(j.postedByOrganizationId === j.employerId || agencies.has(j.postedByOrganizationId)).toBe(true);
    }
    const open = side.jobOrders.filter((j) => j.status === 'open').length / side.jobOrders.length;
    expect(open).toBeGreaterThan(0.3);
  });

  it('holds events with the employers taking part and only their job orders open on the day', () => {
    expect(side.events.length).toBeGreaterThanOrEqual(2);
    const jobs = new Map(side.jobOrders.map((j) => [j.id, j]));
    for (const e of side.events) {
      const day = e.startsAt.slice(0, 10);
      expect(day >= addDays(REFERENCE_DATE, -180) && day <= addDays(REFERENCE_DATE, 60)).toBe(true);
      expect(e.status === 'planned').toBe(day >= REFERENCE_DATE);
      expect(Date.parse(e.endsAt)).toBeGreaterThan(Date.parse(e.startsAt));
      expect(e.createdOn <= REFERENCE_DATE && e.createdOn <= day).toBe(true);
      expect(e.online || (e.address !== null && POSTAL.test(e.postalCode ?? ''))).toBe(true);
      expect(agencies.has(e.organizationId)).toBe(true);
      expect(new Set(e.employerIds).size).toBe(e.employerIds.length);
      for (const { employerId, jobOrderId } of e.jobOrderIds) {
        expect(e.employerIds).toContain(employerId);
        const job = jobs.get(jobOrderId)!;
        expect(job.employerId).toBe(employerId);
        expect(job.createdOn <= day).toBe(true);
      }
    }
    expect(side.events.some((e) => e.jobOrderIds.length > 0)).toBe(true);
  });

  it('is the same for the same seed', () => {
    expect(JSON.stringify(generateEmployerSide(city))).toBe(JSON.stringify(side));
  });
});
