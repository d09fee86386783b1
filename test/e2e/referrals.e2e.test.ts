import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { systemActor } from '../../src/access/actor.ts';
import { withTransaction } from '../../src/db/database.ts';
import { newServiceSchema } from '../../src/domain/directory/service.ts';
import { createService } from '../../src/domain/directory/service.service.ts';
import { momentNow } from '../clock.ts';
import { addDays } from '../../src/lib/dates.ts';
import {
  axeViolations,
  focusedElement,
  launchBrowser,
  openPage,
  signInContext,
  skipBrowserSuite,
  startTestServer,
  tabUntil,
  type TestServer,
  waitForReadySelectors,
} from './harness.ts';
import { apiAs, seedPerson, type Person } from './client-fixtures.ts';

const SUITE = 'web: closed-loop referrals between two agencies';

// A counsellor refers a client to another agency's program from the client's file, recording the
// client's consent in the same step; the receiving counsellor finds it in the inbox (in French, by
// keyboard) and accepts; the sender sees it accepted in the outbox. Axe-clean, and at phone width.
describe.skipIf(skipBrowserSuite(SUITE))(SUITE, () => {
  let server: TestServer;
  let browser: Browser;
  let sender: Person;
  let receiver: Person;
  let clientId: string;
  const programName = 'Warehouse and forklift certificate';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const community = server.organizations.community;
    await withTransaction(server.db, (trx) =>
      createService(
        trx,
        systemActor('test'),
        newServiceSchema.parse({
          organizationId: community.id,
          name: programName,
          nameFr: 'Certificat d’entrepôt et de chariot élévateur',
          description: 'Six weeks of warehouse skills and a forklift licence, with a job fair at the end.',
          interventionTypes: ['training'],
          intakeWindows: [{ opensOn: momentNow().today }],
          seats: 20,
          seatsOpen: 6,
        }),
        momentNow(),
      ),
    );
    sender = await seedPerson(server, 'bilingual', ['employment_counsellor'], 'a ferry to ward island at dusk');
    receiver = await seedPerson(server, 'community', ['employment_counsellor'], 'the humber river in october');
    const api = await apiAs(server, sender.email);
    clientId = (
      await api.post<{ id: string }>('/api/clients', {
        givenName: 'Tomasz',
        familyName: 'Wiśniewski-Ade',
        dateOfBirth: '1988-03-09',
        educationLevel: 'high_school',
        incomeSource: 'ontario_works',
      })
    ).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const noViolations = async (page: Page) => expect(await axeViolations(page)).toEqual([]);
  const ready = waitForReadySelectors;
  // The refusal the test provokes on purpose (no consent yet) is the one console error allowed.
  const unexpected = (problems: string[]) =>
    problems.filter((p) => !/status of 400 \(Bad Request\) \(http:\/\/[^)]+\/referrals\)/.test(p));

  it('sends, receives and accepts a referral, each side seeing where it stands', async () => {
    // The sender refers from the client's file.
    const sending = await openPage(browser, { language: 'en' });
    await signInContext(sending.context, server, sender);
    const page = sending.page;
    await page.goto(`${server.url}/clients/${clientId}/referrals`);
    await ready(page);
    await page.getByLabel('Program, skill or trade').fill('forklift');
    await page.getByRole('button', { name: 'Find programs' }).click();
    await page.getByLabel(new RegExp(`^${programName}`)).check();
    await page
      .getByLabel('Why you refer the client', { exact: false })
      .fill('Has a G licence; wants steady day shifts.');
    // No consent names the receiving agency yet: the server asks for it, in words.
    await page.getByRole('button', { name: 'Send the referral' }).click();
    await page
      .getByText('Record the client’s consent for the receiving agency to see parts of the file.')
      .first()
      .waitFor();
    await page.getByLabel('Identity and contact', { exact: false }).check();
    await page.getByLabel('Employment', { exact: false }).first().check();
    await page.getByLabel('How the client gave it').selectOption('in_person');
    await page.getByLabel('Evidence').fill('Signed referral form');
    await page.getByRole('button', { name: 'Send the referral' }).click();
    await page.locator('p.notice', { hasText: `The referral to ${programName} is sent` }).waitFor();
    await page.getByRole('cell', { name: 'Sent' }).first().waitFor();
    await noViolations(page);
    expect(unexpected(sending.problems)).toEqual([]);

    // The receiving counsellor, in French, finds it in the inbox and accepts it by keyboard.
    const receiving = await openPage(browser, { language: 'fr' });
    await signInContext(receiving.context, server, receiver);
    const inbox = receiving.page;
    await inbox.goto(`${server.url}/referrals`);
    await ready(inbox);
    await noViolations(inbox);
    await tabUntil(inbox, (f) => f.tag === 'a' && f.text === 'Tomasz Wiśniewski-Ade', {
      what: 'the client’s link',
      max: 60,
    });
    await inbox.keyboard.press('Enter');
    await inbox.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    await ready(inbox);
    await inbox.getByText('Has a G licence; wants steady day shifts.').waitFor();
    await noViolations(inbox);
    // The choices are one radio group: Tab reaches it, the arrow keys choose within it.
    await tabUntil(inbox, (f) => f.label.startsWith('Marquer comme reçu'), { what: 'the next steps', max: 60 });
    await inbox.keyboard.press('ArrowDown');
    expect((await focusedElement(inbox)).label).toBe('Accepter le client');
    await tabUntil(inbox, (f) => f.tag === 'button' && f.text === 'Enregistrer cette étape', { what: 'save', max: 20 });
    await inbox.keyboard.press('Enter');
    await inbox.locator('p.notice', { hasText: 'L’aiguillage est maintenant\u00a0: Accepté.' }).waitFor();
    await noViolations(inbox);
    expect(receiving.problems).toEqual([]);

    // The sender sees it accepted in the outbox, and on the phone the table stacks without overflow.
    await page.setViewportSize({ width: 320, height: 720 });
    await page.goto(`${server.url}/referrals?box=outbox`);
    await ready(page);
    await page.getByText('Accepted', { exact: true }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await noViolations(page);
    await sending.context.close();
    await receiving.context.close();

    // The receiving agency's manager reads the loop closed in the referral measures: one referral is
    // under the minimum cell, so its figures are withheld, in words, in the table and the chart.
    const manager = await seedPerson(server, 'community', ['agency_manager'], 'the leslie street spit at dawn');
    const reading = await openPage(browser, { language: 'en' });
    await signInContext(reading.context, server, manager);
    await reading.page.goto(`${server.url}/reports/assessments`);
    await ready(reading.page);
    const measures = reading.page.locator('section#referrals');
    await measures.getByRole('heading', { name: 'Referrals: closing the loop' }).waitFor();
    await measures.locator('tbody th', { hasText: server.organizations.community.name }).waitFor();
    await measures.locator('figure.chart').waitFor();
    await noViolations(reading.page);
    expect(unexpected(reading.problems)).toEqual([]);
    await reading.context.close();
  });

  it('refers a client to a named specialist at another agency, found by name in French; the specialist finds it in their inbox', async () => {
    const specialist = await seedPerson(server, 'community', ['job_developer'], 'the don river valley trail');
    const api = await apiAs(server, sender.email);
    const client = (
      await api.post<{ id: string }>('/api/clients', {
        givenName: 'Élodie',
        familyName: 'Mbeki-Tran',
        dateOfBirth: '1995-11-02',
        educationLevel: 'college',
        incomeSource: 'none',
      })
    ).id;
    await api.post(`/api/clients/${client}/consents`, {
      organizationId: server.organizations.community.id,
      categories: ['identity_contact', 'employment'],
      purpose: 'referral',
      method: 'in_person',
      evidence: 'Signed form',
      expiresOn: addDays(momentNow().today, 90),
    });

    const sending = await openPage(browser, { language: 'fr' });
    await signInContext(sending.context, server, sender);
    const page = sending.page;
    await page.goto(`${server.url}/clients/${client}/referrals`);
    await ready(page);
    // The last word of a test user's name is unique to them.
    const word = specialist.displayName.split(' ').pop()!;
    await page.getByLabel('Nom de la personne ou de l’organisme').fill(word);
    await page.getByRole('button', { name: 'Trouver le personnel' }).click();
    await page.getByText('Personnel trouvé\u00a0: 1').waitFor();
    await page
      .getByLabel(`${specialist.displayName} (Développeur d'emplois), ${server.organizations.community.name}`)
      .check();
    await page.getByLabel('Pourquoi vous aiguillez', { exact: false }).fill('Cherche un emploi en logistique.');
    await noViolations(page);
    await page.getByRole('button', { name: 'Envoyer l’aiguillage' }).click();
    await page.locator('p.notice', { hasText: specialist.displayName }).waitFor();
    expect(sending.problems).toEqual([]);
    await sending.context.close();

    // The specialist, in English, has it in the inbox and a notification that names it.
    const receiving = await openPage(browser, { language: 'en', width: 375, height: 800 });
    await signInContext(receiving.context, server, specialist);
    const inbox = receiving.page;
    await inbox.goto(`${server.url}/referrals`);
    await ready(inbox);
    await inbox.getByRole('link', { name: 'Élodie Mbeki-Tran' }).waitFor();
    await noViolations(inbox);
    await inbox.goto(`${server.url}/notifications`);
    await ready(inbox);
    // Named, the specialist holds the task to answer it, and the notification says so, with the client.
    await inbox.getByText('A task was assigned to you.').first().waitFor();
    await inbox.getByText('Client: Élodie Mbeki-Tran').first().waitFor();
    await inbox.goto(`${server.url}/tasks`);
    await ready(inbox);
    await inbox.getByText('Answer the referral').first().waitFor();
    expect(await inbox.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(receiving.problems).toEqual([]);
    await receiving.context.close();
  });

  it('recruits for a program with open seats: the worker’s clients who fit, referred in one step', async () => {
    const community = server.organizations.community;
    const today = momentNow().today;
    const program = await withTransaction(server.db, (trx) =>
      createService(
        trx,
        systemActor('test'),
        newServiceSchema.parse({
          organizationId: community.id,
          name: 'Youth kitchen skills',
          nameFr: 'Compétences en cuisine pour les jeunes',
          description: 'Eight weeks in a working kitchen, with food handler certification and a paid placement.',
          interventionTypes: ['training'],
          targetPopulations: ['youth'],
          minimumAge: 18,
          maximumAge: 45,
          seats: 12,
          seatsOpen: 5,
        }),
        momentNow(),
      ),
    );
    const api = await apiAs(server, sender.email);
    const newClient = async (givenName: string, familyName: string, dateOfBirth: string) =>
      (
        await api.post<{ id: string }>('/api/clients', {
          givenName,
          familyName,
          dateOfBirth,
          educationLevel: 'college',
          incomeSource: 'none',
        })
      ).id;
    const amira = await newClient('Amira', 'Haddad-Okafor', '2002-05-20');
    const bea = await newClient('Béatrice', 'Lavoie-Chen', '1990-08-08');
    // Béatrice already shares her file with the program's agency: one button refers her.
    await api.post(`/api/clients/${bea}/consents`, {
      organizationId: community.id,
      categories: ['identity_contact'],
      purpose: 'referral',
      method: 'in_person',
      evidence: 'Signed form',
      expiresOn: addDays(today, 90),
    });

    const { page, context, problems } = await openPage(browser, { language: 'en' });
    await signInContext(context, server, sender);
    await page.goto(`${server.url}/services/${program.id}`);
    await ready(page);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Your clients who may fit' }) });
    const amiraRow = section.locator('tr', { hasText: 'Amira Haddad-Okafor' });
    await amiraRow.getByText('Among the people it is for: Youth').waitFor();
    await amiraRow.getByText('Within the program’s ages').waitFor();
    await noViolations(page);
    await section.getByRole('button', { name: 'Refer Béatrice Lavoie-Chen to this program' }).click();
    await page.locator('p.notice', { hasText: 'Béatrice Lavoie-Chen was referred to this program.' }).waitFor();
    await section.locator('tr', { hasText: 'Béatrice Lavoie-Chen' }).waitFor({ state: 'detached' });

    // Amira's consent is still to record: the link opens her referral form with the program chosen.
    await amiraRow.getByRole('link', { name: 'Refer Amira Haddad-Okafor, with their consent' }).click();
    await page.waitForURL(new RegExp(`/clients/${amira}/referrals\\?service=`));
    await ready(page);
    expect(await page.getByLabel(/^Youth kitchen skills/).isChecked()).toBe(true);
    await page.getByLabel('Identity and contact', { exact: false }).check();
    await page.getByLabel('How the client gave it').selectOption('in_person');
    await page.getByLabel('Evidence').fill('Signed referral form');
    await page.getByRole('button', { name: 'Send the referral' }).click();
    await page.locator('p.notice', { hasText: 'The referral to Youth kitchen skills is sent' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();

    // The receiving agency has both in its inbox.
    const inbox = await apiAs(server, receiver.email);
    const received = await inbox.get<{ items: { clientId: string }[] }>('/api/referrals?box=inbox&perPage=50');
    expect(received.items.map((r) => r.clientId)).toEqual(expect.arrayContaining([amira, bea]));

    // In French at phone width, the list stacks without overflow and stays axe-clean.
    const phone = await openPage(browser, { language: 'fr' });
    await signInContext(phone.context, server, sender);
    await phone.page.setViewportSize({ width: 320, height: 720 });
    await newClient('Noor', 'Abdi-Santos', '2004-01-02');
    await phone.page.goto(`${server.url}/services/${program.id}`);
    await ready(phone.page);
    await phone.page.getByRole('heading', { name: 'Vos clients qui pourraient convenir' }).waitFor();
    await phone.page.getByText('Parmi les personnes visées\u00a0: Jeunes').first().waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await noViolations(phone.page);
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });

  it('ranks the programs that fit a client now, with the reasons, and opens the referral on the one chosen', async () => {
    const api = await apiAs(server, sender.email);
    const seeker = (
      await api.post<{ id: string }>('/api/clients', {
        givenName: 'Héloïse',
        familyName: 'Mbeki-Laurent',
        dateOfBirth: '1990-05-17',
        educationLevel: 'high_school',
        incomeSource: 'ontario_works',
        preferredLanguage: 'fr',
        goals: { targetNocCodes: ['75101'] },
      })
    ).id;
    const { page, context, problems } = await openPage(browser, { language: 'fr', width: 360, height: 800 });
    await signInContext(context, server, sender);
    await page.goto(`${server.url}/clients/${seeker}/referrals`);
    await ready(page);
    await page.getByRole('heading', { name: 'Programmes qui conviennent maintenant' }).waitFor();
    const program = 'Certificat d’entrepôt et de chariot élévateur';
    await page.getByRole('link', { name: program, exact: true }).waitFor();
    await page.getByText(`Pourquoi ${program} convient`).click();
    await page.getByText('Il admet des personnes maintenant.').first().waitFor();
    await noViolations(page);
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: `${process.env.SCREENSHOTS}/program-matches-fr-phone.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Chosen by keyboard: the referral form opens with the program chosen, and the reader is taken there.
    await tabUntil(page, (f) => f.tag === 'a' && f.text === `Aiguiller le client vers ${program}`, {
      what: 'refer',
      max: 80,
    });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?service=[0-9a-f-]{36}#refer$/);
    await page.getByRole('heading', { name: 'Aiguiller le client vers un programme' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    expect(await page.getByLabel(new RegExp(`^${program}`)).isChecked()).toBe(true);
    await noViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
