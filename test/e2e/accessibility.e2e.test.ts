import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  launchBrowser,
  openPage,
  signInContext,
  skipBrowserSuite,
  startTestServer,
  waitForPageReady,
  type Language,
  WEB_DIR,
  type TestServer,
} from './harness.ts';
import {
  caseFixtures,
  clientAccountFixture,
  ensureClientFixtures,
  margueriteIdentity,
  seededClients,
  type CaseFixtures,
} from './client-fixtures.ts';

const SUITE = 'web shell: WCAG 2.1 AA in English and French';
const missingOrganization = '00000000-0000-4000-8000-000000000000';

type PageCase = {
  name: string;
  path: (server: TestServer) => string;
  heading: Record<Language, string>;
  // Console errors this page causes on purpose (an API 404 behind the "not found" page).
  expectedErrors?: RegExp;
  // What a person does on the page before it is checked, to reach a state (an error shown).
  act?: (page: Page, server: TestServer, language: Language) => Promise<void>;
  // What happens before the page opens (signing the browser in, say).
  before?: (context: BrowserContext, server: TestServer) => Promise<void>;
};

const submit = async (page: Page) => {
  await page.locator('main form button[type="submit"]').click();
};
const summaryFocused = (page: Page) =>
  page.waitForFunction(() => document.activeElement?.classList.contains('error-summary') ?? false);
const fakeToken = 'a'.repeat(43);
// The users search keeps its words out of the address, so a test types them as a person would.
const searchUsers = async (page: Page, words: string, found: boolean) => {
  await page.locator('form[role="search"] input[type="search"]').fill(words);
  await page.locator('form[role="search"] button[type="submit"]').click();
  if (found) await page.locator('tbody tr', { hasText: words }).first().waitFor();
  else await page.locator('p.result-count').waitFor();
};
const asAdmin = (context: BrowserContext, server: TestServer) => signInContext(context, server, server.users.admin);
// The site form's own submit button (the page has two forms).
const submit2 = async (page: Page) => {
  await page.locator('section.editor form button[type="submit"]').click();
};

const signInHeading = { en: 'Sign in', fr: 'Ouvrir une session' };

// Client pages: records seeded once per server through the API (client-fixtures.ts).
const asCounsellor = async (context: BrowserContext, server: TestServer) => {
  await ensureClientFixtures(server);
  await signInContext(context, server, server.user);
};
const asManager = async (context: BrowserContext, server: TestServer) => {
  await ensureClientFixtures(server);
  await signInContext(context, server, server.users.manager);
};
const asCaseworker = async (context: BrowserContext, server: TestServer) => {
  const fixtures = await ensureClientFixtures(server);
  await signInContext(context, server, fixtures.caseworker);
};
const newClientHeading = { en: 'New client', fr: 'Nouveau client' };

// Case management on Marguerite's file and Dmitri's, seeded once per server (client-fixtures.ts).
let cases: CaseFixtures | undefined;
const withCases = async (server: TestServer) => {
  await ensureClientFixtures(server);
  cases = await caseFixtures(server);
};
const casesAs =
  (who: 'counsellor' | 'manager' | 'caseworker') => async (context: BrowserContext, server: TestServer) => {
    await withCases(server);
    if (who === 'caseworker') await signInContext(context, server, seededClients().caseworker);
    else await signInContext(context, server, who === 'manager' ? server.users.manager : server.user);
  };
const asClientAccount = async (context: BrowserContext, server: TestServer) => {
  await withCases(server);
  await signInContext(context, server, await clientAccountFixture(server));
};
const dmitriPath = (part: string) => () => `/clients/${cases?.dmitri.id ?? ''}/${part}`;
const part = (section: string) => () => `/clients/${seededClients().marguerite.id}/${section}`;
const partHeading = (en: string, fr: string, name = 'Marguerite Tremblay-Okafor') => ({
  en: `${en} – ${name}`,
  fr: `${fr} – ${name}`,
});
const dmitriName = 'Dmitri Oyelaran-Castillo';
const notForRole = { en: 'Not available to your role', fr: 'Non offert pour votre rôle' };
const margueriteHeading = { en: 'Marguerite Tremblay-Okafor', fr: 'Marguerite Tremblay-Okafor' };
const margueritePath = () => `/clients/${seededClients().marguerite.id}`;
// Someone no record matches, so intake goes on to a new file.
const newPerson = { givenName: 'Tobias', familyName: 'Quennell-Arbour', dateOfBirth: '1992-08-19' };
type Person = { givenName: string; familyName: string; dateOfBirth: string };

// The intake wizard, step by step, by the fields' names (the same in both languages).
const wizardSubmit = (page: Page) => page.locator('main form.wizard-form button[type="submit"]').click();
const searchFor = async (page: Page, person: Person) => {
  const [year = '', month = '', day = ''] = person.dateOfBirth.split('-');
  await page.locator('input[name="givenName"]').fill(person.givenName);
  await page.locator('input[name="familyName"]').fill(person.familyName);
  await page.locator('input[name="dateOfBirth-year"]').fill(year);
  await page.locator('input[name="dateOfBirth-month"]').fill(String(Number(month)));
  await page.locator('input[name="dateOfBirth-day"]').fill(String(Number(day)));
  await submit(page);
  await page.locator('.find-results').waitFor();
};
const intakeTo = async (page: Page, step: 'record' | 'needs' | 'equity' | 'review', person: Person) => {
  await searchFor(page, person);
  await page.locator('.find-results > .form-actions button').click();
  await page.locator('select[name="educationLevel"]').waitFor();
  if (step === 'record') return;
  await page.locator('select[name="educationLevel"]').selectOption('high_school');
  await page.locator('select[name="incomeSource"]').selectOption('ontario_works');
  await wizardSubmit(page);
  await page.locator('select[name="barrier-housing"]').waitFor();
  if (step === 'needs') return;
  await wizardSubmit(page);
  await page.locator('select[name="equity-gender"]').waitFor();
  if (step === 'equity') return;
  await wizardSubmit(page);
  await page.locator('.review-section').first().waitFor();
};

const pages: PageCase[] = [
  {
    name: 'home',
    path: () => '/',
    heading: {
      en: 'One employment service system for Toronto',
      fr: "Un seul système de services d'emploi pour Toronto",
    },
  },
  {
    name: 'directory',
    path: () => '/directory',
    heading: { en: 'Directory of employment services', fr: "Répertoire des services d'emploi" },
  },
  {
    name: 'directory search with no results',
    path: () => '/directory?q=zzzz-nothing&offersFrench=true',
    heading: { en: 'Directory of employment services', fr: "Répertoire des services d'emploi" },
  },
  {
    name: 'organization',
    path: (server) => `/organizations/${server.organizations.bilingual.id}`,
    heading: { en: 'Riverdale Employment Hub', fr: "Carrefour de l'emploi de Riverdale" },
  },
  {
    name: 'organization without contact or sites',
    path: (server) => `/organizations/${server.organizations.community.id}`,
    heading: { en: 'Weston Community Services', fr: 'Weston Community Services' },
  },
  {
    name: 'organization not found',
    path: () => `/organizations/${missingOrganization}`,
    heading: { en: 'Organization not found', fr: 'Organisme introuvable' },
    expectedErrors: new RegExp(`404.*/api/organizations/${missingOrganization}`),
  },
  {
    name: 'sign-in',
    path: () => '/sign-in',
    heading: signInHeading,
  },
  {
    name: 'sign-in after a wrong password',
    path: () => '/sign-in',
    heading: signInHeading,
    act: async (page, server, language) => {
      await page.getByLabel(language === 'en' ? 'E-mail address' : 'Adresse courriel').fill(server.user.email);
      await page
        .getByLabel(language === 'en' ? 'Password' : 'Mot de passe', { exact: true })
        .fill('not the right password');
      await page.locator('form button[type="submit"]').click();
      await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary') ?? false);
    },
    expectedErrors: /401.*\/api\/auth\/login/,
  },
  {
    name: 'forgot password',
    path: () => '/forgot-password',
    heading: { en: 'Forgot your password?', fr: 'Mot de passe oublié\u202f?' },
  },
  {
    name: 'forgot password, link sent',
    path: () => '/forgot-password',
    heading: { en: 'Forgot your password?', fr: 'Mot de passe oublié\u202f?' },
    act: async (page, _server, language) => {
      await page.getByLabel(language === 'en' ? 'E-mail address' : 'Adresse courriel').fill('nobody@example.org');
      await submit(page);
      await page.locator('main [role="status"]:not([hidden])').waitFor();
    },
  },
  {
    name: 'forgot password, malformed address',
    path: () => '/forgot-password',
    heading: { en: 'Forgot your password?', fr: 'Mot de passe oublié\u202f?' },
    act: async (page) => {
      await submit(page);
      await summaryFocused(page);
    },
  },
  {
    name: 'reset password without a link',
    path: () => '/reset-password',
    heading: { en: 'Choose a new password', fr: 'Choisir un nouveau mot de passe' },
  },
  {
    name: 'reset password, too short',
    path: () => `/reset-password#token=${fakeToken}`,
    heading: { en: 'Choose a new password', fr: 'Choisir un nouveau mot de passe' },
    act: async (page, _server, language) => {
      await page.getByLabel(language === 'en' ? 'New password' : 'Nouveau mot de passe', { exact: true }).fill('short');
      await submit(page);
      await summaryFocused(page);
    },
  },
  {
    name: 'reset password, link used or expired',
    path: () => `/reset-password#token=${fakeToken}`,
    heading: { en: 'Choose a new password', fr: 'Choisir un nouveau mot de passe' },
    act: async (page, _server, language) => {
      await page
        .getByLabel(language === 'en' ? 'New password' : 'Nouveau mot de passe', { exact: true })
        .fill('a long enough password for this');
      await submit(page);
      await page.locator('a[href="/forgot-password"]').waitFor();
    },
    expectedErrors: /400.*\/api\/auth\/password-reset\/complete/,
  },
  {
    name: 'accept invitation without a link',
    path: () => '/accept-invitation',
    heading: { en: 'Set up your account', fr: 'Configurer votre compte' },
  },
  {
    name: 'account',
    path: () => '/account',
    heading: { en: 'Your account', fr: 'Votre compte' },
    before: (context, server) => signInContext(context, server, server.user),
  },
  {
    name: 'account, confirming sign-out everywhere',
    path: () => '/account',
    heading: { en: 'Your account', fr: 'Votre compte' },
    before: (context, server) => signInContext(context, server, server.user),
    act: async (page, _server, language) => {
      await page
        .getByRole('button', { name: language === 'en' ? 'Sign out everywhere' : 'Se déconnecter partout' })
        .click();
      await page.locator('.confirm').waitFor();
    },
  },
  {
    name: 'two-step sign-in set-up',
    path: () => '/account/two-step',
    heading: { en: 'Two-step sign-in', fr: 'Connexion en deux étapes' },
    before: (context, server) => signInContext(context, server, server.user),
    act: async (page, _server, language) => {
      await page
        .getByRole('button', {
          name: language === 'en' ? 'Set up two-step sign-in' : 'Configurer la connexion en deux étapes',
        })
        .click();
      await page.locator('svg.qr-code').waitFor();
    },
  },
  {
    name: 'signed-in page for a visitor',
    path: () => '/account',
    heading: signInHeading,
  },
  {
    name: 'administration',
    path: () => '/admin',
    heading: { en: 'Administration', fr: 'Administration' },
    before: asAdmin,
  },
  {
    name: 'administration for a counsellor',
    path: () => '/admin',
    heading: { en: 'Not available to your role', fr: 'Non offert pour votre rôle' },
    before: (context, server) => signInContext(context, server, server.user),
  },
  {
    name: 'users',
    path: () => '/admin/users',
    heading: { en: 'Users', fr: 'Utilisateurs' },
    before: asAdmin,
    act: (page) => page.locator('table').waitFor(),
  },
  {
    name: "users of a manager's agency",
    path: () => '/admin/users',
    heading: { en: 'Users', fr: 'Utilisateurs' },
    before: (context, server) => signInContext(context, server, server.users.manager),
    act: (page) => page.locator('table').waitFor(),
  },
  {
    name: 'users, none found',
    path: () => '/admin/users',
    heading: { en: 'Users', fr: 'Utilisateurs' },
    before: asAdmin,
    act: (page) => searchUsers(page, 'zzzz-nobody', false),
  },
  {
    name: 'users, changing roles',
    path: () => '/admin/users',
    heading: { en: 'Users', fr: 'Utilisateurs' },
    before: asAdmin,
    act: async (page) => {
      await searchUsers(page, 'amira', true);
      await page.locator('table button').first().click();
      await page.locator('section.editor fieldset').waitFor();
    },
  },
  {
    name: 'users, confirming a disable',
    path: () => '/admin/users',
    heading: { en: 'Users', fr: 'Utilisateurs' },
    before: asAdmin,
    act: async (page) => {
      await searchUsers(page, 'amira', true);
      await page.locator('table button').nth(1).click();
      await page.locator('section.editor .confirm').waitFor();
    },
  },
  {
    name: 'invite a user',
    path: () => '/admin/users/invite',
    heading: { en: 'Invite a user', fr: 'Inviter un utilisateur' },
    before: asAdmin,
  },
  {
    name: 'invite a user, with errors',
    path: () => '/admin/users/invite',
    heading: { en: 'Invite a user', fr: 'Inviter un utilisateur' },
    before: asAdmin,
    act: async (page) => {
      await page.locator('form[aria-busy="false"]').waitFor();
      await submit(page);
      await summaryFocused(page);
    },
  },
  {
    name: 'audit log',
    path: () => '/admin/audit',
    heading: { en: 'Audit log', fr: "Journal d'audit" },
    before: asAdmin,
    act: (page) => page.locator('table').waitFor(),
  },
  {
    name: 'audit log, nothing found',
    path: () => '/admin/audit?action=zzzz',
    heading: { en: 'Audit log', fr: "Journal d'audit" },
    before: asAdmin,
  },
  {
    name: 'organizations',
    path: () => '/admin/organizations',
    heading: { en: 'Organizations', fr: 'Organismes' },
    before: asAdmin,
    act: (page) => page.locator('table').waitFor(),
  },
  {
    name: 'add an organization',
    path: () => '/admin/organizations/new',
    heading: { en: 'Add an organization', fr: 'Ajouter un organisme' },
    before: asAdmin,
  },
  {
    name: 'edit an organization, adding a site',
    path: (server) => `/admin/organizations/${server.organizations.bilingual.id}`,
    heading: { en: 'Riverdale Employment Hub', fr: "Carrefour de l'emploi de Riverdale" },
    before: asAdmin,
    act: async (page) => {
      await page.locator('#sites-title ~ button.button').click();
      await page.locator('section.editor form').waitFor();
      await submit2(page);
      await summaryFocused(page);
    },
  },
  {
    name: 'new client: is this person already known?',
    path: () => '/clients/new',
    heading: newClientHeading,
    before: asCounsellor,
  },
  {
    name: 'new client: search with errors',
    path: () => '/clients/new',
    heading: newClientHeading,
    before: asCounsellor,
    act: async (page) => {
      await submit(page);
      await summaryFocused(page);
    },
  },
  {
    name: 'new client: a file of the agency and a possible existing record found',
    path: () => '/clients/new',
    heading: newClientHeading,
    before: asCounsellor,
    act: async (page) => {
      await searchFor(page, margueriteIdentity);
      await page.locator('.match-hidden').waitFor();
    },
  },
  {
    name: 'new client: the record, with an occupation search',
    path: () => '/clients/new',
    heading: newClientHeading,
    before: asCounsellor,
    act: async (page) => {
      await intakeTo(page, 'record', newPerson);
      await page.locator('button[id$="-addJob"]').click();
      await page.locator('.row-group input[type="search"]').first().fill('cook');
      await page.locator('.row-group input[type="search"]').first().press('Enter');
      await page.locator('.row-group input[type="radio"]').first().waitFor();
    },
  },
  {
    name: 'new client: the record with errors',
    path: () => '/clients/new',
    heading: newClientHeading,
    before: asCounsellor,
    act: async (page) => {
      await intakeTo(page, 'record', newPerson);
      await wizardSubmit(page);
      await summaryFocused(page);
    },
  },
  {
    name: 'new client: needs and identifiers',
    path: () => '/clients/new',
    heading: newClientHeading,
    before: asCounsellor,
    act: (page) => intakeTo(page, 'needs', newPerson),
  },
  {
    name: 'new client: the voluntary self-identification',
    path: () => '/clients/new',
    heading: newClientHeading,
    before: asCounsellor,
    act: (page) => intakeTo(page, 'equity', newPerson),
  },
  {
    name: 'new client: review',
    path: () => '/clients/new',
    heading: newClientHeading,
    before: asCounsellor,
    act: (page) => intakeTo(page, 'review', newPerson),
  },
  {
    name: 'new client: a possible existing record at submit',
    path: () => '/clients/new',
    heading: newClientHeading,
    before: asCounsellor,
    act: async (page) => {
      await intakeTo(page, 'review', margueriteIdentity);
      await wizardSubmit(page);
      await page.locator('.conflict').waitFor();
      await summaryFocused(page);
    },
    expectedErrors: /409.*\/api\/clients\b/,
  },
  {
    name: 'new client for a system administrator',
    path: () => '/clients/new',
    heading: { en: 'Not available to your role', fr: 'Non offert pour votre rôle' },
    before: asAdmin,
  },
  {
    name: 'client file, held by the agency',
    path: margueritePath,
    heading: margueriteHeading,
    before: asCounsellor,
    act: (page) => page.locator('.stream-box').waitFor(),
  },
  {
    name: 'client file for a manager, who may override',
    path: margueritePath,
    heading: margueriteHeading,
    before: asManager,
    act: (page) => page.locator('select[name="stream"]').waitFor(),
  },
  {
    name: 'client file shared by consent, some parts not shared',
    path: margueritePath,
    heading: margueriteHeading,
    before: asCaseworker,
    act: (page) => page.locator('.not-shared').first().waitFor(),
  },
  {
    name: 'client file, recording a consent with errors',
    path: margueritePath,
    heading: margueriteHeading,
    before: asCounsellor,
    act: async (page) => {
      await page.locator('section.editor').last().locator('form[aria-busy="false"] button[type="submit"]').click();
      await summaryFocused(page);
    },
  },
  {
    name: 'client file, revoking a consent',
    path: margueritePath,
    heading: margueriteHeading,
    before: asCounsellor,
    act: async (page) => {
      await page.locator('table button').first().click();
      await page.locator('select[name="revokeMethod"]').waitFor();
    },
  },
  {
    name: 'client timeline',
    path: part('timeline'),
    heading: partHeading('Timeline', 'Chronologie'),
    before: casesAs('counsellor'),
    act: (page) => page.locator('.timeline li').first().waitFor(),
  },
  {
    name: 'client plan, by phase',
    path: part('plan'),
    heading: partHeading('Plan', 'Plan'),
    before: casesAs('counsellor'),
    act: (page) => page.locator('.phase').first().waitFor(),
  },
  {
    name: 'case notes, a corrected note with its earlier version shown',
    path: part('notes'),
    heading: partHeading('Case notes', 'Notes au dossier'),
    before: casesAs('counsellor'),
    act: async (page) => {
      await page.locator('details.note-history summary').first().click();
      await page.locator('details.note-history[open]').waitFor();
    },
  },
  {
    name: 'case notes, writing one with errors',
    path: part('notes'),
    heading: partHeading('Case notes', 'Notes au dossier'),
    before: casesAs('counsellor'),
    act: async (page) => {
      await page.locator('section.editor form button[type="submit"]').first().click();
      await summaryFocused(page);
    },
  },
  {
    name: 'case notes, correcting one',
    path: part('notes'),
    heading: partHeading('Case notes', 'Notes au dossier'),
    before: casesAs('counsellor'),
    act: async (page) => {
      await page.locator('article.note button').first().click();
      await page.locator('textarea[name="correctionBody"]').waitFor();
    },
  },
  {
    name: 'case notes not shared with a consented agency',
    path: part('notes'),
    heading: partHeading('Case notes', 'Notes au dossier'),
    before: casesAs('caseworker'),
  },
  {
    name: 'case team, confirming a departure',
    path: part('team'),
    heading: partHeading('Case team', "Équipe d'intervention"),
    before: casesAs('counsellor'),
    act: async (page) => {
      await page.locator('table button').first().click();
      await page.locator('.confirm').waitFor();
    },
  },
  {
    name: 'client tasks, adding a recurring check-in',
    path: part('tasks'),
    heading: partHeading('Tasks', 'Tâches'),
    before: casesAs('counsellor'),
    act: async (page) => {
      await page.locator('table').first().waitFor();
      await page.locator('select[name="recurrence"]').selectOption('monthly');
      await page.locator('input[name="recurUntil-year"]').waitFor();
    },
  },
  {
    name: 'attachments, uploading without a file',
    path: part('attachments'),
    heading: partHeading('Attachments', 'Pièces jointes'),
    before: casesAs('counsellor'),
    act: async (page) => {
      await page.locator('table').waitFor();
      await page.locator('section.editor form button[type="submit"]').click();
      await summaryFocused(page);
    },
  },
  {
    name: 'transfers: recording one',
    path: part('transfers'),
    heading: partHeading('Transfers', 'Transferts'),
    before: casesAs('counsellor'),
    act: (page) => page.locator('section.editor form[aria-busy="false"]').waitFor(),
  },
  {
    name: 'transfers: one under way',
    path: dmitriPath('transfers'),
    heading: partHeading('Transfers', 'Transferts', dmitriName),
    before: casesAs('counsellor'),
    act: (page) => page.locator('article.transfer').waitFor(),
  },
  {
    name: 'reviews: a manager answers',
    path: dmitriPath('reviews'),
    heading: partHeading('Reviews', 'Révisions', dmitriName),
    before: casesAs('manager'),
    act: (page) => page.locator('textarea[name="answer"]').waitFor(),
  },
  {
    name: 'edit the record, then reassess',
    path: dmitriPath('edit'),
    heading: partHeading('Edit the record', 'Modifier le dossier', dmitriName),
    before: casesAs('counsellor'),
    act: async (page) => {
      const income = page.locator('select[name="incomeSource"]');
      await income.selectOption((await income.inputValue()) === 'ei' ? 'none' : 'ei');
      await page.locator('main form button[type="submit"]').click();
      await page.locator('.alert-warning').waitFor();
    },
  },
  {
    name: 'status and account: closing the file',
    path: part('manage'),
    heading: partHeading('Status and account', 'État et compte'),
    before: casesAs('counsellor'),
    act: async (page) => {
      await page.locator('input[name="status"]').last().check();
      await page.locator('select[name="closedReason"]').waitFor();
    },
  },
  {
    name: 'one-page summary for a new worker',
    path: part('summary'),
    heading: partHeading('Summary', 'Résumé'),
    before: casesAs('counsellor'),
    act: (page) => page.locator('.summary-page').waitFor(),
  },
  {
    name: 'my work',
    path: () => '/work',
    heading: { en: 'My work', fr: 'Mon travail' },
    before: casesAs('counsellor'),
    act: (page) => page.locator('#work-quiet').waitFor(),
  },
  {
    name: 'my work for a manager, with the agency search',
    path: () => '/work',
    heading: { en: 'My work', fr: 'Mon travail' },
    before: casesAs('manager'),
    act: async (page) => {
      await page.locator('section[aria-labelledby="work-team"] table').waitFor();
      await page.locator('form[role="search"] button[type="submit"]').click();
      await page.locator('section[aria-labelledby="work-agency"] table').waitFor();
    },
  },
  {
    name: 'caseload',
    path: () => '/caseload',
    heading: { en: 'Caseload', fr: 'Charge de cas' },
    before: casesAs('counsellor'),
    act: (page) => page.locator('main table').waitFor(),
  },
  {
    name: 'caseload for a manager',
    path: () => '/caseload',
    heading: { en: 'Caseload', fr: 'Charge de cas' },
    before: casesAs('manager'),
    act: (page) => page.locator('.results[aria-busy="false"]').waitFor(),
  },
  {
    name: 'handover, choosing clients',
    path: () => '/caseload/handover',
    heading: { en: 'Hand over a caseload', fr: 'Confier une charge de cas' },
    before: casesAs('manager'),
    act: async (page, server) => {
      await page.locator('form[aria-busy="false"]').waitFor();
      const amira = await page
        .locator('select[name="fromUserId"] option', { hasText: server.user.displayName })
        .getAttribute('value');
      await page.locator('select[name="fromUserId"]').selectOption(amira ?? '');
      await page.locator('input[name="scope"]').last().check();
      await page.locator('fieldset.checkbox-group input[type="checkbox"]').first().waitFor();
      // Found by part of a name, all those shown chosen at once: the count says so.
      await page.locator('.client-picker input[type="search"]').fill('Tremblay');
      await page.locator('.client-picker .form-actions button').first().click();
      await page.locator('.client-picker p[role="status"]', { hasText: /^1 / }).waitFor();
    },
  },
  {
    name: 'handover, confirming what moves',
    path: () => '/caseload/handover',
    heading: { en: 'Hand over a caseload', fr: 'Confier une charge de cas' },
    before: casesAs('manager'),
    act: async (page, server) => {
      await page.locator('form[aria-busy="false"]').waitFor();
      const option = (name: string) =>
        page.locator('select[name="fromUserId"] option', { hasText: name }).first().getAttribute('value');
      await page.locator('select[name="fromUserId"]').selectOption((await option(server.user.displayName)) ?? '');
      await page.locator('select[name="toUserId"]').selectOption({ index: 1 });
      await page.locator('main form button[type="submit"]').click();
      await page.locator('#handover-confirm').waitFor();
    },
  },
  {
    name: 'handover for a counsellor',
    path: () => '/caseload/handover',
    heading: notForRole,
    before: casesAs('counsellor'),
  },
  {
    name: 'my tasks',
    path: () => '/tasks',
    heading: { en: 'My tasks', fr: 'Mes tâches' },
    before: casesAs('counsellor'),
    act: (page) => page.locator('main table').first().waitFor(),
  },
  {
    name: 'notifications',
    path: () => '/notifications',
    heading: { en: 'Notifications', fr: 'Avis' },
    before: casesAs('caseworker'),
    act: (page) => page.locator('.notification').first().waitFor(),
  },
  {
    name: "the agency's transfers, one leaving it",
    path: () => '/transfers',
    heading: { en: 'Transfers', fr: 'Transferts' },
    before: casesAs('counsellor'),
    act: (page) => page.locator('article.transfer').first().waitFor(),
  },
  {
    name: 'access requests asked of the agency',
    path: () => '/access-requests',
    heading: { en: 'Access requests', fr: "Demandes d'accès" },
    before: casesAs('caseworker'),
    act: (page) => page.locator('section.editor form[aria-busy="false"]').waitFor(),
  },
  {
    name: 'access requests made by the agency',
    path: () => '/access-requests',
    heading: { en: 'Access requests', fr: "Demandes d'accès" },
    before: casesAs('counsellor'),
    act: (page) => page.locator('article.card').first().waitFor(),
  },
  {
    name: 'new client: asking for access to a possible existing record',
    path: () => '/clients/new',
    heading: newClientHeading,
    before: casesAs('counsellor'),
    act: async (page) => {
      await searchFor(page, margueriteIdentity);
      await page.locator('.match-hidden button').click();
      await page.locator('.match-hidden form button[type="submit"]').click();
      await summaryFocused(page);
    },
  },
  {
    name: "the client's own file",
    path: () => '/my-file',
    heading: { en: 'Your file', fr: 'Votre dossier' },
    before: asClientAccount,
    act: (page) => page.locator('.stream-box').waitFor(),
  },
  {
    name: "the client's own file, stopping a consent",
    path: () => '/my-file',
    heading: { en: 'Your file', fr: 'Votre dossier' },
    before: asClientAccount,
    act: async (page) => {
      await page
        .locator('#my-sharing ~ * table button, section[aria-labelledby="my-sharing"] table button')
        .first()
        .click();
      await page.locator('textarea[name="withdrawReason"]').waitFor();
    },
  },
  {
    name: "the client's own file for a counsellor",
    path: () => '/my-file',
    heading: notForRole,
    before: casesAs('counsellor'),
  },
  {
    name: 'assessment report for an agency manager',
    path: () => '/reports/assessments',
    heading: { en: 'Assessment report', fr: 'Rapport sur les évaluations' },
    before: casesAs('manager'),
    act: (page) => page.locator('figure.chart').first().waitFor(),
  },
  {
    name: 'assessment report for the system manager',
    path: () => '/reports/assessments',
    heading: { en: 'Assessment report', fr: 'Rapport sur les évaluations' },
    before: async (context, server) => {
      await withCases(server);
      await asAdmin(context, server);
    },
    act: (page) => page.locator('figure.chart').first().waitFor(),
  },
  {
    name: 'client file not found',
    path: () => `/clients/${missingOrganization}`,
    heading: { en: 'Client file not found', fr: 'Dossier introuvable' },
    before: asCounsellor,
    expectedErrors: new RegExp(`404.*/api/clients/${missingOrganization}`),
  },
  {
    name: 'unknown page',
    path: () => '/no-such-page',
    heading: { en: 'Page not found', fr: 'Page introuvable' },
    // The server answers the shell with a 404 status, which the browser reports.
    expectedErrors: /404.*\/no-such-page/,
  },
];

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

  for (const language of ['en', 'fr'] as const) {
    describe(`in ${language === 'en' ? 'English' : 'French'}`, () => {
      for (const pageCase of pages) {
        it(`${pageCase.name}: no axe violations, lang="${language}", one h1`, async () => {
          const { context, page, problems } = await openPage(browser, { language });
          try {
            await pageCase.before?.(context, server);
            await page.goto(server.url + pageCase.path(server));
            await waitForPageReady(page);
            await pageCase.act?.(page, server, language);

            expect(await page.getAttribute('html', 'lang')).toBe(language);
            expect(await page.locator('h1').allTextContents()).toEqual([pageCase.heading[language]]);
            expect(await page.title()).toBe(`${pageCase.heading[language]} – Continuum`);
            expect(await page.locator('main#main').count()).toBe(1);
            expect(await axeViolations(page)).toEqual([]);

            const unexpected = problems.filter((p) => !pageCase.expectedErrors?.test(p));
            expect(unexpected).toEqual([]);
          } finally {
            await context.close();
          }
        });
      }
    });
  }

  // The server's CSP (script-src 'self'; style-src 'self') would block anything inline.
  it('builds an index.html with no inline script or style', () => {
    const html = fs.readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('marks the current page in the navigation with aria-current', async () => {
    const { context, page } = await openPage(browser, { language: 'en' });
    try {
      await page.goto(`${server.url}/directory`);
      await waitForPageReady(page);
      const current = page.locator('nav a[aria-current="page"]');
      expect(await current.allTextContents()).toEqual(['Directory']);
    } finally {
      await context.close();
    }
  });

  it('shows the live counts as a table and as a chart with a text alternative', async () => {
    const { context, page } = await openPage(browser, { language: 'en' });
    try {
      await page.goto(server.url);
      await waitForPageReady(page);
      const row = page.locator('table tbody tr', { hasText: 'Community agencies' });
      // One seeded community agency plus the extra job clubs.
      expect(await row.locator('td').textContent()).toBe('21');
      const chart = page.locator('[role="img"]');
      expect(await chart.getAttribute('aria-label')).toContain('Community agencies: 21');
      expect(await page.locator('table tfoot td').textContent()).toBe('26');
    } finally {
      await context.close();
    }
  });

  // WCAG 1.4.10 Reflow: usable at 320 CSS pixels wide without scrolling sideways.
  for (const language of ['en', 'fr'] as const) {
    it(`reflows to a 320 px wide screen without horizontal scrolling (${language})`, async () => {
      const { context, page, problems } = await openPage(browser, { language, width: 320, height: 640 });
      try {
        for (const pageCase of pages) {
          await pageCase.before?.(context, server);
          await page.goto(server.url + pageCase.path(server));
          await waitForPageReady(page);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${pageCase.name} is wider than the screen`).toBeLessThanOrEqual(0);
        }
        expect(problems.filter((p) => !pages.some((c) => c.expectedErrors?.test(p)))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
