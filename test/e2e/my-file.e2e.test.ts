import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  axeViolations,
  launchBrowser,
  openPage,
  skipBrowserSuite,
  startTestServer,
  typeInto,
  waitForFocusOn,
  waitForPageReady,
  type TestServer,
} from './harness.ts';
import {
  apiAs,
  caseFixtures,
  clientAccountFixture,
  clientFixtures,
  type ClientFixtures,
  type Person,
} from './client-fixtures.ts';
import type { Plan } from '../../src/domain/plans/plan.ts';

const SUITE = "web: the job seeker's own file";

// Marguerite checks who opened her file, answers her plan and changes her phone number, in French on
// a phone; her counsellor sees her answer on the other side.
describe.skipIf(skipBrowserSuite(SUITE))(SUITE, () => {
  let server: TestServer;
  let browser: Browser;
  let fixtures: ClientFixtures;
  let account: Person;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    fixtures = await clientFixtures(server);
    await caseFixtures(server);
    account = await clientAccountFixture(server);
    // The social assistance caseworker opens her file through her consent.
    const caseworker = await apiAs(server, fixtures.caseworker.email);
    await caseworker.get(`/api/clients/${fixtures.marguerite.id}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs in to her file, reads who opened it, disagrees with her plan with a comment, and changes her phone', async () => {
    const { page, context, problems } = await openPage(browser, { language: 'fr', width: 390, height: 844 });
    try {
      await page.goto(`${server.url}/sign-in`);
      await waitForPageReady(page);
      await typeInto(page, 'Adresse courriel', account.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(account.password);
      await page.keyboard.press('Enter');
      // A job seeker lands on their own file.
      await page.waitForURL(new RegExp(`^${server.url}/my-file$`));
      await waitForFocusOn(page, 'h1');
      await waitForPageReady(page);

      // Who opened it: the caseworker at the social assistance office, and her counsellor, in words.
      const access = page.locator('section[aria-labelledby="my-access"]');
      const caseworkerRow = access.locator('tbody tr', { hasText: fixtures.caseworker.displayName });
      await caseworkerRow.waitFor();
      expect(await caseworkerRow.textContent()).toContain('A consulté votre dossier');
      expect(await caseworkerRow.textContent()).toContain(server.organizations.socialAssistance.name);
      expect(await access.locator('tbody tr', { hasText: server.user.displayName }).count()).toBeGreaterThan(0);
      expect(await access.textContent()).not.toContain('client.read');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await axeViolations(page)).toEqual([]);

      // Her plan: sending without choosing says what is missing; then she disagrees, with a comment.
      await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
      await waitForFocusOn(page, '.error-summary');
      expect(await page.locator('.error-summary').textContent()).toContain('Dites si vous êtes d’accord');
      await page.getByLabel('Non, je ne suis pas d’accord').check();
      await page.getByLabel('Votre commentaire').fill('Je voudrais commencer par la formation en cuisine.');
      await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
      await page.locator('.notice', { hasText: 'n’êtes pas d’accord' }).waitFor();
      expect(await page.locator('section[aria-labelledby="plan-agreement"]').textContent()).toContain(
        'Vous avez dit ne pas être d’accord avec votre plan',
      );

      // Her phone: a wrong number is explained; a right one is saved and shown.
      await page.getByRole('button', { name: 'Modifier mon courriel ou mon téléphone' }).click();
      const phone = page.getByRole('textbox', { name: 'Téléphone' });
      await phone.fill('pas de téléphone');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await waitForFocusOn(page, '.error-summary');
      await phone.fill('416-555-0142');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.locator('.notice', { hasText: 'Vos coordonnées sont enregistrées' }).waitFor();
      expect(await page.locator('section[aria-labelledby="my-contact"] dl').textContent()).toContain('416-555-0142');
      expect(await page.locator('section[aria-labelledby="my-contact"]').textContent()).toContain(
        server.user.displayName,
      );
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    // The other side: her counsellor reads her answer and her new number.
    const counsellor = await apiAs(server, server.user.email);
    const plan = await counsellor.get<Plan>(`/api/clients/${fixtures.marguerite.id}/plan`);
    expect(plan.acknowledgement).toMatchObject({
      agrees: false,
      method: 'client_account',
      comment: 'Je voudrais commencer par la formation en cuisine.',
    });
    const file = await counsellor.get<{ identityContact: { phone: string } }>(`/api/clients/${fixtures.marguerite.id}`);
    expect(file.identityContact.phone).toBe('416-555-0142');
  });
});
