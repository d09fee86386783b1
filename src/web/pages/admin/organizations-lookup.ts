import { listOrganizations, type Organization } from '../../api.ts';

// Every organization, a page of 100 at a time (a city has a few hundred), for names and choosers.
export async function loadAllOrganizations(signal: AbortSignal): Promise<Organization[]> {
  const all: Organization[] = [];
  for (let page = 1; page <= 50; page += 1) {
    const batch = await listOrganizations({ page, perPage: 100 }, signal);
    all.push(...batch.items);
    if (all.length >= batch.total || batch.items.length === 0) break;
  }
  return all;
}
