import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  focusedElement,
  launchBrowser,
  openPage,
  signInContext,
  skipBrowserSuite,
  startTestServer,
  tabUntil,
  typeInto,
  waitForFocusOn,
  waitForPageReady,
  type TestServer,
} from './harness.ts';
import { caseFixtures, margueriteIdentity, seedPerson, type Person } from './client-fixtures.ts';

const SUITE = 'web: the staff home page (My work)';

// A day's work where staff land after signing in: the manager's morning by keyboard in French, a
// counsellor's day at phone width, and a transfer seen from the receiving agency's home page.
describe.skipIf(skipBrowserSuite(SUITE))(SUITE, () => {
  let server: TestServer;
  let browser: Browser;
  let receiving: Person;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    await caseFixtures(server);
    receiving = await seedPerson(server, 'community', ['employment_counsellor'], 'a streetcar along queen street');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a manager's morning, by keyboard, in French: the team's counts, then a file found across the agency", async () => {
    const { page, context, problems } = await openPage(browser, { language: 'fr' });
    try {
      await page.goto(`${server.url}/sign-in`);
      await waitForPageReady(page);
      await typeInto(page, 'Adresse courriel', server.users.manager.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(server.users.manager.password);
      await page.keyboard.press('Enter');
      // No page asked for: staff land on their work.
      await page.waitForURL(new RegExp(`^${server.url}/work$`));
      await waitForFocusOn(page, 'h1');
      expect((await focusedElement(page)).text).toBe('Mon travail');
      await waitForPageReady(page);

      // The team: the counsellor's row counts Marguerite's check-in, due today.
      const row = page.locator('section[aria-labelledby="work-team"] tbody tr', { hasText: server.user.displayName });
      await row.waitFor();
      expect(await row.locator('td').nth(3).textContent()).toBe('1');
      expect(await page.locator('section[aria-labelledby="work-team"] .chart').count()).toBe(1);

      // Every file of the agency, by name: Marguerite, with her primary worker.
      await tabUntil(page, (f) => f.label === 'Nom ou identifiant', { what: 'the agency search field', max: 200 });
      await page.keyboard.type(margueriteIdentity.familyName);
      await page.keyboard.press('Enter');
      const found = page.locator('section[aria-labelledby="work-agency"] tbody tr');
      await found.first().waitFor();
      expect(await found.count()).toBe(1);
      expect(await found.first().textContent()).toContain(server.user.displayName);
      expect(await axeViolations(page)).toEqual([]);
      await tabUntil(page, (f) => f.tag === 'a' && f.text.includes(margueriteIdentity.familyName), {
        what: 'the link to her file',
      });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
      await waitForPageReady(page);
      expect(await page.locator('main h1').textContent()).toContain(margueriteIdentity.familyName);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a counsellor's day at phone width: tables as cards, nothing wider than the screen, a task done from the page", async () => {
    const { page, context, problems } = await openPage(browser, { language: 'en', width: 390, height: 844 });
    try {
      await signInContext(context, server, server.user);
      await page.goto(`${server.url}/work`);
      await waitForPageReady(page);
      const today = page.locator('h3', { hasText: 'Due today' }).locator('xpath=..');
      await today.locator('table').waitFor();
      expect(await today.textContent()).toContain('Monthly check-in by phone');
      // Stacked: no column headings on screen, each cell named, and no sideways scrolling.
      expect(await today.locator('thead').evaluate((e) => getComputedStyle(e).position)).toBe('absolute');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await axeViolations(page)).toEqual([]);

      await today.getByRole('button', { name: 'Mark done: Monthly check-in by phone' }).click();
      await page.locator('main .notice', { hasText: 'Monthly check-in by phone' }).waitFor();
      await waitForPageReady(page);
      expect(await page.locator('.figure', { hasText: 'Tasks due today' }).locator('dd').textContent()).toBe('0');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the receiving agency sees the incoming transfer on its home page and follows it to the transfers', async () => {
    const { page, context, problems } = await openPage(browser, { language: 'en' });
    try {
      await signInContext(context, server, receiving);
      await page.goto(`${server.url}/work`);
      await waitForPageReady(page);
      const handoff = page.locator('section[aria-labelledby="work-handoffs"] li', { hasText: 'Dmitri' });
      await handoff.waitFor();
      expect(await handoff.textContent()).toContain(`moving from ${server.organizations.bilingual.name}: to accept`);
      await handoff.getByRole('link').click();
      await page.waitForURL(/\/transfers$/);
      await waitForPageReady(page);
      expect(await page.locator('main').textContent()).toContain('Dmitri');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
