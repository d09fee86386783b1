import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
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

const SUITE = 'administration: keyboard-only journeys';

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

  it('a manager invites a counsellor by keyboard; the invitee accepts by e-mail and signs in', async () => {
    const email = 'farah.ali@riverdale-employment.example.ca';
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      await signInContext(context, server, server.users.manager);
      await page.goto(`${server.url}/admin/users`);
      await waitForPageReady(page);
      await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Invite a user', { what: 'the invite link' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/admin\/users\/invite$/);
      await waitForFocusOn(page, 'h1');
      await page.locator('form[aria-busy="false"]').waitFor();
      await typeInto(page, 'Name', 'Farah Ali');
      await typeInto(page, 'E-mail address', email);
      // A manager is offered only the roles their agency's staff can hold, and no system role.
      const offered = await page.locator('fieldset').first().locator('label').allTextContents();
      expect(offered).toEqual(['Agency manager', 'Employment counsellor', 'Caseworker', 'Job developer', 'Trainer']);
      await tabUntil(page, (f) => f.label === 'Employment counsellor', { what: 'the counsellor checkbox' });
      await page.keyboard.press('Space');
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Send the invitation', { what: 'send' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/admin\/users$/);
      await page.locator('.notice', { hasText: `Invitation sent to ${email}.` }).waitFor();
      const row = page.locator('tbody tr', { hasText: email });
      expect(await row.textContent()).toContain('Invited');

      // The same address twice: a clear message on the e-mail field.
      await page.goto(`${server.url}/admin/users/invite`);
      await waitForPageReady(page);
      await page.locator('form[aria-busy="false"]').waitFor();
      await typeInto(page, 'Name', 'Farah Again');
      await typeInto(page, 'E-mail address', email);
      await tabUntil(page, (f) => f.label === 'Trainer', { what: 'the trainer checkbox' });
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      await waitForFocusOn(page, '.error-summary');
      expect(await page.locator('.error-summary').textContent()).toContain(
        'A user with this e-mail address already exists.',
      );
      expect(problems.filter((p) => !/409.*\/api\/users/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }

    const invitee = await openPage(browser, { language: 'fr' });
    try {
      const link = new URL(await latestLinkTo(server, email));
      expect(link.pathname).toBe('/accept-invitation');
      await invitee.page.goto(`${server.url}${link.pathname}${link.hash}`);
      await waitForPageReady(invitee.page);
      expect(await invitee.page.locator('h1').textContent()).toBe('Configurer votre compte');
      await typeInto(invitee.page, 'Nouveau mot de passe', 'kayaks under the bloor viaduct');
      await invitee.page.keyboard.press('Enter');
      await invitee.page.waitForURL(/\/sign-in\?welcome=1$/);
      // The heading takes focus after an in-app move; typing before it does would lose keystrokes.
      await waitForPageReady(invitee.page);
      await waitForFocusOn(invitee.page, 'h1');
      await typeInto(invitee.page, 'Adresse courriel', email);
      await invitee.page.keyboard.press('Tab');
      await invitee.page.keyboard.type('kayaks under the bloor viaduct');
      await invitee.page.keyboard.press('Enter');
      await invitee.page.waitForURL(new RegExp(`^${server.url}/work$`));
      expect(await invitee.page.locator('header').textContent()).toContain('Farah Ali');
      // A counsellor is not offered administration.
      expect(await invitee.page.locator('nav').textContent()).not.toContain('Administration');
      expect(invitee.problems).toEqual([]);
    } finally {
      await invitee.context.close();
    }
  });

  it("a manager changes a counsellor's roles, then disables them after a confirmation", async () => {
    const person = server.users.reset;
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      await signInContext(context, server, server.users.manager);
      await page.goto(`${server.url}/admin/users`);
      await waitForPageReady(page);
      await typeInto(page, 'Name or e-mail address', 'grace');
      await page.keyboard.press('Enter');
      await page.locator('tbody tr', { hasText: person.email }).waitFor();
      expect(page.url()).not.toContain('grace');
      await tabUntil(page, (f) => f.tag === 'button' && f.text === `Change the roles of ${person.displayName}`, {
        what: 'change roles',
      });
      await page.keyboard.press('Enter');
      await waitForFocusOn(page, 'section.editor h2');
      await tabUntil(page, (f) => f.label === 'Caseworker', { what: 'the caseworker checkbox' });
      await page.keyboard.press('Space');
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Save the roles', { what: 'save' });
      await page.keyboard.press('Enter');
      await page.locator('.notice', { hasText: `The roles of ${person.displayName} are changed.` }).waitFor();
      await page.locator('tbody tr', { hasText: 'Caseworker, Employment counsellor' }).waitFor();

      await tabUntil(page, (f) => f.tag === 'button' && f.text === `Disable ${person.displayName}`, {
        what: 'disable',
        backwards: true,
      });
      await page.keyboard.press('Enter');
      await waitForFocusOn(page, 'section.editor h2');
      expect(await page.locator('section.editor').textContent()).toContain(person.email);
      await tabUntil(page, (f) => f.tag === 'button' && f.text === `Yes, disable ${person.displayName}`, {
        what: 'confirm',
      });
      await page.keyboard.press('Enter');
      await page
        .locator('.notice', { hasText: `${person.displayName} is disabled and signed out everywhere.` })
        .waitFor();
      expect(await page.locator('tbody tr', { hasText: person.email }).textContent()).toContain('Disabled');
      const attempt = await context.request.post(`${server.url}/api/auth/login`, {
        data: { email: person.email, password: person.password },
        headers: { 'x-csrf-token': 'ignored-when-signed-out' },
      });
      expect([401, 403]).toContain(attempt.status());
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("finds a person's sign-in in the audit log, from the users list, by keyboard", async () => {
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      // Amira signs in (a row to find), then the administrator looks.
      const amira = await openPage(browser, { language: 'en' });
      await signInContext(amira.context, server, server.user);
      await amira.context.close();
      await signInContext(context, server, server.users.admin);
      await page.goto(`${server.url}/admin/users`);
      await waitForPageReady(page);
      await typeInto(page, 'Name or e-mail address', 'amira');
      await page.keyboard.press('Enter');
      await page.locator('tbody tr', { hasText: server.user.email }).waitFor();
      await tabUntil(page, (f) => f.tag === 'a' && f.text === `Activity of ${server.user.displayName}`, {
        what: 'the activity link',
      });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/admin\/audit\?actorUserId=/);
      await waitForFocusOn(page, 'h1');
      await waitForPageReady(page);
      await typeInto(page, 'Action', 'auth.sign_in');
      await page.keyboard.press('Enter');
      await page.waitForURL(/action=auth.sign_in/);
      const row = page.locator('tbody tr', { hasText: server.user.email }).first();
      await row.waitFor();
      expect(await row.textContent()).toContain('Succeeded');
      expect(await row.textContent()).toContain('Riverdale Employment Hub');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an administrator adds an organization and its first site by keyboard', async () => {
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      await signInContext(context, server, server.users.admin);
      await page.goto(`${server.url}/admin/organizations`);
      await waitForPageReady(page);
      await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Add an organization', { what: 'add' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/admin\/organizations\/new$/);
      // The new page's heading takes focus first; typing starts after that, as a person's would.
      await waitForFocusOn(page, 'h1');
      await typeInto(page, 'Name', 'Parkdale Youth Employment Network');
      await tabUntil(page, (f) => f.label === 'Type', { what: 'the type' });
      // Employment service provider is chosen first; three down is Community agency.
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
      expect(await page.locator('select').inputValue()).toBe('community_agency');
      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Add the organization', { what: 'submit' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/admin\/organizations\/[0-9a-f-]{36}\?created=1$/);
      await waitForPageReady(page);
      expect(await page.locator('h1').textContent()).toBe('Parkdale Youth Employment Network');
      expect(await page.locator('main').textContent()).toContain('Community agency');

      await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Add a site', { what: 'add a site' });
      await page.keyboard.press('Enter');
      await waitForFocusOn(page, 'section.editor h3');
      await typeInto(page, 'Site name', 'Queen West office');
      await typeInto(page, 'Street address', '1497 Queen St W');
      await typeInto(page, 'Postal code', 'Z6K 1M2');
      await page.keyboard.press('Enter');
      await waitForFocusOn(page, 'section.editor .error-summary');
      expect(await page.locator('section.editor .error-summary').textContent()).toContain(
        'Enter a Canadian postal code',
      );
      await tabUntil(page, (f) => f.label === 'Postal code', { what: 'the postal code' });
      await page.keyboard.press('Control+A');
      await page.keyboard.type('m6k1m2');
      await page.keyboard.press('Enter');
      await page.locator('.notice', { hasText: 'The site Queen West office is added.' }).waitFor();
      expect(await page.locator('.site-list').textContent()).toContain('M6K 1M2');
      expect(problems.filter((p) => !/400.*\/sites/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
