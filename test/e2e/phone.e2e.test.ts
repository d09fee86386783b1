import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureClientFixtures } from './client-fixtures.ts';
import { makeNotification } from '../factories.ts';
import {
  axeViolations,
  focusedElement,
  launchBrowser,
  openPage,
  signInContext,
  skipBrowserSuite,
  startTestServer,
  tabUntil,
  waitForPageReady,
  type TestServer,
} from './harness.ts';

const SUITE = 'web shell: a phone';

// A 390 × 844 screen (a common phone): the header and the navigation take at most a fifth of the height,
// everything they hold is one "Menu" button away, by touch and by keyboard, in both languages.
describe.skipIf(skipBrowserSuite(SUITE))(SUITE, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const language of ['en', 'fr'] as const) {
    it(`signed in, in ${language}: a fifth of the screen at most, the menu opens and closes by keyboard`, async () => {
      const { context, page, problems } = await openPage(browser, { language, width: 390, height: 844 });
      try {
        await signInContext(context, server, server.user);
        await page.goto(`${server.url}/caseload`);
        await waitForPageReady(page);
        const menuName = 'Menu';
        const button = page.getByRole('button', { name: menuName });
        const chrome = async () => {
          const header = await page.locator('header.site-header').boundingBox();
          const nav = await page.locator('nav.primary-nav').boundingBox();
          return (header?.height ?? 0) + (nav?.height ?? 0);
        };
        expect(await chrome()).toBeLessThanOrEqual(844 / 5);
        expect(await page.locator('nav.primary-nav a', { hasText: /Caseload|Charge de cas/ }).isVisible()).toBe(false);
        expect(await button.getAttribute('aria-expanded')).toBe('false');

        // By keyboard: the button is reached, Enter opens it, every link and tool shows, Escape closes it.
        await tabUntil(page, (f) => f.tag === 'button' && f.text.startsWith(menuName), { what: 'the menu button' });
        await page.keyboard.press('Enter');
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        expect(await page.locator('nav.primary-nav a', { hasText: /Caseload|Charge de cas/ }).isVisible()).toBe(true);
        expect(await page.locator('.language-switch').isVisible()).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        expect((await focusedElement(page)).text.startsWith(menuName)).toBe(true);

        // Following a link closes the menu on the next page.
        await button.click();
        await page.locator('nav.primary-nav a', { hasText: /My tasks|Mes tâches/ }).click();
        await waitForPageReady(page);
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        expect(await chrome()).toBeLessThanOrEqual(844 / 5);
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("a client's file: its parts fold behind one button, the part shown starts near the top, by keyboard", async () => {
    const { marguerite } = await ensureClientFixtures(server);
    const { context, page, problems } = await openPage(browser, { language: 'en', width: 390, height: 844 });
    try {
      // One unread notification: the Menu button, which hides the header's count on a phone, shows it.
      const me = await server.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', server.user.email)
        .executeTakeFirstOrThrow();
      await makeNotification(server.db, me.id);
      await signInContext(context, server, server.user);
      await page.goto(`${server.url}/clients/${marguerite.id}/summary`);
      await waitForPageReady(page);
      const menu = page.locator('button.menu-button');
      await menu.locator('.count-badge').waitFor();
      expect(await menu.textContent()).toMatch(/^Menu \d+\(\d+ unread\)$/);
      const toggle = page.locator('.file-nav-button');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.textContent()).toContain('Part of the file: Summary');
      expect(await page.locator('.file-nav a', { hasText: 'Case notes' }).isVisible()).toBe(false);
      // The part's own content starts in the first half of the screen.
      const first = await page.locator('main h2').first().boundingBox();
      expect(first?.y ?? 844).toBeLessThan(844 / 2);
      await tabUntil(page, (f) => f.tag === 'button' && f.text.startsWith('Part of the file'), {
        what: 'the parts button',
      });
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);
      await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Case notes', { what: 'the case notes link' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/notes$/);
      await waitForPageReady(page);
      // The parts fold again once the new part has rendered: under load that comes after the address.
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => toggle.textContent()).toContain('Part of the file: Case notes');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
