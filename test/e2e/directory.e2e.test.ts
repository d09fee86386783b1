import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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
  waitForFocusOn,
  waitForPageReady,
  type Language,
  type TestServer,
} from './harness.ts';

const SUITE = 'web: the directory of programs';

// The public search and program page (issue 13): axe-clean in both languages, a search by keyboard in
// French with the reasons read out, seats for staff only, and the phone's width.
describe.skipIf(skipBrowserSuite(SUITE))(SUITE, () => {
  let server: TestServer;
  let browser: Browser;
  let weldingId: string;
  let clinicId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const training = server.organizations.training;
    const bilingual = server.organizations.bilingual;
    const today = momentNow().today;
    const welding = await withTransaction(server.db, (trx) =>
      createService(
        trx,
        systemActor('test'),
        newServiceSchema.parse({
          organizationId: training.id,
          name: 'Welding pre-apprenticeship',
          nameFr: 'Préapprentissage en soudage',
          description: 'Sixteen weeks of welding training with a paid work placement, for people new to the trades.',
          descriptionFr:
            'Seize semaines de formation en soudage avec un stage rémunéré, pour les personnes qui débutent dans les métiers.',
          interventionTypes: ['training', 'work_integrated_learning'],
          targetNocCodes: ['72106'],
          targetNaicsCodes: ['332'],
          targetPopulations: ['youth', 'women'],
          languages: ['en', 'fr'],
          eligibilityDescription: 'Aged 18 to 29, out of work or school.',
          eligibilityDescriptionFr: 'De 18 à 29 ans, sans emploi ni études.',
          minimumAge: 18,
          maximumAge: 29,
          credentialAwarded: 'Welder level 1',
          funder: 'Employment Ontario',
          seats: 16,
          seatsOpen: 5,
          phone: '416-555-0178',
          siteIds: [training.sites[0]!.id],
          schedules: [{ weekdays: ['MO', 'TU', 'WE', 'TH'], opensAt: '09:00', closesAt: '15:30' }],
          intakeWindows: [{ opensOn: today }],
          contacts: [{ name: 'Intake desk', email: 'intake@scarborough-skills.example.ca' }],
        }),
        momentNow(),
      ),
    );
    weldingId = welding.id;
    const clinic = await withTransaction(server.db, (trx) =>
      createService(
        trx,
        systemActor('test'),
        newServiceSchema.parse({
          organizationId: bilingual.id,
          name: 'Résumé clinic online',
          nameFr: 'Clinique de CV en ligne',
          description: 'Résumé and cover letter coaching by video, for anyone looking for work.',
          descriptionFr: 'Accompagnement pour le CV et la lettre de présentation, par vidéo.',
          interventionTypes: ['pre_employment'],
          targetPopulations: ['newcomers'],
          languages: ['en', 'fr'],
          deliveryMode: 'virtual',
        }),
        momentNow(),
      ),
    );
    clinicId = clinic.id;
    // Not confirmed for nearly a year: the provider's managers are to confirm it.
    await server.db
      .updateTable('services')
      .set({ detailsVerifiedAt: new Date(Date.now() - 300 * 86_400_000) })
      .where('id', '=', clinicId)
      .execute();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages = (): { name: string; path: string; heading: Record<Language, string> }[] => [
    {
      name: 'program search',
      path: '/services',
      heading: { en: 'Programs and services', fr: 'Programmes et services' },
    },
    {
      name: 'program search with results and reasons',
      path: '/services?q=welding&near=M1P&intake=open_now',
      heading: { en: 'Programs and services', fr: 'Programmes et services' },
    },
    {
      name: 'program page',
      path: `/services/${weldingId}`,
      heading: { en: 'Welding pre-apprenticeship', fr: 'Préapprentissage en soudage' },
    },
  ];

  for (const language of ['en', 'fr'] as const) {
    it(`has no axe violations, one h1 and lang="${language}" on every page`, async () => {
      const { page, context, problems } = await openPage(browser, { language });
      try {
        for (const pageCase of pages()) {
          await page.goto(server.url + pageCase.path);
          await waitForPageReady(page);
          // The reasons are inside a closed <details>: open them, so axe checks them too.
          for (const summary of await page.locator('details.why summary').all()) await summary.click();
          expect(await page.locator('h1').allTextContents(), pageCase.name).toEqual([pageCase.heading[language]]);
          expect(await page.getAttribute('html', 'lang')).toBe(language);
          expect(await axeViolations(page), pageCase.name).toEqual([]);
        }
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('a job seeker searches by keyboard in French, reads why a program matched, and opens it', async () => {
    const { page, context, problems } = await openPage(browser, { language: 'fr' });
    try {
      await page.goto(`${server.url}/services`);
      await waitForPageReady(page);
      await tabUntil(page, (f) => f.label === 'Que cherchez-vous\u202f?', { what: 'the words field' });
      await page.keyboard.type('métiers soudage');
      await tabUntil(page, (f) => f.label === 'Près du code postal', { what: 'the postal code field' });
      await page.keyboard.type('m1p 4p5');
      await page.keyboard.press('Enter');
      await page.waitForURL(/near=M1P/);
      await waitForPageReady(page);
      // The new search may start loading only after the address changed (under CI load the page was
      // read once between the two, with no count yet): wait for the count itself.
      await page.locator('p.result-count', { hasText: '1 programme trouvé' }).waitFor();
      expect(await page.locator('p.result-count').textContent()).toBe('1 programme trouvé');
      const result = page.locator('.results li').first();
      expect(await result.locator('h3').textContent()).toBe('Préapprentissage en soudage');
      expect(await result.textContent()).toContain('Inscriptions ouvertes');
      // The public sees no seats.
      expect(await result.textContent()).not.toMatch(/places/);
      await tabUntil(page, (f) => f.text === 'Pourquoi ce résultat', { what: 'the reasons' });
      await page.keyboard.press('Enter');
      const reasons = await result.locator('details.why li').allTextContents();
      expect(reasons[0]).toMatch(/^Vos mots figurent dans\u00a0: nom/);
      expect(reasons).toContain('À 0 km de vous, à Town Centre campus.');

      await tabUntil(page, (f) => f.text === 'Préapprentissage en soudage', {
        backwards: true,
        what: 'the result link',
      });
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/services/${weldingId}$`));
      await waitForFocusOn(page, 'h1');
      expect((await focusedElement(page)).text).toBe('Préapprentissage en soudage');
      await waitForPageReady(page);
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain('Offert par Scarborough Skills Training Institute');
      expect(main).toContain('De 18 à 29 ans.');
      expect(main).toContain('lundi, mardi, mercredi, jeudi\u00a0: de 09:00 à 15:30');
      expect(main).not.toContain('Places');
      // Back to the search it came from, through the breadcrumb.
      await page.locator('nav.breadcrumbs a', { hasText: 'Programmes' }).click();
      await page.waitForURL(/\/services\?q=/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the seats to a signed-in counsellor, on the search and on the page', async () => {
    const { page, context, problems } = await openPage(browser, { language: 'en' });
    try {
      await signInContext(context, server, server.user);
      await page.goto(`${server.url}/services?q=welding`);
      await waitForPageReady(page);
      expect(await page.locator('.results li').first().textContent()).toContain('5 of 16 seats open');
      await page.goto(`${server.url}/services/${weldingId}`);
      await waitForPageReady(page);
      expect(await page.locator('main').textContent()).toContain('Seats, seen by staff only: 5 of 16 seats open');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an agency manager finds a listing to confirm and confirms it; a counsellor has no such button', async () => {
    const { page, context, problems } = await openPage(browser, { language: 'en' });
    try {
      await signInContext(context, server, server.users.manager);
      await page.goto(`${server.url}/services/${clinicId}`);
      await waitForPageReady(page);
      expect(await page.locator('main .tag-warning').first().textContent()).toBe('Needs confirming');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Confirm this listing as it stands' }).click();
      await page.locator('p[role="status"]', { hasText: 'The listing is confirmed as it stands.' }).waitFor();
      expect(await page.locator('main .tag-warning').count()).toBe(0);
      // The counsellor of the same agency reads it, but confirming belongs to its managers.
      await signInContext(context, server, server.user);
      await page.goto(`${server.url}/services/${weldingId}`);
      await waitForPageReady(page);
      expect(await page.getByRole('button', { name: 'Confirm this listing as it stands' }).count()).toBe(0);
      const row = await server.db
        .selectFrom('auditLog')
        .select(['action', 'reason'])
        .where('recordId', '=', clinicId)
        .where('reason', '=', 'confirmed')
        .executeTakeFirst();
      expect(row).toEqual({ action: 'service.manage', reason: 'confirmed' });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const language of ['en', 'fr'] as const) {
    it(`lays details out as label and value side by side on a wide screen (${language})`, async () => {
      const { page, context, problems } = await openPage(browser, { language, width: 1280 });
      try {
        for (const pageCase of pages()) {
          await page.goto(server.url + pageCase.path);
          await waitForPageReady(page);
          // A value squeezed into a sliver (one letter a line) is unreadable, even if axe passes.
          const narrowest = await page.evaluate(() =>
            Math.min(
              Infinity,
              ...[...document.querySelectorAll('dl.details dd')].map((dd) => dd.getBoundingClientRect().width),
            ),
          );
          expect(narrowest, `${pageCase.name} squeezes a detail`).toBeGreaterThan(200);
        }
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`fits a 320 px wide screen without scrolling sideways (${language})`, async () => {
      const { page, context, problems } = await openPage(browser, { language, width: 320, height: 640 });
      try {
        for (const pageCase of pages()) {
          await page.goto(server.url + pageCase.path);
          await waitForPageReady(page);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${pageCase.name} is wider than the screen`).toBeLessThanOrEqual(0);
        }
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
