import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { systemActor } from '../../src/access/actor.ts';
import { withTransaction } from '../../src/db/database.ts';
import { promptListingConfirmations } from '../../src/domain/directory/listing-prompts.ts';
import { newServiceSchema } from '../../src/domain/directory/service.ts';
import { createService } from '../../src/domain/directory/service.service.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { DEFAULT_TIME_ZONE } from '../../src/server/config.ts';
import { momentNow } from '../clock.ts';
import {
  axeViolations,
  launchBrowser,
  openPage,
  signInContext,
  skipBrowserSuite,
  startTestServer,
  type TestServer,
  waitForReadySelectors,
} from './harness.ts';
import { seedPerson, type Person } from './client-fixtures.ts';

const SUITE = 'web: a prompt to confirm a listing';

// A listing about to go stale: the agency's manager finds the prompt in French among their
// notifications and tasks, follows it to the program's page and confirms it; the task closes by itself.
describe.skipIf(skipBrowserSuite(SUITE))(SUITE, () => {
  let server: TestServer;
  let browser: Browser;
  let manager: Person;
  let serviceId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const community = server.organizations.community;
    manager = await seedPerson(server, 'community', ['agency_manager'], 'a quiet morning on the don valley trail');
    serviceId = (
      await withTransaction(server.db, (trx) =>
        createService(
          trx,
          systemActor('test'),
          newServiceSchema.parse({
            organizationId: community.id,
            name: 'Evening résumé clinic',
            nameFr: 'Atelier de CV du soir',
            description: 'Bring your résumé; a counsellor reviews it with you, one evening a week.',
            interventionTypes: ['employment_services'],
          }),
          momentNow(),
        ),
      )
    ).id;
    await server.db
      .updateTable('services')
      .set({ detailsVerifiedAt: new Date(Date.now() - 172 * 86_400_000) })
      .where('id', '=', serviceId)
      .execute();
    await promptListingConfirmations(server.db, systemClock(DEFAULT_TIME_ZONE));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const ready = waitForReadySelectors;

  it('reaches the manager as a notification and a task, and closes when the listing is confirmed', async () => {
    const { page, context, problems } = await openPage(browser, { language: 'fr', width: 360, height: 800 });
    await signInContext(context, server, manager);
    await page.goto(`${server.url}/tasks`);
    await ready(page);
    const row = page.locator('tr', { hasText: 'Confirmer que la fiche du programme est toujours juste' });
    await row.getByText('Se ferme quand chaque partie de la fiche est confirmée.').waitFor();
    await row.getByRole('link', { name: 'Evening résumé clinic' }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/notifications`);
    await ready(page);
    await page
      .getByRole('link', {
        name: 'La fiche de Evening résumé clinic doit être confirmée\u00a0: vérifiez qu’elle est toujours juste.',
      })
      .click();
    await page.waitForURL(new RegExp(`/services/${serviceId}$`));
    await ready(page);
    await page.getByRole('button', { name: 'Confirmer cette fiche telle quelle' }).click();
    await page.getByText('La fiche est confirmée telle quelle.').first().waitFor();

    await page.goto(`${server.url}/tasks`);
    await ready(page);
    expect(await page.locator('tr', { hasText: 'Evening résumé clinic' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(problems).toEqual([]);
    await context.close();
  });
});
