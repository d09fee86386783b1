import { describe, expect, it } from 'vitest';
import { newServiceSchema } from '../domain/directory/service.ts';
import { generateCity } from './generate-city.ts';

// The synthetic directory: deterministic, valid as listings, and shaped like Toronto's landscape.
describe('the synthetic directory', () => {
  const city = generateCity({ seed: 11, clients: 20_000 });

  it('is the same for the same seed, and grows with servicesPerProvider', () => {
    expect(generateCity({ seed: 11, clients: 20_000 }).services).toEqual(city.services);
    const bigger = generateCity({ seed: 11, clients: 20_000, servicesPerProvider: 5 }).services.length;
    expect(bigger).toBeGreaterThan(city.services.length * 4);
  });

  it('gives every provider listings at its own sites, each a valid listing', () => {
    const providers = new Set(
      city.organizations.filter((o) => o.type !== 'employer' && o.type !== 'system_manager').map((o) => o.id),
    );
    const listed = new Set(city.services.map((s) => s.organizationId));
    expect([...providers].every((id) => listed.has(id))).toBe(true);
    const siteOwner = new Map(city.sites.map((s) => [s.id, s.organizationId]));
    for (const s of city.services) {
      expect(
        s.siteIds.every((id) => siteOwner.get(id) === s.organizationId),
        s.name,
      ).toBe(true);
      const parsed = newServiceSchema.safeParse({
        name: s.name,
        nameFr: s.nameFr,
        description: s.description,
        descriptionFr: s.descriptionFr,
        interventionTypes: s.interventionTypes,
        targetNocCodes: s.targetNocCodes,
        targetNaicsCodes: s.targetNaicsCodes,
        targetPopulations: s.targetPopulations,
        languages: s.languages,
        deliveryMode: s.deliveryMode,
        minimumAge: s.minimumAge ?? undefined,
        maximumAge: s.maximumAge ?? undefined,
        seats: s.seats ?? undefined,
        seatsOpen: s.seatsOpen ?? undefined,
      });
      expect(parsed.error?.issues ?? [], s.name).toEqual([]);
    }
  });

  it('has every kind of program, most of them in person, and about a fifth to confirm', () => {
    const kinds = new Set(city.services.flatMap((s) => s.interventionTypes));
    expect(kinds.size).toBe(7);
    const inPerson = city.services.filter((s) => s.deliveryMode === 'in_person').length / city.services.length;
    expect(inPerson).toBeGreaterThan(0.5);
    const stale = city.services.filter((s) => s.verifiedDaysAgo > 180).length / city.services.length;
    expect(stale).toBeGreaterThan(0.1);
    expect(stale).toBeLessThan(0.3);
    expect(city.services.some((s) => s.languages.includes('fr'))).toBe(true);
  });
});
