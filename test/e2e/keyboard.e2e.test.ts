import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  focusedElement,
  launchBrowser,
  openPage,
  skipBrowserSuite,
  startTestServer,
  tabUntil,
  waitForPageReady,
  type TestServer,
} from './harness.ts';

const SUITE = 'web shell: keyboard-only journeys';

async function waitForFocusOn(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((s) => document.activeElement?.matches(s) ?? false, selector, { timeout: 10_000 });
}

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

  it('skip link, language switch, directory search and an organization, by keyboard alone', async () => {
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      await page.goto(server.url);
      await waitForPageReady(page);
      expect(await page.getAttribute('html', 'lang')).toBe('en');

      // The skip link is the first tab stop, visible when focused, and leads into <main>.
      await page.keyboard.press('Tab');
      const skip = await focusedElement(page);
      expect(skip).toMatchObject({ tag: 'a', text: 'Skip to main content' });
      expect(await page.locator('.skip-link').isVisible()).toBe(true);
      const box = await page.locator('.skip-link').boundingBox();
      expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      expect((await focusedElement(page)).inMain || (await focusedElement(page)).id === 'main').toBe(true);

      // Back up to the language switch; it is labelled in French, in French.
      await page.evaluate(() => {
        (window as unknown as { noReload: boolean }).noReload = true;
      });
      const toggle = await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Français', {
        backwards: true,
        what: 'the language switch',
      });
      expect(toggle.lang).toBe('fr');
      await page.keyboard.press('Enter');

      // Every string switches at once, without a reload, and <html lang> follows.
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      expect(await page.locator('h1').textContent()).toBe("Un seul système de services d'emploi pour Toronto");
      expect(await page.locator('h2').first().textContent()).toBe("À qui s'adresse Continuum");
      expect(await page.title()).toBe("Un seul système de services d'emploi pour Toronto – Continuum");
      expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
      expect(await focusedElement(page)).toMatchObject({ tag: 'button', text: 'English', lang: 'en' });

      // To the directory through the primary navigation; focus lands on the new page's h1.
      await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Répertoire', { what: 'the Répertoire link' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/directory$/);
      await waitForFocusOn(page, 'h1');
      expect((await focusedElement(page)).text).toBe("Répertoire des services d'emploi");
      expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('Répertoire');
      await waitForPageReady(page);

      // Search by a word of the French name and submit with Enter; the count is announced politely.
      await tabUntil(page, (f) => f.tag === 'input' && f.label === "Nom de l'organisme", { what: 'the name field' });
      await page.keyboard.type('Carrefour');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/directory\?q=Carrefour$/);
      const status = page.locator('[role="status"].result-count');
      await page.waitForFunction(() => document.querySelector('.result-count')?.textContent === '1 organisme trouvé');
      expect(await status.getAttribute('role')).toBe('status');
      // Focus stayed in the field, so the person can refine the search.
      expect((await focusedElement(page)).label).toBe("Nom de l'organisme");

      // Into the results; the organization shows under its French name; Enter opens it.
      const result = await tabUntil(page, (f) => f.inResults && f.tag === 'a', { what: 'the first result' });
      expect(result.text).toBe("Carrefour de l'emploi de Riverdale");
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/organizations/${server.organizations.bilingual.id}$`));
      await waitForFocusOn(page, 'h1');
      expect(await focusedElement(page)).toMatchObject({ tag: 'h1', text: "Carrefour de l'emploi de Riverdale" });
      expect(await page.getAttribute('html', 'lang')).toBe('fr');

      // The breadcrumb leads back to the same search.
      const back = await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Répertoire' && f.href.includes('q='), {
        backwards: true,
        what: 'the breadcrumb back to the search',
      });
      expect(back.href).toBe('/directory?q=Carrefour');

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('remembers the chosen language on the next visit', async () => {
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      await page.goto(server.url);
      await waitForPageReady(page);
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Français', { what: 'the language switch' });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.documentElement.lang === 'fr');
      await page.reload();
      await waitForPageReady(page);
      expect(await page.getAttribute('html', 'lang')).toBe('fr');
      expect(await page.locator('h1').textContent()).toBe("Un seul système de services d'emploi pour Toronto");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('explains a malformed postal area next to the field and keeps focus there', async () => {
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      await page.goto(`${server.url}/directory`);
      await waitForPageReady(page);
      await tabUntil(page, (f) => f.tag === 'input' && f.label === 'Postal area (FSA)', { what: 'the FSA field' });
      await page.keyboard.type('12');
      await page.keyboard.press('Enter');
      const field = page.getByLabel('Postal area (FSA)');
      await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]') !== null);
      expect((await focusedElement(page)).label).toBe('Postal area (FSA)');
      const described = (await field.getAttribute('aria-describedby')) ?? '';
      const message = await page.locator(`[id="${described.split(' ')[0]}"]`).textContent();
      expect(message).toContain('Enter the first 3 characters of a postal code');

      // Corrected: lower case is accepted and the list narrows to the one site in M4J.
      await page.keyboard.press('Control+A');
      await page.keyboard.type('m4j');
      await page.keyboard.press('Enter');
      await page.waitForURL(/fsa=M4J/);
      await page.waitForFunction(() => document.querySelector('.result-count')?.textContent === '1 organization found');
      expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('pages through results and moves focus to the results heading', async () => {
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      await page.goto(`${server.url}/directory`);
      await waitForPageReady(page);
      expect(await page.locator('.result-count').textContent()).toBe('26 organizations found');
      await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Next page', { max: 80, what: 'Next page' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/page=2/);
      await waitForFocusOn(page, '#results-heading');
      expect(await page.locator('.pagination').textContent()).toContain('Page 2 of 2');
      expect(await page.locator('.results > li').count()).toBe(6);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
