import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeJobOrder } from '../factories.ts';
import {
  axeViolations,
  launchBrowser,
  openPage,
  signInContext,
  skipBrowserSuite,
  startTestServer,
  tabUntil,
  type TestServer,
  waitForReadySelectors,
} from './harness.ts';
import { apiAs, seedPerson, todayInToronto, type Person } from './client-fixtures.ts';

const SUITE = 'web: an employer event from its listing to a hire counted';

// A job developer lists a job fair held today and puts in an employer; the employer, in French at phone
// width, finds it in its notifications and brings a job order; a counsellor registers a client from the
// client's Jobs page, records that she came and proposes her for the job on offer; the job developer
// reads the results; a counsellor of another agency sees the event but none of those names. Axe-clean at
// every stop. (The fair runs from 00:00 to 23:59 today, Toronto time, so it has started and not ended.)
describe.skipIf(skipBrowserSuite(SUITE))(SUITE, () => {
  let server: TestServer;
  let browser: Browser;
  let developer: Person;
  let counsellor: Person;
  let outsider: Person;
  let employerUser: Person;
  let clientId: string;
  const jobTitle = 'Banquet server';
  const eventTitle = 'Danforth hospitality job fair';
  let eventUrl = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    developer = await seedPerson(server, 'bilingual', ['job_developer'], 'ferries leave from jack layton terminal');
    counsellor = await seedPerson(server, 'bilingual', ['employment_counsellor'], 'the bloor viaduct at dusk');
    outsider = await seedPerson(server, 'community', ['employment_counsellor'], 'kensington market on sunday');
    employerUser = await seedPerson(server, 'employer', ['employer_user'], 'a harbour view from the ninth floor');
    const api = await apiAs(server, counsellor.email);
    clientId = (
      await api.post<{ id: string }>('/api/clients', {
        givenName: 'Nadia',
        familyName: 'Haddad-Moreau',
        dateOfBirth: '1994-03-22',
        educationLevel: 'college',
        incomeSource: 'ontario_works',
      })
    ).id;
    await makeJobOrder(server.db, server.organizations.employer.id, { title: jobTitle, nocCode: '65200' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const noViolations = async (page: Page) => expect(await axeViolations(page)).toEqual([]);
  const ready = waitForReadySelectors;
  const shot = async (page: Page, name: string) => {
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
  };

  it('is listed, joined by the employer, attended and judged by what it gave', async () => {
    // The job developer lists the fair; a missing end time is refused in words first.
    const developing = await openPage(browser, { language: 'en' });
    await signInContext(developing.context, server, developer);
    const page = developing.page;
    await page.goto(`${server.url}/events`);
    await ready(page);
    await noViolations(page);
    await page.getByRole('link', { name: 'List an event' }).click();
    await page.waitForURL(/\/events\/new$/);
    await ready(page);
    await page.getByLabel('Kind of event').selectOption('job_fair');
    await page.getByLabel('Title').fill('Danforth job fair');
    const [year, month, day] = todayInToronto().split('-');
    await page.getByLabel('Year').fill(year!);
    await page.getByLabel('Month').fill(month!);
    await page.getByLabel('Day', { exact: true }).fill(day!);
    await page.getByLabel('Starts at').fill('00:00');
    await page.getByLabel('Street address').fill('720 Danforth Ave');
    await page.getByLabel('Postal code').fill('m4j 1l1');
    await page.getByRole('button', { name: 'List the event' }).click();
    await page.getByRole('link', { name: 'Enter an end time after the start, on a day still to come.' }).waitFor();
    await noViolations(page);
    await page.getByLabel('Ends at').fill('23:59');
    await page.getByRole('button', { name: 'List the event' }).click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    eventUrl = page.url();
    await ready(page);
    await page.getByRole('heading', { name: 'Danforth job fair', level: 1 }).waitFor();
    // The keeper changes its title from the form, filled in with what it holds.
    await page.getByRole('link', { name: 'Change the event’s details' }).click();
    await page.waitForURL(`${eventUrl}/edit`);
    await ready(page);
    expect(await page.getByLabel('Ends at').inputValue()).toBe('23:59');
    await noViolations(page);
    await page.getByLabel('Title').fill(eventTitle);
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.waitForURL(eventUrl);
    await ready(page);
    await page.getByRole('heading', { name: eventTitle, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Results: judged by hires' }).waitFor();

    // It puts in the employer, found by name.
    await page.getByLabel('Employer’s name').fill(server.organizations.employer.name.slice(0, 8));
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: `Add ${server.organizations.employer.name}` }).click();
    await page.locator('p.notice', { hasText: `${server.organizations.employer.name} takes part` }).waitFor();
    await noViolations(page);
    await shot(page, 'event-keeper');
    expect(developing.problems).toEqual([]);

    // The employer, in French at phone width, follows its notification and brings its job order.
    const employing = await openPage(browser, { language: 'fr', width: 360, height: 800 });
    await signInContext(employing.context, server, employerUser);
    const employer = employing.page;
    await employer.goto(`${server.url}/notifications`);
    await ready(employer);
    await employer.getByRole('link', { name: `Votre organisation participe à ${eventTitle}.` }).click();
    await employer.waitForURL(eventUrl);
    await ready(employer);
    await employer.getByLabel(jobTitle).check();
    await employer.getByRole('button', { name: 'Enregistrer les offres proposées' }).click();
    await employer.locator('p.notice', { hasText: 'sont enregistrées' }).waitFor();
    await employer.getByRole('link', { name: jobTitle }).waitFor();
    await noViolations(employer);
    expect(await employer.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The employer never reads who is registered, nor the results.
    expect(await employer.getByText('Résultats : jugés aux embauches').count()).toBe(0);
    await shot(employer, 'event-employer-fr');
    expect(employing.problems).toEqual([]);

    // The counsellor registers the client from her Jobs page, by keyboard.
    const counselling = await openPage(browser, { language: 'en' });
    await signInContext(counselling.context, server, counsellor);
    const work = counselling.page;
    await work.goto(`${server.url}/clients/${clientId}/jobs`);
    await ready(work);
    await work.getByRole('heading', { name: 'Employer events' }).waitFor();
    const choice = work.getByLabel('Event', { exact: true });
    await choice.selectOption(eventUrl.split('/').pop()!);
    await choice.focus();
    await tabUntil(work, (f) => f.tag === 'button' && f.text === 'Register the client', { what: 'register', max: 10 });
    await work.keyboard.press('Enter');
    await work.locator('p.notice', { hasText: `Registered for ${eventTitle}.` }).waitFor();
    await work.getByRole('link', { name: eventTitle }).click();
    await work.waitForURL(eventUrl);
    await ready(work);
    await work.getByRole('heading', { name: 'Your agency’s registrations' }).waitFor();
    await work.getByRole('button', { name: 'Nadia Haddad-Moreau came' }).click();
    await work.locator('p.notice', { hasText: 'Recorded: Nadia Haddad-Moreau came.' }).waitFor();
    await work.getByLabel('Job order to propose Nadia Haddad-Moreau for').selectOption({ label: jobTitle });
    await work.getByRole('button', { name: 'Propose Nadia Haddad-Moreau' }).click();
    await work.locator('p.notice', { hasText: 'Nadia Haddad-Moreau is proposed.' }).waitFor();
    await noViolations(work);
    await shot(work, 'event-registrations');
    expect(counselling.problems).toEqual([]);

    // The keeper reads what the fair gave, as a chart and a table.
    await page.reload();
    await ready(page);
    const results = page.locator('section', { has: page.getByRole('heading', { name: 'Results: judged by hires' }) });
    await expect
      .poll(async () => (await results.locator('table').innerText()).replace(/\s+/g, ' '))
      .toContain('Clients registered 1 Came 1 Placements proposed 1 Interviews 0 Hires 0');
    await noViolations(page);

    // A counsellor of another agency sees the fair, none of these names, no results.
    const elsewhere = await openPage(browser, { language: 'en' });
    await signInContext(elsewhere.context, server, outsider);
    await elsewhere.page.goto(eventUrl);
    await ready(elsewhere.page);
    await elsewhere.page.getByText('Your agency has registered no client yet.').waitFor();
    expect(await elsewhere.page.getByText('Nadia Haddad-Moreau').count()).toBe(0);
    expect(await elsewhere.page.getByText('Results: judged by hires').count()).toBe(0);
    await noViolations(elsewhere.page);
    expect(elsewhere.problems).toEqual([]);
  });
});
