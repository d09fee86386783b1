import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { currentStep, totpCode } from '../../src/lib/totp.ts';
import {
  focusedElement,
  latestLinkTo,
  launchBrowser,
  openPage,
  signInContext,
  skipBrowserSuite,
  startTestServer,
  tabUntil,
  waitForPageReady,
  typeInto,
  waitForFocusOn,
  type TestServer,
} from './harness.ts';

const SUITE = 'account pages: keyboard-only journeys';

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

  it('asks for a reset link, follows the e-mailed link, chooses a password and signs in with it', async () => {
    const person = server.users.reset;
    const newPassword = 'rowing past the leslie street spit';
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      await page.goto(`${server.url}/sign-in`);
      await waitForPageReady(page);
      await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Forgot your password?', {
        what: 'the forgot-password link',
      });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/forgot-password$/);
      await waitForFocusOn(page, 'h1');
      await typeInto(page, 'E-mail address', person.email);
      await page.keyboard.press('Enter');
      await page.locator('main [role="status"]', { hasText: `If an account uses ${person.email}` }).waitFor();

      // The link from the e-mail the server wrote; the token leaves the address bar once read.
      const link = new URL(await latestLinkTo(server, person.email));
      expect(link.pathname).toBe('/reset-password');
      await page.goto(`${server.url}${link.pathname}${link.hash}`);
      await waitForPageReady(page);
      expect(new URL(page.url()).hash).toBe('');

      // Too short first: the message is on the field and in the focused summary.
      await typeInto(page, 'New password', 'too short');
      await page.keyboard.press('Enter');
      await waitForFocusOn(page, '.error-summary');
      expect(await page.locator('.error-summary').textContent()).toContain('Use at least 12 characters');
      await tabUntil(page, (f) => f.label === 'New password', { what: 'the password field' });
      await page.keyboard.press('Control+A');
      await page.keyboard.type(newPassword);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/sign-in\?reset=1$/);
      await waitForPageReady(page);
      await waitForFocusOn(page, 'h1');
      expect(await page.locator('main .notice').textContent()).toBe('Your password is changed. Sign in with it.');

      await typeInto(page, 'E-mail address', person.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(newPassword);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`^${server.url}/work$`));
      expect(await page.locator('header').textContent()).toContain(`Signed in as ${person.displayName}`);

      // The same link does not work twice.
      await page.goto(`${server.url}${link.pathname}${link.hash}`);
      await waitForPageReady(page);
      await typeInto(page, 'New password', 'yet another long enough password');
      await page.keyboard.press('Enter');
      await page.locator('main', { hasText: 'This link does not work any more' }).waitFor();
      expect(problems.filter((p) => !/400.*password-reset\/complete/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('sets up two-step sign-in from the account page, then signs in with a code, by keyboard alone (in French)', async () => {
    const person = server.users.enrol;
    const { context, page, problems } = await openPage(browser, { language: 'fr' });
    try {
      await page.goto(`${server.url}/sign-in?next=%2Faccount`);
      await waitForPageReady(page);
      await typeInto(page, 'Adresse courriel', person.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(person.password);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account$/);
      await waitForFocusOn(page, 'h1');
      expect(await page.locator('main').textContent()).toContain('Désactivée.');

      await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Configurer la connexion en deux étapes', {
        what: 'the set-up link',
      });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/account\/two-step$/);
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Configurer la connexion en deux étapes', {
        what: 'the set-up button',
      });
      await page.keyboard.press('Enter');
      await page.locator('svg.qr-code[role="img"]').waitFor();
      // The key as a person would read it off the page, spaces and all.
      const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);

      const step = currentStep();
      await typeInto(page, "Code affiché par l'application", totpCode(secret, step));
      await page.keyboard.press('Enter');
      await page.locator('main [role="status"]', { hasText: 'La connexion en deux étapes est activée.' }).waitFor();

      // Sign out, then back in: the password first, then a fresh code (the next time step).
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Fermer la session', {
        what: 'sign out',
        backwards: true,
      });
      await page.keyboard.press('Enter');
      await page.locator('header a', { hasText: 'Ouvrir une session' }).waitFor();
      await page.goto(`${server.url}/sign-in`);
      await waitForPageReady(page);
      await typeInto(page, 'Adresse courriel', person.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(person.password);
      await page.keyboard.press('Enter');
      await waitForFocusOn(page, 'input[autocomplete="one-time-code"]');
      expect((await focusedElement(page)).label).toBe('Code à 6 chiffres');
      // A wrong code: the summary says so and the code field is marked.
      await page.keyboard.type(totpCode(secret, step + 5));
      await page.keyboard.press('Enter');
      await waitForFocusOn(page, '.error-summary');
      expect(await page.locator('.error-summary').textContent()).toContain("Ce code n'est pas accepté.");
      await tabUntil(page, (f) => f.label === 'Code à 6 chiffres', { what: 'the code field' });
      await page.keyboard.type(totpCode(secret, step + 1));
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`^${server.url}/work$`));
      expect(await page.locator('header').textContent()).toContain(person.displayName);
      expect(problems.filter((p) => !/401.*\/api\/auth\/login/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('signs out everywhere after a confirmation; another browser finds its session ended', async () => {
    const person = server.users.account;
    const first = await openPage(browser, { language: 'en' });
    const second = await openPage(browser, { language: 'en' });
    try {
      await signInContext(first.context, server, person);
      await signInContext(second.context, server, person);
      await second.page.goto(`${server.url}/account`);
      await waitForPageReady(second.page);

      const { page } = first;
      await page.goto(`${server.url}/account`);
      await waitForPageReady(page);
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Sign out everywhere', {
        what: 'sign out everywhere',
      });
      await page.keyboard.press('Enter');
      // The confirmation takes focus on its button; Cancel is next to it.
      await waitForFocusOn(page, '.confirm button.button-danger');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/sign-in\?next=%2Faccount&everywhere=1$/);
      expect(await page.locator('main .notice').textContent()).toBe('You are signed out on every device.');

      // The other browser still shows the account page; its next request finds the session over.
      await second.page.getByRole('button', { name: 'Sign out everywhere' }).click();
      await second.page.locator('.confirm button.button-danger').click();
      await second.page.waitForURL(/\/sign-in\?next=%2Faccount&expired=1$/);
      expect(await second.page.locator('main .notice').textContent()).toBe(
        'Your session ended. Sign in again to continue.',
      );
      expect(first.problems).toEqual([]);
      expect(second.problems.filter((p) => !/401.*logout-everywhere/.test(p))).toEqual([]);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });
});
