import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  focusedElement,
  launchBrowser,
  openPage,
  signInContext,
  skipBrowserSuite,
  startTestServer,
  tabUntil,
  waitForPageReady,
  waitForFocusOn,
  type TestServer,
} from './harness.ts';

const SUITE = 'web shell: keyboard-only journeys';

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

  it('signs in and out by keyboard alone', async () => {
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      await page.goto(server.url);
      await waitForPageReady(page);

      // From the top of the home page to "Sign in" in the header.
      await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Sign in', { what: 'the Sign in link' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/sign-in$/);
      await waitForFocusOn(page, 'h1');
      expect((await focusedElement(page)).text).toBe('Sign in');
      expect(await page.title()).toBe('Sign in – Continuum');

      const email = await tabUntil(page, (f) => f.tag === 'input', { what: 'the first field' });
      expect(email.label).toBe('E-mail address');
      expect(await page.getByLabel('E-mail address').getAttribute('autocomplete')).toBe('username');
      await page.keyboard.type(server.user.email);
      await page.keyboard.press('Tab');
      expect((await focusedElement(page)).label).toBe('Password');
      const password = page.getByLabel('Password', { exact: true });
      expect(await password.getAttribute('autocomplete')).toBe('current-password');
      expect(await password.getAttribute('type')).toBe('password');
      await page.keyboard.type(server.user.password);

      // "Show password" is a toggle button: Space shows the password, again hides it.
      await page.keyboard.press('Tab');
      expect(await focusedElement(page)).toMatchObject({ tag: 'button', text: 'Show password' });
      const toggle = page.getByRole('button', { name: 'Show password' });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await page.keyboard.press('Space');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await password.getAttribute('type')).toBe('text');
      expect(await password.inputValue()).toBe(server.user.password);
      await page.keyboard.press('Space');
      expect(await password.getAttribute('type')).toBe('password');

      // Back to the password and Enter submits; a counsellor lands on their work, whose h1 takes focus.
      await page.keyboard.press('Shift+Tab');
      expect((await focusedElement(page)).label).toBe('Password');
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`^${server.url}/work$`));
      await waitForFocusOn(page, 'h1');
      expect((await focusedElement(page)).text).toBe('My work');
      expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('My work');
      expect(await page.locator('header').textContent()).toContain(server.user.displayName);
      expect(await page.locator('header a', { hasText: 'Sign in' }).count()).toBe(0);

      // Back up from the h1 to "Sign out" in the header.
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Sign out', {
        backwards: true,
        what: 'the Sign out button',
      });
      await page.keyboard.press('Enter');
      // My work is for signed-in people: the page becomes the sign-in form (which would lead back to it),
      // and its heading takes focus rather than the top of the document.
      await page.waitForURL(/\/sign-in\?next=%2Fwork$/);
      await waitForFocusOn(page, 'h1');
      expect((await focusedElement(page)).text).toBe('Sign in');
      expect(await page.locator('header').textContent()).not.toContain(server.user.displayName);

      // On a public page, signing out stays there and focus moves to the link that replaced the button.
      await signInContext(context, server, server.user);
      await page.goto(server.url);
      await waitForPageReady(page);
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Sign out', { what: 'the Sign out button' });
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.querySelector('header [role="status"]')?.textContent === 'You are signed out.',
      );
      expect(await focusedElement(page)).toMatchObject({ tag: 'a', text: 'Sign in' });
      expect(await page.locator('header').textContent()).not.toContain(server.user.displayName);

      // The server ended the session too: after a reload the page is still signed out.
      await page.reload();
      await waitForPageReady(page);
      expect(await page.locator('header a', { hasText: 'Sign in' }).count()).toBe(1);
      expect(await page.locator('header').textContent()).not.toContain(server.user.displayName);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('returns to the page sign-in started from, and never to another site', async () => {
    const { context, page, problems } = await openPage(browser, { language: 'fr' });
    try {
      await page.goto(`${server.url}/directory?q=Carrefour`);
      await waitForPageReady(page);
      await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Ouvrir une session', { what: 'the sign-in link' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/sign-in\?next=/);
      await waitForFocusOn(page, 'h1');
      await tabUntil(page, (f) => f.label === 'Adresse courriel', { what: 'the e-mail field' });
      await page.keyboard.type(server.user.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(server.user.password);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/directory\?q=Carrefour$/);
      await waitForFocusOn(page, 'h1');
      expect(await page.locator('header').textContent()).toContain(`Session ouverte\u00a0: ${server.user.displayName}`);

      // Signed in already, the page says so and offers to continue; a next address on another site is ignored.
      await page.goto(`${server.url}/sign-in?next=${encodeURIComponent('//evil.example/')}`);
      await waitForPageReady(page);
      expect(await page.locator('main').textContent()).toContain(
        `Vous êtes connecté en tant que ${server.user.displayName}.`,
      );
      await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Continuer', { what: 'the continue link' });
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`^${server.url}/$`));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('puts a wrong password in a focused error summary tied to both fields', async () => {
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      await page.goto(`${server.url}/sign-in`);
      await waitForPageReady(page);

      // Nothing entered: one message per field, next to it and in the summary.
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Sign in', { what: 'the submit button' });
      await page.keyboard.press('Enter');
      await waitForFocusOn(page, '.error-summary');
      expect(await page.locator('.error-summary li').allTextContents()).toEqual([
        'Enter your e-mail address.',
        'Enter your password.',
      ]);
      expect(await page.locator('.field-error').allTextContents()).toEqual([
        'Enter your e-mail address.',
        'Enter your password.',
      ]);

      // A summary entry leads to its field.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect((await focusedElement(page)).label).toBe('E-mail address');
      await page.keyboard.type(server.user.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type('not the right password');
      await page.keyboard.press('Enter');

      await page.waitForFunction(
        () => document.querySelector('.error-summary')?.textContent?.includes('not correct') ?? false,
      );
      await waitForFocusOn(page, '.error-summary');
      const summary = await focusedElement(page);
      expect(summary.text).toContain('There is a problem');
      expect(summary.text).toContain('The e-mail address or password is not correct.');
      expect(await page.locator('.error-summary').getAttribute('aria-labelledby')).toBeTruthy();
      expect(await page.locator('.field-error').count()).toBe(0);

      for (const label of ['E-mail address', 'Password']) {
        const field = page.getByLabel(label, { exact: true });
        expect(await field.getAttribute('aria-invalid'), label).toBe('true');
        const described = (await field.getAttribute('aria-describedby')) ?? '';
        expect(described, label).not.toBe('');
        const descriptions = await Promise.all(
          described.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
        );
        expect(descriptions.join(' '), label).toContain('The e-mail address or password is not correct.');
      }
      // Still signed out; the password typed is not shown.
      expect(await page.locator('header a', { hasText: 'Sign in' }).count()).toBe(1);
      expect(await page.getByLabel('Password', { exact: true }).getAttribute('type')).toBe('password');
      expect(problems.filter((p) => !/401.*\/api\/auth\/login/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says how many minutes to wait after too many failed sign-ins', async () => {
    const { context, page, problems } = await openPage(browser, { language: 'fr' });
    const email = 'someone.else@example.ca';
    try {
      // Five failures for one account and address block it for 15 minutes (docs/accounts.md).
      for (let i = 0; i < 5; i += 1) {
        const response = await page.request.post(`${server.url}/api/auth/login`, {
          data: { email, password: `wrong guess ${i}` },
        });
        expect(response.status()).toBe(401);
      }
      await page.goto(`${server.url}/sign-in`);
      await waitForPageReady(page);
      await page.getByLabel('Adresse courriel').fill(email);
      await page.getByLabel('Mot de passe', { exact: true }).fill('one more guess');
      await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
      await waitForFocusOn(page, '.error-summary');
      expect(await page.locator('.error-summary li').textContent()).toBe(
        "Trop de tentatives d'ouverture de session. Attendez 15 minutes, puis réessayez.",
      );
      expect(problems.filter((p) => !/429.*\/api\/auth\/login/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
