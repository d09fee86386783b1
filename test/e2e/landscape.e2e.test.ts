import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { systemActor } from '../../src/access/actor.ts';
import { withTransaction } from '../../src/db/database.ts';
import { newServiceSchema } from '../../src/domain/directory/service.ts';
import { createService } from '../../src/domain/directory/service.service.ts';
import { momentNow } from '../clock.ts';
import {
  axeViolations,
  focusedElement,
  launchBrowser,
  openPage,
  signInContext,
  skipBrowserSuite,
  startTestServer,
  tabUntil,
  type TestServer,
  waitForReadySelectors,
} from './harness.ts';
import { seedPerson, type Person } from './client-fixtures.ts';

const SUITE = 'web: the landscape of workforce programs';

// The system manager's analyst reads where pre-employment programs are and where none is within
// reach: the summary, the map-like chart, the neighbourhood table with its gaps, the cross-tab and the
// CSV; filters chosen by keyboard; in French at phone width, axe-clean.
describe.skipIf(skipBrowserSuite(SUITE))(SUITE, () => {
  let server: TestServer;
  let browser: Browser;
  let analyst: Person;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const sitesOf = async (organizationId: string) =>
      (await server.db.selectFrom('sites').select('id').where('organizationId', '=', organizationId).execute()).map(
        (s) => s.id,
      );
    const list = (organizationId: string, siteIds: string[], name: string, interventionTypes: string[]) =>
      withTransaction(server.db, (trx) =>
        createService(
          trx,
          systemActor('test'),
          newServiceSchema.parse({
            organizationId,
            name,
            description: `${name}: a program for job seekers in Toronto.`,
            interventionTypes,
            targetPopulations: ['newcomers'],
            targetNocCodes: ['75101'],
            siteIds,
          }),
          momentNow(),
        ),
      );
    const { bilingual, training } = server.organizations;
    await list(bilingual.id, await sitesOf(bilingual.id), 'Newcomer job readiness', ['pre_employment']);
    await list(training.id, await sitesOf(training.id), 'Scarborough warehouse bridge', ['pre_employment', 'training']);
    analyst = await seedPerson(server, 'manager', ['system_analyst'], 'queen street streetcar at noon');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const noViolations = async (page: Page) => expect(await axeViolations(page)).toEqual([]);
  const ready = waitForReadySelectors;

  it('shows coverage, gaps and unmet demand, filtered by keyboard, with a CSV of the table', async () => {
    const { page, context, problems } = await openPage(browser, { language: 'en' });
    await signInContext(context, server, analyst);
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Programs map' }).click();
    await page.waitForURL(/\/reports\/landscape$/);
    await ready(page);
    await page.getByRole('heading', { name: 'The landscape of workforce programs', level: 1 }).waitFor();
    await page.getByText(/2 programs running match: 2 with a site/).waitFor();
    await noViolations(page);

    // The filters are reached by keyboard; a change of kind reloads the figures and keeps the focus.
    await tabUntil(page, (f) => f.label === 'Kind of program', { what: 'the kind of program', max: 40 });
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/intervention=life_stabilization/, { waitUntil: 'commit' });
    expect((await focusedElement(page)).label).toBe('Kind of program');
    await ready(page);
    await page.getByLabel('Kind of program', { exact: true }).selectOption('pre_employment');
    await page.waitForURL(/intervention=pre_employment/, { waitUntil: 'commit' });
    await page.getByLabel('For', { exact: true }).selectOption('newcomers');
    await page.getByLabel('Within', { exact: true }).selectOption('2');
    await page.waitForURL(/withinKm=2/, { waitUntil: 'commit' });
    await ready(page);
    await page.getByRole('heading', { name: 'Programs within 2 km of each neighbourhood' }).waitFor();
    // The map is one image whose text names the gaps; the table marks them and says how far the nearest is.
    const map = page.locator('svg.coverage-map-svg');
    expect(await map.getAttribute('aria-label')).toMatch(
      /^Map of Toronto’s \d+ neighbourhoods by the programs within 2 km\. \d+ have none: /,
    );
    expect(await map.locator('circle.map-gap').count()).toBeGreaterThan(100);
    const firstRow = page.locator('section', { hasText: 'By neighbourhood' }).locator('tbody tr').first();
    await firstRow.getByText('Gap').waitFor();
    await expect(firstRow.locator('td').nth(5).textContent()).resolves.toMatch(/\d+(\.\d)? km/);
    const csv = await page.getByRole('link', { name: 'Download the neighbourhood table (CSV)' }).getAttribute('href');
    expect(csv).toBe('/api/reports/landscape.csv?intervention=pre_employment&population=newcomers&withinKm=2');
    const download = await context.request.get(`${server.url}${csv}`);
    expect(download.status()).toBe(200);
    expect((await download.text()).split('\n')[0]).toContain('programs_within_2_km');
    await noViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads in French at phone width without sideways scrolling of the page', async () => {
    const { page, context, problems } = await openPage(browser, { language: 'fr', width: 320, height: 720 });
    await signInContext(context, server, analyst);
    await page.goto(`${server.url}/reports/landscape?intervention=pre_employment`);
    await ready(page);
    await page.getByRole('heading', { name: 'Le paysage des programmes d’emploi', level: 1 }).waitFor();
    await page.getByText(/programmes en cours correspondent/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await noViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
