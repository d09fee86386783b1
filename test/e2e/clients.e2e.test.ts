import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
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
import { clientFixtures, margueriteIdentity } from './client-fixtures.ts';

const SUITE = 'clients: keyboard-only intake, assessment, consent and override';

const person = { givenName: 'Priya', familyName: 'Ramanathan', year: '1988', month: '6', day: '21' };

// A whole step of the wizard lies between its heading and its buttons, hence the long reach.
const pressButton = async (page: Page, text: string, options: { backwards?: boolean } = {}) => {
  await tabUntil(page, (f) => f.tag === 'button' && f.text === text, {
    what: `the button "${text}"`,
    max: 80,
    ...options,
  });
  await page.keyboard.press('Enter');
};
// A <select> moves to its next option with the down arrow, as a keyboard user chooses.
const chooseBy = async (page: Page, label: string, downs: number) => {
  await tabUntil(page, (f) => f.tag === 'select' && f.label === label, { what: `the choice "${label}"`, max: 80 });
  for (let i = 0; i < downs; i += 1) await page.keyboard.press('ArrowDown');
};
const stepHeading = async (page: Page) => {
  await waitForFocusOn(page, '.wizard-step > h2');
  return page.locator('.wizard-step > h2').textContent();
};
const selectValue = (page: Page, name: string) => page.locator(`select[name="${name}"]`).inputValue();

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

  it('a counsellor finds no match, opens a file through the wizard, assesses, grants and revokes a consent; a manager overrides the stream', async () => {
    const training = server.organizations.training;
    let clientPath = '';
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    // Names and the date of birth must never travel in an address (paths or query strings).
    const addresses: string[] = [];
    page.on('request', (request) => addresses.push(request.url()));
    try {
      await signInContext(context, server, server.user);
      await page.goto(server.url);
      await waitForPageReady(page);
      await tabUntil(page, (f) => f.tag === 'a' && f.text === 'New client', { what: 'the New client link' });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/clients\/new$/);
      await waitForFocusOn(page, 'h1');
      await waitForPageReady(page);

      // Step 1: is this person already known?
      await typeInto(page, 'Given name', person.givenName);
      await typeInto(page, 'Family name', person.familyName);
      await typeInto(page, 'Year', person.year);
      await typeInto(page, 'Month', person.month);
      await typeInto(page, 'Day', person.day);
      await page.keyboard.press('Enter');
      await page.locator('.find-results').waitFor();
      expect(await page.locator('main [role="status"]').first().textContent()).toBe('No one matches.');
      await pressButton(page, 'Continue with a new file');

      // Step 2: the record, with the names and birth date carried over.
      expect(await stepHeading(page)).toBe('Step 2 of 5: The record');
      expect(await page.locator('input[name="givenName"]').inputValue()).toBe(person.givenName);
      expect(await page.locator('input[name="dateOfBirth-year"]').inputValue()).toBe(person.year);
      await typeInto(page, 'Phone', '416-555-0147');
      await chooseBy(page, 'Highest level of education', 2);
      expect(await selectValue(page, 'educationLevel')).toBe('high_school');
      await chooseBy(page, 'Main source of income', 1);
      expect(await selectValue(page, 'incomeSource')).toBe('ontario_works');
      await pressButton(page, 'Add a job');
      // The new job's occupation search takes focus; Enter searches instead of submitting the step.
      await waitForFocusOn(page, '.row-group input[type="search"]');
      await page.keyboard.type('cook');
      await page.keyboard.press('Enter');
      await page.locator('.row-group input[type="radio"]').first().waitFor();
      await tabUntil(page, (f) => f.tag === 'input' && f.label === '63200 – Cooks', { what: 'the occupation Cooks' });
      await page.keyboard.press('Space');
      await page.locator('.row-group .chosen-list', { hasText: 'Chosen: 63200 – Cooks' }).waitFor();
      await typeInto(page, 'Job title', 'Line cook');
      await typeInto(page, 'Year', '2016');
      await typeInto(page, 'Month', '4');
      await typeInto(page, 'Day', '1');
      await pressButton(page, 'Continue');

      // Step 3: needs and identifiers.
      expect(await stepHeading(page)).toBe('Step 3 of 5: Needs and identifiers');
      await chooseBy(page, 'Housing', 1);
      expect(await selectValue(page, 'barrier-housing')).toBe('active');
      await pressButton(page, 'Continue');

      // Step 4: voluntary, and nothing is answered for the client.
      expect(await stepHeading(page)).toBe('Step 4 of 5: Self-identification (voluntary)');
      const answers = await page
        .locator('.wizard-form select')
        .evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).value));
      expect(answers.length).toBeGreaterThan(3);
      expect(answers.every((v) => v === '')).toBe(true);
      expect(await page.locator('.wizard-form input[type="checkbox"]:checked').count()).toBe(0);
      await pressButton(page, 'Continue');

      // Step 5: review; going back keeps what was typed.
      expect(await stepHeading(page)).toBe('Step 5 of 5: Review and open the file');
      const review = await page.locator('.wizard-step').textContent();
      expect(review).toContain('Priya Ramanathan');
      expect(review).toContain('63200 – Cooks');
      expect(review).toContain('Housing (Active)');
      await pressButton(page, 'Change: The record');
      expect(await stepHeading(page)).toBe('Step 2 of 5: The record');
      expect(await page.locator('input[name="phone"]').inputValue()).toBe('416-555-0147');
      expect(await page.locator('.row-group .chosen-list').textContent()).toContain('63200 – Cooks');
      await pressButton(page, 'Continue');
      expect(await stepHeading(page)).toBe('Step 3 of 5: Needs and identifiers');
      expect(await selectValue(page, 'barrier-housing')).toBe('active');
      await pressButton(page, 'Continue');
      await stepHeading(page);
      await pressButton(page, 'Continue');
      expect(await stepHeading(page)).toBe('Step 5 of 5: Review and open the file');
      await pressButton(page, 'Open the file');

      // The client's page: the file is open, not yet assessed.
      await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
      clientPath = new URL(page.url()).pathname;
      await waitForFocusOn(page, 'h1');
      await waitForPageReady(page);
      expect(await page.locator('h1').textContent()).toBe('Priya Ramanathan');
      expect(await page.locator('.notice').first().textContent()).toContain('The file is open.');
      expect(await page.locator('.assessment').textContent()).toContain('Not assessed yet.');

      // The first assessment, and the stream with its reasons.
      await pressButton(page, 'Assess now');
      await waitForFocusOn(page, '.stream-box');
      expect(await page.locator('.stream-value').textContent()).toBe('Stream C');
      expect(await page.locator('.stream-meaning').textContent()).toContain('High risk of long-term unemployment');
      const reasons = await page.locator('ul.reasons li').allTextContents();
      expect(reasons).toContain('You told us about a housing need that is not yet resolved.');
      expect(reasons).toContain('Your main income is Ontario Works or the Ontario Disability Support Program.');
      expect(await page.locator('.assessment tbody tr', { hasText: 'Housing need' }).textContent()).toContain('Yes');
      expect(await page.locator('.assessment .notice').textContent()).toBe('Assessed: Stream C.');
      expect(await page.locator('.assessment table').last().textContent()).toContain('First assessment');

      // A consent to another organization, chosen category by category.
      await tabUntil(page, (f) => f.tag === 'select' && f.label === 'Organization the client names', {
        what: 'the organization',
      });
      await page.keyboard.type('Scarborough');
      expect(await page.locator('.editor select').first().inputValue()).toBe(training.id);
      await tabUntil(page, (f) => f.tag === 'input' && f.label === 'Employment', { what: 'the Employment category' });
      await page.keyboard.press('Space');
      await chooseBy(page, 'Purpose', 2);
      expect(await selectValue(page, 'purpose')).toBe('referral');
      await chooseBy(page, 'How the client gave it', 3);
      expect(await selectValue(page, 'method')).toBe('written');
      await typeInto(page, 'Evidence', 'Signed consent form, scanned to the file');
      await typeInto(page, 'Year', String(new Date().getFullYear() + 1));
      await typeInto(page, 'Month', '6');
      await typeInto(page, 'Day', '30');
      await pressButton(page, 'Record the consent');
      await page.locator('.notice', { hasText: `The consent to ${training.name} is recorded.` }).waitFor();
      const row = page.locator('tbody tr', { hasText: training.name });
      expect(await row.textContent()).toContain('Active');
      expect(await row.textContent()).toContain('Employment');
      expect(await row.textContent()).not.toContain('Identity and contact');

      // Revoked with how and why, the consent stays in the history.
      await pressButton(page, `Revoke the consent to ${training.name}`);
      await waitForFocusOn(page, 'section.editor h3');
      await chooseBy(page, 'How the client withdrew it', 2);
      expect(await selectValue(page, 'revokeMethod')).toBe('phone');
      await typeInto(page, 'Reason, if the client gave one', 'Chose another training program');
      await pressButton(page, 'Record the revocation');
      await page.locator('.notice', { hasText: `The consent to ${training.name} is revoked.` }).waitFor();
      expect(await row.textContent()).toContain('Revoked');
      expect(await row.textContent()).toContain('Chose another training program');

      const leaked = addresses.filter((a) => /priya|ramanathan|1988-06-21/i.test(decodeURIComponent(a)));
      expect(leaked).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    // A manager (not the one who assessed) overrides the stream with a justification.
    const manager = await openPage(browser, { language: 'en' });
    try {
      await signInContext(manager.context, server, server.users.manager);
      await manager.page.goto(`${server.url}${clientPath}`);
      await waitForPageReady(manager.page);
      await manager.page.locator('select[name="stream"]').waitFor();
      await chooseBy(manager.page, 'New stream', 2);
      expect(await selectValue(manager.page, 'stream')).toBe('B');
      await typeInto(
        manager.page,
        'Justification',
        'Stable housing found since the assessment, and a job offer in hand.',
      );
      await pressButton(manager.page, 'Override the stream');
      await waitForFocusOn(manager.page, '.stream-box');
      expect(await manager.page.locator('.stream-value').textContent()).toBe('Stream B');
      expect(await manager.page.locator('.stream-box').textContent()).toContain('the model computed Stream C');
      expect(await manager.page.locator('blockquote.justification').textContent()).toBe(
        'Stable housing found since the assessment, and a job offer in hand.',
      );
      const latest = manager.page.locator('.assessment table').last().locator('tbody tr').first();
      expect(await latest.textContent()).toContain('Override');
      expect(await latest.textContent()).toContain('Stream C → Stream B');
      expect(manager.problems).toEqual([]);
    } finally {
      await manager.context.close();
    }
  });

  it('a record at another agency shows only as a possible existing record, and a second file opens only with a reason', async () => {
    // Marguerite's file at Riverdale, and a namesake's at the social assistance office.
    await clientFixtures(server);
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      await signInContext(context, server, server.user);
      await page.goto(`${server.url}/clients/new`);
      await waitForPageReady(page);
      const [year = '', month = '', day = ''] = margueriteIdentity.dateOfBirth.split('-');
      await typeInto(page, 'Given name', margueriteIdentity.givenName);
      await typeInto(page, 'Family name', margueriteIdentity.familyName);
      await typeInto(page, 'Year', year);
      await typeInto(page, 'Month', String(Number(month)));
      await typeInto(page, 'Day', String(Number(day)));
      await page.keyboard.press('Enter');
      await page.locator('.find-results').waitFor();
      expect(await page.locator('main [role="status"]').first().textContent()).toBe('2 possible matches found.');
      expect(await page.locator('.match:not(.match-hidden) a').textContent()).toBe(
        'Open the file of Marguerite Tremblay-Okafor',
      );
      // The other agency's record: that it exists, how close and why; no name, agency or link.
      const hidden = page.locator('.match-hidden');
      expect(await hidden.textContent()).toContain('A possible existing record');
      expect(await hidden.textContent()).toContain('same date of birth');
      expect(await hidden.textContent()).not.toMatch(/Marguerite|Tremblay|North York/);
      expect(await hidden.locator('a').count()).toBe(0);

      await pressButton(page, 'None of these: continue');
      await stepHeading(page);
      await chooseBy(page, 'Highest level of education', 4);
      await chooseBy(page, 'Main source of income', 3);
      await pressButton(page, 'Continue');
      await stepHeading(page);
      await pressButton(page, 'Continue');
      await stepHeading(page);
      await pressButton(page, 'Continue');
      expect(await stepHeading(page)).toBe('Step 5 of 5: Review and open the file');
      await pressButton(page, 'Open the file');

      // Refused until the worker says why this is someone else; the summary links to the reason.
      await waitForFocusOn(page, '.error-summary');
      await page.locator('.conflict .match-hidden').waitFor();
      await tabUntil(
        page,
        (f) => f.tag === 'a' && f.text.startsWith('A possible existing record matches this person.'),
        { what: 'the summary link' },
      );
      await page.keyboard.press('Enter');
      await waitForFocusOn(page, 'textarea[name="notADuplicateReason"]');
      await page.keyboard.type('Different person: another date of birth on her health card, checked with her');
      await pressButton(page, 'Confirm it is someone else and open the file');
      await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
      await waitForFocusOn(page, 'h1');
      expect(await page.locator('h1').textContent()).toBe('Marguerite Tremblay-Okafor');
      expect(problems.filter((p) => !/409.*\/api\/clients\b/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
