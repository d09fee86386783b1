import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeJobOrder, makeOrganization } from '../factories.ts';
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
import { apiAs, seedPerson, todayInToronto, type Person } from './client-fixtures.ts';

const SUITE = 'web: a placement from a match to a hire, both sides';

// A job developer finds a client among a job order's best candidates and proposes them; a counsellor of
// the same agency shares the proposal with the employer, recording the client's consent; the employer,
// in French at phone width, finds the candidate in its inbox, records the interview, the offer and the
// hire; the job developer hears of it. Axe-clean at every stop.
describe.skipIf(skipBrowserSuite(SUITE))(SUITE, () => {
  let server: TestServer;
  let browser: Browser;
  let developer: Person;
  let counsellor: Person;
  let employerUser: Person;
  let clientId: string;
  const jobTitle = 'Pastry cook (work placement)';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    developer = await seedPerson(server, 'bilingual', ['job_developer'], 'croissants at st lawrence market');
    counsellor = await seedPerson(server, 'bilingual', ['employment_counsellor'], 'streetcar along queen street');
    employerUser = await seedPerson(server, 'employer', ['employer_user'], 'a harbour view from the ninth floor');
    const api = await apiAs(server, counsellor.email);
    clientId = (
      await api.post<{ id: string }>('/api/clients', {
        givenName: 'Amara',
        familyName: 'Okafor-Lindqvist',
        dateOfBirth: '1991-07-14',
        educationLevel: 'college',
        incomeSource: 'ontario_works',
        email: 'amara@example.org',
      })
    ).id;
    await server.db
      .updateTable('clients')
      .set({ targetNocCodes: ['63202'], hoursWanted: 30, postalCode: 'M4J 1L1' })
      .where('id', '=', clientId)
      .execute();
    await makeJobOrder(server.db, server.organizations.employer.id, {
      title: jobTitle,
      nocCode: '63202',
      hoursPerWeek: 30,
      postalCode: 'M4M 1Z3',
      wilType: 'work_placement',
      openings: 1,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const noViolations = async (page: Page) => expect(await axeViolations(page)).toEqual([]);
  const ready = waitForReadySelectors;
  // SCREENSHOTS=dir saves what each side saw, to look at by eye.
  const shot = async (page: Page, name: string) => {
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
  };

  it('is proposed from the candidates, shared under consent, and answered by the employer to a hire', async () => {
    // The job developer finds the job order and its best candidates.
    const developing = await openPage(browser, { language: 'en' });
    await signInContext(developing.context, server, developer);
    const page = developing.page;
    await page.goto(`${server.url}/jobs?q=pastry`);
    await ready(page);
    await noViolations(page);
    await page.getByRole('link', { name: jobTitle }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await ready(page);
    await page.getByRole('heading', { name: /^Decent-work score: \d+ out of 100$/ }).waitFor();
    await page.getByRole('link', { name: 'Amara Okafor-Lindqvist' }).waitFor();
    await page.getByText('Why Amara Okafor-Lindqvist fits').click();
    await page.getByText("The job's occupation, Bakers (63202), is one of the client's goals.").waitFor();
    await noViolations(page);
    await shot(page, 'job-candidates');
    await page.getByRole('button', { name: 'Propose Amara Okafor-Lindqvist' }).click();
    await page.waitForURL(/\/placements\/[0-9a-f-]{36}$/);
    const placementUrl = page.url();
    await ready(page);
    await page.getByRole('heading', { name: `Amara Okafor-Lindqvist for ${jobTitle}` }).waitFor();
    await page.getByText('Not shared with the employer yet').waitFor();
    await noViolations(page);
    expect(developing.problems).toEqual([]);

    // The counsellor shares it with the employer, recording the client's consent, by keyboard.
    const sharing = await openPage(browser, { language: 'en' });
    await signInContext(sharing.context, server, counsellor);
    const share = sharing.page;
    await share.goto(placementUrl);
    await ready(share);
    await tabUntil(share, (f) => f.label === 'Share with the employer', { what: 'the next steps', max: 60 });
    await share.keyboard.press('Space');
    await share.getByLabel('Record the client’s consent now', { exact: false }).check();
    await share.getByLabel('Identity and contact', { exact: false }).check();
    await share.getByLabel('Employment', { exact: false }).first().check();
    await share.getByLabel('How the client gave it').selectOption('in_person');
    await share.getByLabel('Evidence').fill('Signed placement consent form');
    await share.getByLabel('Note for both sides').fill('Available from Monday; prefers early shifts.');
    await shot(share, 'share-form');
    await tabUntil(share, (f) => f.tag === 'button' && f.text === 'Record', { what: 'save', max: 20 });
    await share.keyboard.press('Enter');
    await share.locator('p.notice', { hasText: 'Recorded: Shared with the employer.' }).waitFor();
    await share.getByText('Shared with the employer: Identity and contact, Employment', { exact: false }).waitFor();
    await noViolations(share);
    expect(sharing.problems).toEqual([]);

    // The employer, in French on a phone, finds the candidate in its tasks and on its board.
    const employing = await openPage(browser, { language: 'fr', width: 360, height: 800 });
    await signInContext(employing.context, server, employerUser);
    const inbox = employing.page;
    await inbox.goto(`${server.url}/tasks`);
    await ready(inbox);
    await inbox.getByText('Examiner la candidature transmise pour une offre d’emploi').waitFor();
    await noViolations(inbox);
    await inbox.getByRole('link', { name: 'Candidatures qui vous ont été transmises' }).click();
    await inbox.waitForURL(/\/placements$/);
    await ready(inbox);
    await inbox.getByRole('heading', { name: 'Transmis à l’employeur (1)' }).waitFor();
    await noViolations(inbox);
    expect(await inbox.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(inbox, 'employer-board-fr-phone');
    await inbox.getByRole('link', { name: `Amara Okafor-Lindqvist — ${jobTitle}` }).click();
    await inbox.waitForURL(/\/placements\/[0-9a-f-]{36}$/);
    await ready(inbox);
    await inbox.getByText('amara@example.org').waitFor();
    await inbox.getByText('Available from Monday; prefers early shifts.').waitFor();
    await noViolations(inbox);
    const record = async (action: string, notice: string) => {
      await inbox.getByLabel(action).check();
      await inbox.getByRole('button', { name: 'Consigner', exact: true }).click();
      await inbox.locator('p.notice', { hasText: notice }).waitFor();
    };
    await record('Consigner l’entrevue', 'Consigné\u00a0: Entrevue.');
    await record('Consigner l’offre', 'Consigné\u00a0: Offre faite.');
    // A hire without its start date is refused on the page, in words.
    await inbox.getByLabel('Consigner l’embauche').check();
    await inbox.getByRole('button', { name: 'Consigner', exact: true }).click();
    await inbox.getByText('Indiquez la date d’entrée en fonction.').first().waitFor();
    const [year, month, day] = todayInToronto().split('-');
    const start = inbox.getByRole('group', { name: 'Date d’entrée en fonction' });
    await start.getByLabel('Année').fill(year!);
    await start.getByLabel('Mois').fill(month!);
    await start.getByLabel('Jour').fill(day!);
    await inbox.getByLabel('Heures par semaine').fill('27,5');
    await inbox.getByRole('button', { name: 'Consigner', exact: true }).click();
    await inbox.locator('p.notice', { hasText: 'Consigné\u00a0: Embauché.' }).waitFor();
    await inbox.getByRole('heading', { name: 'L’emploi' }).waitFor();
    await inbox.getByRole('heading', { name: 'Évaluer la personne stagiaire' }).waitFor();
    await noViolations(inbox);
    expect(await inbox.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(inbox, 'employer-hired-fr-phone');
    expect(employing.problems).toEqual([]);

    // The job developer hears of it, naming the job order, and the client's Jobs page shows the hire.
    await page.goto(`${server.url}/notifications`);
    await ready(page);
    await page.getByText(`The placement for ${jobTitle} moved on: see where it stands.`).first().waitFor();
    await page.goto(`${server.url}/clients/${clientId}/jobs`);
    await ready(page);
    await page.getByRole('cell', { name: 'Hired' }).waitFor();
    await shot(page, 'client-jobs');
    await noViolations(page);
    expect((await focusedElement(page)).tag).toBeDefined();
  });

  it('changes what the matches read from the client’s Jobs page, in French at phone width, by keyboard', async () => {
    const api = await apiAs(server, counsellor.email);
    const seeker = (
      await api.post<{ id: string }>('/api/clients', {
        givenName: 'Rosalind',
        familyName: 'Achterberg-Moreau',
        dateOfBirth: '1988-02-03',
        educationLevel: 'high_school',
        incomeSource: 'ontario_works',
        postalCode: 'M4J 1L1',
      })
    ).id;
    // Another employer's job order: the employer record test below expects Harbourfront's to be filled.
    const bakery = await makeOrganization(server.db, { type: 'employer', name: 'Danforth Bread Co-operative' });
    await makeJobOrder(server.db, bakery.id, {
      title: 'Bread baker (early shift)',
      nocCode: '63202',
      hoursPerWeek: 30,
      postalCode: 'M4M 1Z3',
      skills: ['http://data.europa.eu/esco/skill/045f71e6-0699-4169-8a54-9c6b96f3174d'],
      credentialsRequired: ['Food Handler Certificate'],
    });
    const { page, context, problems } = await openPage(browser, { language: 'fr', width: 360 });
    await signInContext(context, server, counsellor);
    await page.goto(`${server.url}/clients/${seeker}/jobs`);
    await ready(page);
    // No goal yet: the page says where to give one rather than offering every job.
    await page.getByText('Choisissez les professions que cherche le client', { exact: false }).waitFor();
    await noViolations(page);
    await page.getByLabel('Trouver une profession par des mots de son titre ou par son code').fill('63202');
    await page.keyboard.press('Enter');
    await page.getByLabel('63202 – Bakers').check();
    await page.getByLabel('Heures de travail souhaitées par semaine').fill('30');
    await page.getByLabel('Trouver une compétence par des mots de son nom, en anglais').fill('advice');
    await page.keyboard.press('Enter');
    await page.getByLabel('give advice to others').check();
    await page.getByLabel('Titres et certificats').fill('food handler certificate');
    await tabUntil(page, (f) => f.tag === 'button' && f.text === 'Enregistrer et refaire l’appariement', {
      what: 'save',
      max: 40,
    });
    await page.keyboard.press('Enter');
    await page.locator('p.notice', { hasText: 'Enregistré.' }).waitFor();
    // The matches are worked out again on what was saved: the skill and the certificate now count.
    await page.getByRole('link', { name: 'Bread baker (early shift)' }).waitFor();
    await page.getByText('Pourquoi Bread baker (early shift)', { exact: false }).click();
    await page.getByText('Le client a toutes les compétences demandées (give advice to others).').waitFor();
    await noViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, 'client-job-profile-fr-phone');
    const saved = await server.db
      .selectFrom('clients')
      .select(['targetNocCodes', 'hoursWanted', 'skills', 'credentials'])
      .where('id', '=', seeker)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({
      targetNocCodes: ['63202'],
      hoursWanted: 30,
      skills: ['http://data.europa.eu/esco/skill/045f71e6-0699-4169-8a54-9c6b96f3174d'],
      credentials: ['food handler certificate'],
    });
    expect(problems).toEqual([]);
  });

  it('keeps one employer record for every agency: a manager takes the lead and logs a visit, in French, by keyboard', async () => {
    const manager = await seedPerson(server, 'community', ['agency_manager'], 'the lilacs of high park in may');
    const managing = await openPage(browser, { language: 'fr', width: 360, height: 800 });
    await signInContext(managing.context, server, manager);
    const page = managing.page;
    await page.goto(`${server.url}/employers?noLead=true`);
    await ready(page);
    await noViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await tabUntil(page, (f) => f.tag === 'a' && f.text === 'Harbourfront Hotel Group', {
      what: 'the employer',
      max: 80,
    });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/employers\/[0-9a-f-]{36}$/);
    await ready(page);
    await page.getByText('Aucun organisme responsable').first().waitFor();
    // Its only job order was filled by the hire above.
    await page.getByText('Aucune offre d’emploi ouverte.').waitFor();
    await noViolations(page);
    await tabUntil(page, (f) => f.tag === 'button' && f.text.startsWith('Prendre la responsabilité'), {
      what: 'take the lead',
      max: 80,
    });
    await page.keyboard.press('Enter');
    await page.locator('p.notice', { hasText: 'Votre organisme est maintenant responsable de ce compte.' }).waitFor();
    await page.getByText('Weston Community Services').first().waitFor();
    await page.getByLabel('Type de contact').selectOption('visit');
    const day = page.getByRole('group', { name: 'Jour du contact' });
    const [year, month, date] = todayInToronto().split('-');
    await day.getByLabel('Année').fill(year!);
    await day.getByLabel('Mois').fill(month!);
    await day.getByLabel('Jour').fill(date!);
    await page.getByLabel('Ce qui a été fait ou convenu').fill('Visite du chef pâtissier : deux postes au printemps.');
    await page.getByRole('button', { name: 'Consigner le contact' }).click();
    await page.locator('p.notice', { hasText: 'Le contact est consigné.' }).waitFor();
    await page.getByText('Visite du chef pâtissier : deux postes au printemps.').waitFor();
    await page.getByText('Changement d’organisme responsable').first().waitFor();
    await noViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, 'employer-fr-phone');
    // The manager keeps the record true for every agency: its industry, a skill it needs, a new contact.
    await page.getByRole('link', { name: 'Modifier la fiche' }).click();
    await page.waitForURL(/\/employers\/[0-9a-f-]{36}\/edit$/);
    await ready(page);
    await page.getByRole('heading', { level: 1, name: /^Modifier la fiche de l’employeur/ }).waitFor();
    await noViolations(page);
    await page.getByLabel('Trouver une industrie par des mots de son nom, en anglais, ou par son code').fill('hotels');
    await page.keyboard.press('Enter');
    await page.getByLabel(/^721111 – /).check();
    await page.getByRole('button', { name: 'Ajouter une personne-ressource' }).click();
    await shot(page, 'employer-edit-fr-phone');
    const added = page.getByRole('group', { name: /^Personne-ressource \d+$/ }).last();
    await added.getByLabel('Nom').fill('Mireille Gagnon');
    await added.getByLabel('Poste').fill('Chef pâtissière');
    // A phone number that is not one is refused on the page, in words, and nothing is sent.
    await added.getByLabel('Téléphone').fill('pas de téléphone');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText('Vérifiez les personnes-ressources', { exact: false }).first().waitFor();
    await added.getByLabel('Téléphone').fill('416-555-0199');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.waitForURL(/\/employers\/[0-9a-f-]{36}$/);
    await page.locator('p.notice', { hasText: 'La fiche de l’employeur est enregistrée.' }).waitFor();
    await page.getByText('Mireille Gagnon', { exact: false }).waitFor();
    await page.getByText('(721111)', { exact: false }).waitFor();
    await noViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(managing.problems).toEqual([]);
  });

  it('lets an employer post its own job order, refusing a wage under the minimum in words', async () => {
    const posting = await openPage(browser, { language: 'en' });
    await signInContext(posting.context, server, employerUser);
    const page = posting.page;
    await page.goto(`${server.url}/jobs`);
    await ready(page);
    await page.getByRole('link', { name: 'Post a job order' }).click();
    await page.waitForURL(/\/jobs\/new$/);
    await ready(page);
    await noViolations(page);
    await page.getByLabel('Job title').fill('Front desk agent');
    const occupation = page.getByRole('group', { name: 'Occupation (NOC 2021)' });
    await occupation.locator('input[type="search"]').fill('hotel front desk');
    await occupation.locator('input[type="search"]').press('Enter');
    await occupation.locator('input[type="radio"]').first().check();
    await page
      .getByLabel('Description')
      .fill('Welcome guests, handle check-in and check-out, and answer the phone for a downtown hotel.');
    await page.getByLabel('Hours a week').fill('32');
    await page.getByLabel('Schedule').selectOption('predictable');
    await page.getByLabel('Hourly wage ($)').fill('12');
    await page.getByLabel('Dental').check();
    await page.getByLabel('Permanence').selectOption('permanent');
    await page.getByLabel('Where the work is done').selectOption('on_site');
    await page.getByLabel('Postal code of the workplace').fill('M5J 2R9');
    await page.getByRole('button', { name: 'Post the job order' }).click();
    await page.getByText('The wage is under Ontario’s general minimum wage').first().waitFor();
    await page.getByLabel('Hourly wage ($)').fill('24.50');
    await page.getByRole('button', { name: 'Post the job order' }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await ready(page);
    await page.getByRole('heading', { name: 'Front desk agent' }).waitFor();
    await page.getByRole('heading', { name: /^Decent-work score: \d+ out of 100$/ }).waitFor();
    await noViolations(page);
    // The employer puts it on hold: matching reads open job orders only.
    await page.getByRole('button', { name: 'Put it on hold' }).click();
    await page.locator('p.notice', { hasText: 'The job order is now: On hold.' }).waitFor();
    await page.getByRole('button', { name: 'Open it again' }).waitFor();
    // It changes the job order, in French: a raise, a skill and a wage subsidy; the score is worked out again.
    const before = await page.getByRole('heading', { name: /^Decent-work score: \d+ out of 100$/ }).textContent();
    await page.getByRole('link', { name: 'Change the job order' }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}\/edit$/);
    await ready(page);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifier l’offre d’emploi : Front desk agent' }).waitFor();
    await noViolations(page);
    expect(await page.getByLabel('Titre du poste').inputValue()).toBe('Front desk agent');
    await page.getByLabel('Salaire horaire ($)').fill('31,25');
    await page.getByLabel('Trouver une compétence par des mots de son nom, en anglais').fill('advice');
    await page.keyboard.press('Enter');
    await page.getByLabel('give advice to others').check();
    await page.getByLabel('Subvention salariale ou incitatif offert').selectOption('wage_subsidy');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await ready(page);
    await page.getByText('31,25', { exact: false }).first().waitFor();
    await page.getByText('give advice to others').waitFor();
    await page.getByText('Subvention salariale').waitFor();
    await noViolations(page);
    const after = await page.getByRole('heading', { name: /^Note de travail décent/ }).textContent();
    // Above Toronto's living wage now: the score went up.
    const score = (heading: string | null) => Number(/(\d+) (out of|sur) 100/.exec(heading ?? '')?.[1]);
    expect(score(after)).toBeGreaterThan(score(before));
    // The one refusal the test provokes is the console error it expects.
    expect(posting.problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
  });

  it('adds an employer after the duplicate check, which points to the record that exists', async () => {
    const adding = await openPage(browser, { language: 'en' });
    await signInContext(adding.context, server, developer);
    const page = adding.page;
    await page.goto(`${server.url}/employers`);
    await ready(page);
    await page.getByRole('link', { name: 'Add an employer' }).click();
    await page.waitForURL(/\/employers\/new$/);
    await ready(page);
    await noViolations(page);
    await page.getByLabel('Employer’s name').fill('Harbourfront Hotel Group Inc.');
    await page.getByRole('button', { name: 'Add the employer' }).click();
    await page.getByText('This employer may already have a record').first().waitFor();
    await page.getByRole('heading', { name: 'Possibly already recorded' }).waitFor();
    await page.getByText('the same name').waitFor();
    await noViolations(page);
    await page.getByLabel('Employer’s name').fill('Leslieville Bakery Co-op');
    await page.getByLabel('Street address of the main site').fill('1000 Queen St E');
    await page.getByLabel('Postal code of the main site').fill('m4m 1k1');
    await page.getByLabel('Onboarding').check();
    await page.getByRole('button', { name: 'Add the employer' }).click();
    await page.waitForURL(/\/employers\/[0-9a-f-]{36}$/);
    await ready(page);
    await page.getByRole('heading', { name: 'Leslieville Bakery Co-op' }).waitFor();
    await page.getByText('Riverdale Employment Hub').first().waitFor();
    await noViolations(page);
    expect(adding.problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
  });

  it('shows the agency manager the employer measures: job orders by decent-work band and placements, small counts withheld', async () => {
    const manager = await seedPerson(server, 'bilingual', ['agency_manager'], 'the scarborough bluffs in june');
    const { page, context, problems } = await openPage(browser, { language: 'fr', width: 360, height: 800 });
    await signInContext(context, server, manager);
    await page.goto(`${server.url}/reports/assessments`);
    await ready(page);
    const measures = page.locator('section#employers');
    await measures.getByRole('heading', { name: 'Employeurs et placements' }).waitFor();
    await measures.locator('tbody th', { hasText: server.organizations.bilingual.name }).waitFor();
    // One hire by this agency: fewer than the minimum, so it is withheld, in words.
    await measures.locator('td', { hasText: 'cachée' }).first().waitFor();
    await measures.locator('figure.chart').first().waitFor();
    await noViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, 'employer-measures-fr-phone');
    expect(problems).toEqual([]);
    await context.close();
  });
});
