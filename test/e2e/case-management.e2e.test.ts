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
import {
  apiAs,
  clientAccountFixture,
  clientFixtures,
  dmitriRecord,
  handoverFixture,
  monthsFromToday,
  seedPerson,
  todayInToronto,
} from './client-fixtures.ts';
import type { ClientView } from '../../src/domain/clients/client.ts';

const SUITE = 'case management: keyboard-only notes, check-ins, handover, and the client’s own account';

const pressButton = async (page: Page, text: string, options: { backwards?: boolean } = {}) => {
  await tabUntil(page, (f) => f.tag === 'button' && f.text === text, {
    what: `the button "${text}"`,
    max: 120,
    ...options,
  });
  await page.keyboard.press('Enter');
};
const followLink = async (page: Page, text: string, options: { backwards?: boolean; startsWith?: boolean } = {}) => {
  await tabUntil(page, (f) => f.tag === 'a' && (options.startsWith ? f.text.startsWith(text) : f.text === text), {
    what: `the link "${text}"`,
    max: 120,
    ...options,
  });
  await page.keyboard.press('Enter');
};
const chooseBy = async (page: Page, label: string, downs: number) => {
  await tabUntil(page, (f) => f.tag === 'select' && f.label === label, { what: `the choice "${label}"`, max: 80 });
  for (let i = 0; i < downs; i += 1) await page.keyboard.press('ArrowDown');
};
// A <select> also answers to the first letters of an option typed quickly, as a keyboard user picks a name.
const chooseByTyping = async (page: Page, label: string, text: string) => {
  await tabUntil(page, (f) => f.tag === 'select' && f.label === label, { what: `the choice "${label}"`, max: 80 });
  await page.keyboard.type(text);
};
const newPage = async (page: Page, url: RegExp) => {
  await page.waitForURL(url);
  await waitForFocusOn(page, 'h1');
  await waitForPageReady(page);
};
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const longDate = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

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

  it('a counsellor writes a case-team note and corrects it, and the earlier version stays readable; then adds a weekly check-in and completes it', async () => {
    const { marguerite } = await clientFixtures(server);
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    const addresses: string[] = [];
    page.on('request', (request) => addresses.push(request.url()));
    try {
      await signInContext(context, server, server.user);
      await page.goto(`${server.url}/clients/${marguerite.id}`);
      await waitForPageReady(page);
      await followLink(page, 'Case notes');
      await newPage(page, /\/notes$/);
      expect(await page.locator('h1').textContent()).toBe('Case notes – Marguerite Tremblay-Okafor');

      // The note: its kind, who may read it (a radio group moved through with the arrow keys), its text.
      await chooseBy(page, 'Kind of note', 1);
      expect(await page.locator('select[name="kind"]').inputValue()).toBe('contact');
      await tabUntil(page, (f) => f.tag === 'input' && f.label === 'Your organization only', {
        what: 'the first visibility',
      });
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('input[name="visibility"][value="case_team"]').isChecked()).toBe(true);
      await typeInto(page, 'Text of the note', 'Phoned Marguerite: interview at the Queen Street Diner on Thursday.');
      await pressButton(page, 'Save the note');
      await waitForFocusOn(page, 'p.notice');
      expect(await page.locator('p.notice').textContent()).toBe('The note is saved.');
      const first = page.locator('article.note').first();
      expect(await first.locator('.note-body').first().textContent()).toBe(
        'Phoned Marguerite: interview at the Queen Street Diner on Thursday.',
      );
      expect(await first.textContent()).toContain('Seen by: The case team');

      // A correction is a new version; the text it replaced stays in the note's history.
      await pressButton(page, 'Correct this note');
      await waitForFocusOn(page, 'section.editor h3');
      await tabUntil(page, (f) => f.tag === 'textarea' && f.label === 'Corrected text', { what: 'the corrected text' });
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('Phoned Marguerite: interview at the Queen Street Diner on Friday at 2.');
      await pressButton(page, 'Save the correction');
      await waitForFocusOn(page, 'p.notice');
      expect(await page.locator('p.notice').textContent()).toBe(
        'The note is corrected. The earlier version stays in its history.',
      );
      expect(await first.locator('.note-body').first().textContent()).toBe(
        'Phoned Marguerite: interview at the Queen Street Diner on Friday at 2.',
      );
      expect(await first.locator('.tag-corrected').textContent()).toBe('Corrected');
      await tabUntil(page, (f) => f.tag === 'summary' && f.text === '1 earlier version', {
        what: 'the earlier versions',
      });
      await page.keyboard.press('Enter');
      await first.locator('details.note-history[open]').waitFor();
      expect(await first.locator('details.note-history .note-body').textContent()).toBe(
        'Phoned Marguerite: interview at the Queen Street Diner on Thursday.',
      );

      // A weekly check-in, completed: the next one is there at once, a week later.
      await followLink(page, 'Tasks', { backwards: true });
      await newPage(page, /\/tasks$/);
      await typeInto(page, 'What to do', 'Weekly check-in after the interview');
      await chooseBy(page, 'Kind of task', 2);
      expect(await page.locator('select[name="kind"]').inputValue()).toBe('check_in');
      await chooseBy(page, "When in the client's path", 1);
      expect(await page.locator('select[name="phase"]').inputValue()).toBe('before_employment');
      await chooseBy(page, 'Repeats', 1);
      expect(await page.locator('select[name="recurrence"]').inputValue()).toBe('weekly');
      await pressButton(page, 'Add the task');
      await waitForFocusOn(page, 'p.notice');
      expect(await page.locator('p.notice').textContent()).toBe('Task added: Weekly check-in after the interview.');
      const today = todayInToronto();
      await pressButton(page, 'Mark done: Weekly check-in after the interview');
      await page.locator('p.notice', { hasText: 'The next one is due on' }).waitFor();
      const next = longDate(plusDays(today, 7), 'en-CA');
      expect(await page.locator('p.notice').textContent()).toBe(
        `Done: Weekly check-in after the interview. The next one is due on ${next}.`,
      );
      const open = page
        .locator('table')
        .first()
        .locator('tbody tr', { hasText: 'Weekly check-in after the interview' });
      // The notice comes as the list reloads: wait for the next check-in's row before counting.
      await open.filter({ hasText: next }).waitFor();
      expect(await open.count()).toBe(1);
      expect(await open.textContent()).toContain(next);
      expect(await open.textContent()).toContain('Every week');
      const closed = page
        .locator('table')
        .last()
        .locator('tbody tr', { hasText: 'Weekly check-in after the interview' });
      expect(await closed.textContent()).toContain('Done');

      expect(addresses.filter((a) => /marguerite|tremblay|1979-05-14/i.test(decodeURIComponent(a)))).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a manager hands over a caseload in one step; the new worker follows the notification and reads a client’s summary', async () => {
    const { leaving, receiving, clients } = await handoverFixture(server);
    const [anjali] = clients;
    const manager = await openPage(browser, { language: 'en' });
    try {
      await signInContext(manager.context, server, server.users.manager);
      await manager.page.goto(`${server.url}/caseload`);
      await waitForPageReady(manager.page);
      await followLink(manager.page, 'Hand over a caseload to another worker');
      await newPage(manager.page, /\/caseload\/handover$/);
      await manager.page.locator('form[aria-busy="false"]').waitFor();
      await chooseByTyping(manager.page, 'Worker handing over', leaving.displayName);
      await chooseByTyping(manager.page, 'Worker receiving', receiving.displayName);
      const chosen = await manager.page.locator('select[name="fromUserId"] option:checked').textContent();
      expect(chosen).toBe(leaving.displayName);
      expect(await manager.page.locator('select[name="toUserId"] option:checked').textContent()).toBe(
        receiving.displayName,
      );
      await manager.page.locator('p.field-hint', { hasText: '2 clients will be handed over.' }).waitFor();
      await pressButton(manager.page, 'Hand over');
      // Nothing moves before the manager confirms what will.
      await waitForFocusOn(manager.page, '#handover-confirm');
      expect(await manager.page.locator('#handover-confirm').textContent()).toBe(
        `Hand over 2 client files from ${leaving.displayName} to ${receiving.displayName}?`,
      );
      await pressButton(manager.page, 'Yes, hand over 2 client files');
      await waitForFocusOn(manager.page, '#handover-result');
      expect(await manager.page.locator('#handover-result').textContent()).toBe(
        `Handed over to ${receiving.displayName}: 2 client files and 2 tasks.`,
      );
      expect(await manager.page.locator('.notice-panel a').allTextContents()).toEqual(
        expect.arrayContaining(['Summary of Anjali Desrosiers-Mensah', 'Summary of Tomasz Achterberg-Lui']),
      );
      expect(manager.problems).toEqual([]);
    } finally {
      await manager.context.close();
    }

    const worker = await openPage(browser, { language: 'en' });
    const addresses: string[] = [];
    worker.page.on('request', (request) => addresses.push(request.url()));
    try {
      await signInContext(worker.context, server, receiving);
      await worker.page.goto(server.url);
      await waitForPageReady(worker.page);
      await followLink(worker.page, 'Notifications', { startsWith: true });
      await newPage(worker.page, /\/notifications$/);
      await followLink(worker.page, 'A caseload was handed over to you.');
      await newPage(worker.page, /\/caseload$/);
      // The search words travel in the request body only.
      await typeInto(worker.page, 'Name or identifier', 'Anjali');
      await worker.page.keyboard.press('Enter');
      await worker.page.locator('.announcement', { hasText: '1 client found' }).waitFor();
      await followLink(worker.page, 'Summary of Anjali Desrosiers-Mensah');
      await newPage(worker.page, new RegExp(`/clients/${anjali?.id ?? ''}/summary$`));
      expect(await worker.page.locator('h1').textContent()).toBe('Summary – Anjali Desrosiers-Mensah');
      const summary = worker.page.locator('.summary-page');
      expect(await summary.textContent()).toContain('First meeting: wants to start a job search this month.');
      expect(await summary.locator('#summary-tasks ~ ul').textContent()).toContain(
        `Call back about the workshop, due ${longDate(todayInToronto(), 'en-CA')} (${receiving.displayName})`,
      );
      expect(await summary.locator('#summary-team ~ ul').textContent()).toContain(
        `${receiving.displayName}, Primary worker, Riverdale Employment Hub`,
      );
      expect(await summary.locator('#summary-team ~ ul').textContent()).not.toContain(leaving.displayName);
      expect(addresses.filter((a) => /anjali|desrosiers/i.test(decodeURIComponent(a)))).toEqual([]);
      expect(worker.problems).toEqual([]);
    } finally {
      await worker.context.close();
    }
  });

  it('a client signs in to their own account, reads their stream and its reasons in French, stops a consent and asks for a review; a manager answers and the client reads it', async () => {
    const { marguerite } = await clientFixtures(server);
    const account = await clientAccountFixture(server);
    const socialAssistance = server.organizations.socialAssistance.name;
    const client = await openPage(browser, { language: 'fr' });
    try {
      await client.page.goto(`${server.url}/sign-in?next=${encodeURIComponent('/my-file')}`);
      await waitForPageReady(client.page);
      await typeInto(client.page, 'Adresse courriel', account.email);
      await typeInto(client.page, 'Mot de passe', account.password);
      await client.page.keyboard.press('Enter');
      await newPage(client.page, /\/my-file$/);
      expect(await client.page.locator('h1').textContent()).toBe('Votre dossier');
      await client.page.locator('.stream-box').waitFor();
      expect(await client.page.locator('.stream-value').textContent()).toBe('Volet C');
      const reasons = await client.page.locator('ul.reasons li').allTextContents();
      expect(reasons.length).toBeGreaterThan(2);
      expect(reasons.join(' ')).toMatch(/logement/);
      expect(await client.page.locator('html').getAttribute('lang')).toBe('fr');

      // Stopping a consent: the organization no longer sees the file, from now on.
      await pressButton(client.page, `Arrêter de partager avec ${socialAssistance}`);
      await waitForFocusOn(client.page, 'section.confirm h3');
      await typeInto(client.page, 'Pourquoi, si vous voulez le dire', 'Je ne suis plus suivie par ce bureau.');
      await pressButton(client.page, 'Arrêter de partager');
      await client.page
        .locator('p.notice', { hasText: `Vous avez arrêté de partager avec ${socialAssistance}.` })
        .waitFor();
      expect(await client.page.locator('tbody tr', { hasText: socialAssistance }).textContent()).toContain('Révoqué');

      // Asking for a review, in the client's own words.
      await tabUntil(client.page, (f) => f.tag === 'textarea' && f.label.startsWith("Qu'est-ce qui n'est pas exact"), {
        what: 'the review reason',
        backwards: true,
        max: 80,
      });
      await client.page.keyboard.type("J'ai trouvé un logement stable le mois dernier.");
      await pressButton(client.page, 'Envoyer ma demande');
      await client.page.locator('p.notice', { hasText: 'Votre demande est envoyée.' }).waitFor();
      expect(await client.page.locator('article.review').first().textContent()).toContain('En attente de réponse');
      expect(client.problems).toEqual([]);
    } finally {
      await client.context.close();
    }
    const caseworker = await clientFixtures(server).then((f) => f.caseworker);
    const outsider = await openPage(browser, { language: 'en' });
    try {
      // The office she stopped sharing with gets the answer a random id gets.
      await signInContext(outsider.context, server, caseworker);
      await outsider.page.goto(`${server.url}/clients/${marguerite.id}`);
      await waitForPageReady(outsider.page);
      expect(await outsider.page.locator('h1').textContent()).toBe('Client file not found');
    } finally {
      await outsider.context.close();
    }

    // The manager finds the review among their tasks and answers it in writing.
    const manager = await openPage(browser, { language: 'en' });
    try {
      await signInContext(manager.context, server, server.users.manager);
      await manager.page.goto(server.url);
      await waitForPageReady(manager.page);
      await followLink(manager.page, 'My tasks');
      await newPage(manager.page, /\/tasks$/);
      const row = manager.page
        .locator('tbody tr', { hasText: "Answer the client's request for a review of their stream" })
        .first();
      expect(await row.textContent()).toContain('Marguerite Tremblay-Okafor');
      await followLink(manager.page, 'Marguerite Tremblay-Okafor');
      await newPage(manager.page, /\/reviews$/);
      expect(await manager.page.locator('article.review').first().textContent()).toContain(
        "J'ai trouvé un logement stable le mois dernier.",
      );
      await typeInto(
        manager.page,
        'Your answer',
        'We read your file again with your new lease; we will reassess you this week.',
      );
      // Tab reaches the first choice of a radio group; the arrow keys move to (and choose) the next.
      await tabUntil(manager.page, (f) => f.tag === 'input' && f.label === 'Upheld: the assessment stays', {
        what: 'the outcome',
      });
      await manager.page.keyboard.press('ArrowDown');
      expect(await manager.page.locator('input[type="radio"]:checked + label').textContent()).toBe(
        'Changed: the assessment will be redone',
      );
      await pressButton(manager.page, 'Send the answer');
      await waitForFocusOn(manager.page, 'p.notice');
      expect(await manager.page.locator('p.notice').textContent()).toBe(
        'The answer is recorded (Changed: the assessment will be redone). The client can read it.',
      );
      expect(await manager.page.locator('article.review').first().textContent()).toContain('Answered');
      expect(manager.problems).toEqual([]);
    } finally {
      await manager.context.close();
    }

    const again = await openPage(browser, { language: 'fr' });
    try {
      await signInContext(again.context, server, account);
      await again.page.goto(`${server.url}/my-file`);
      await waitForPageReady(again.page);
      const answered = again.page.locator('article.review').first();
      await answered.locator('text=Notre réponse').waitFor();
      expect(await answered.textContent()).toContain('We read your file again with your new lease');
    } finally {
      await again.context.close();
    }
  });

  // The holding agency's other tools, through the page as a person would use them (pointer or keyboard).
  it('attaches a résumé read in the browser, puts the file on hold and resumes it, invites the client, adds a colleague and (through the client’s consent) the client’s caseworker at another agency, and moves the file to another agency', async () => {
    const counsellor = await apiAs(server, server.user.email);
    const dmitri = await counsellor.post<ClientView>('/api/clients', {
      ...dmitriRecord,
      givenName: 'Dmitra',
      email: 'dmitra@example.org',
      notADuplicate: { reason: 'A different person: checked the date of birth with the client' },
    });
    const colleague = await seedPerson(server, 'bilingual', ['job_developer'], 'streetcars along spadina avenue');
    const receiver = await seedPerson(
      server,
      'community',
      ['employment_counsellor'],
      'the bluffs at scarborough in june',
    );
    const caseworker = await seedPerson(server, 'socialAssistance', ['caseworker'], 'ferries to ward island at dusk');
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      // The manager sees the agency's staff when adding to the team.
      await signInContext(context, server, server.users.manager);
      await page.goto(`${server.url}/clients/${dmitri.id}/team`);
      await waitForPageReady(page);
      await page.locator('select[name="userId"]').selectOption({ label: colleague.displayName });
      await page.locator('select[name="teamRole"]').selectOption('job_developer');
      await page.getByRole('button', { name: 'Add to the team' }).click();
      await page.locator('p.notice', { hasText: `${colleague.displayName} is on the case team.` }).waitFor();
      expect(await page.locator('tbody tr', { hasText: colleague.displayName }).textContent()).toContain(
        'Job developer',
      );
      // The team's lists reload after an addition: let them finish before another person signs in here.
      await waitForPageReady(page);

      // A counsellor adds the client's Ontario Works caseworker, offered once the client's consent names the office.
      const office = server.organizations.socialAssistance;
      await counsellor.post(`/api/clients/${dmitri.id}/consents`, {
        organizationId: office.id,
        categories: ['identity_contact', 'plan', 'notes'],
        purpose: 'integrated_case_management',
        method: 'in_person',
        evidence: 'Agreed at the office; form signed',
        expiresOn: `${new Date().getUTCFullYear() + 1}-06-30`,
      });
      await signInContext(context, server, server.user);
      await page.goto(`${server.url}/clients/${dmitri.id}/team`);
      await waitForPageReady(page);
      await page
        .locator('select[name="userId"]')
        .selectOption({ label: `${caseworker.displayName} (${office.name}, through the client's consent)` });
      await page.locator('select[name="teamRole"]').selectOption('caseworker');
      await page.getByRole('button', { name: 'Add to the team' }).click();
      await page.locator('p.notice', { hasText: `${caseworker.displayName} is on the case team.` }).waitFor();
      expect(await page.locator('tbody tr', { hasText: caseworker.displayName }).textContent()).toContain(office.name);

      await signInContext(context, server, server.user);
      await page.goto(`${server.url}/clients/${dmitri.id}/attachments`);
      await waitForPageReady(page);
      await page.locator('select[name="attachmentKind"]').selectOption('resume');
      await page.locator('input[type="file"]').setInputFiles({
        name: 'dmitra-resume.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Dmitra Oyelaran-Castillo\nWarehouse associate, 2015–2023\n'),
      });
      await page.getByRole('button', { name: 'Attach the document' }).click();
      await page.locator('p.notice', { hasText: 'dmitra-resume.txt is attached to the file.' }).waitFor();
      const link = page.getByRole('link', { name: 'Download dmitra-resume.txt' });
      const download = await context.request.get(`${server.url}${(await link.getAttribute('href')) ?? ''}`);
      expect(await download.text()).toContain('Warehouse associate');

      await page.goto(`${server.url}/clients/${dmitri.id}/manage`);
      await waitForPageReady(page);
      await page.getByLabel('Put the file on hold').check();
      await page.getByRole('button', { name: 'Change the status' }).click();
      await page.locator('p.notice', { hasText: 'Its status is now “On hold”.' }).waitFor();
      await page.getByLabel('Resume the file').check();
      await page.getByRole('button', { name: 'Change the status' }).click();
      await page.locator('p.notice', { hasText: 'Its status is now “Active”.' }).waitFor();
      await page.getByRole('button', { name: 'Send the invitation' }).click();
      await page.locator('p.notice', { hasText: 'The invitation is sent to dmitra@example.org.' }).waitFor();

      // A transfer: the request carries the client's consent; the receiving agency finds it in its
      // transfers and accepts; the holder sees it accepted in its own and releases.
      await page.goto(`${server.url}/clients/${dmitri.id}/transfers`);
      await waitForPageReady(page);
      await page.locator('form[aria-busy="false"]').waitFor();
      await page.locator('main select').first().selectOption(server.organizations.community.id);
      await page.locator('select[name="askedBy"]').selectOption('client');
      await page.getByRole('button', { name: 'Record the transfer' }).click();
      // Without the client's consent, nothing is sent: the form says what is missing.
      await page.locator('.error-summary, [role="alert"]').first().waitFor();
      await page.getByLabel('Identity and contact').check();
      await page.getByLabel('Employment', { exact: true }).check();
      await page.locator('select[name="method"]').selectOption('written');
      await page.getByLabel('Evidence').fill('Signed transfer form');
      await page.getByRole('button', { name: 'Record the transfer' }).click();
      await page
        .locator('p.notice', { hasText: `The transfer to ${server.organizations.community.name} is recorded.` })
        .waitFor();

      await signInContext(context, server, receiver);
      await page.goto(`${server.url}/transfers`);
      await waitForPageReady(page);
      const incoming = page.locator('section', { hasText: 'Coming to your agency' });
      await incoming.getByRole('link', { name: /Open the file of Dmitr/ }).waitFor();
      await incoming.getByRole('button', { name: 'Accept the transfer' }).click();
      await page.locator('p.notice', { hasText: 'The transfer is accepted.' }).waitFor();

      await signInContext(context, server, server.user);
      await page.goto(`${server.url}/transfers`);
      await waitForPageReady(page);
      const outgoing = page.locator('section', { hasText: 'Leaving your agency' });
      await outgoing
        .getByRole('button', { name: `Release the file to ${server.organizations.community.name}` })
        .click();
      await page
        .locator('p.notice', { hasText: `The file is released: ${server.organizations.community.name} holds it now.` })
        .waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('from intake, an agency asks for a record it may not see; the holding agency grants it with the client’s consent', async () => {
    const { caseworker } = await clientFixtures(server);
    const riverdale = server.organizations.bilingual;
    const { context, page, problems } = await openPage(browser, { language: 'en' });
    try {
      await signInContext(context, server, server.user);
      await page.goto(`${server.url}/clients/new`);
      await waitForPageReady(page);
      await page.locator('input[name="givenName"]').fill('Marguerite');
      await page.locator('input[name="familyName"]').fill('Tremblay-Okafor');
      await page.locator('input[name="dateOfBirth-year"]').fill('1979');
      await page.locator('input[name="dateOfBirth-month"]').fill('5');
      await page.locator('input[name="dateOfBirth-day"]').fill('14');
      await page.locator('main form button[type="submit"]').click();
      await page.getByRole('button', { name: 'Ask for access' }).click();
      await waitForFocusOn(page, '.match-hidden h3');
      await page
        .getByLabel('Why your agency needs the file')
        .fill('She asked us for help with her job search and named your office.');
      await page.getByRole('button', { name: 'Send the request' }).click();
      await page.locator('.match-hidden .notice', { hasText: 'Your request is sent.' }).waitFor();
      expect(problems).toEqual([]);

      await signInContext(context, server, caseworker);
      await page.goto(`${server.url}/access-requests`);
      await waitForPageReady(page);
      const request = page
        .locator('li', { has: page.locator(`article[aria-label="Request from ${riverdale.name}"]`) })
        .first();
      await request.locator('text=No active consent names').waitFor();
      const clientPath =
        (await request.getByRole('link', { name: "Open the client's file" }).getAttribute('href')) ?? '';
      // The client agrees: the office records the consent naming Riverdale, then grants the request.
      const office = await apiAs(server, caseworker.email);
      await office.post(`/api/clients${clientPath.replace('/clients', '')}/consents`, {
        organizationId: riverdale.id,
        categories: ['identity_contact', 'employment'],
        purpose: 'integrated_case_management',
        method: 'in_person',
        evidence: 'Agreed in person at the office',
        expiresOn: monthsFromToday(6),
      });
      await page.reload();
      await waitForPageReady(page);
      const form = page
        .locator('li', { has: page.locator(`article[aria-label="Request from ${riverdale.name}"]`) })
        .first()
        .locator('form');
      await form.locator('select[name="consentId"]').selectOption({ index: 1 });
      await form.getByRole('button', { name: 'Grant access' }).click();
      await page.locator('p.notice', { hasText: `Access is granted to ${riverdale.name}.` }).waitFor();

      await signInContext(context, server, server.user);
      await page.goto(`${server.url}/access-requests`);
      await waitForPageReady(page);
      await page.getByRole('link', { name: 'Open the file you were granted' }).first().click();
      await page.waitForURL(new RegExp(`${clientPath}$`));
      await waitForPageReady(page);
      expect(await page.locator('h1').textContent()).toBe('Marguerite Tremblay-Okafor');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
