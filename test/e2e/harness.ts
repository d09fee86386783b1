import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { systemActor } from '../../src/access/actor.ts';
import { openDatabase, withTransaction, type Db } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { z } from 'zod';
import { newOrganizationSchema, type Organization } from '../../src/domain/organizations/organization.ts';
import { createOrganization } from '../../src/domain/organizations/organization.service.ts';
import { insertUser } from '../../src/domain/accounts/account.queries.ts';
import { hashPassword } from '../../src/domain/accounts/password.ts';
import type { Role } from '../../src/domain/accounts/account.ts';
import { buildApp } from '../../src/server/app.ts';
import { required } from '../engines.ts';

// No vitest imports here: the e2e global setup imports this file too.

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_DIR = path.join(REPO_ROOT, 'dist', 'web');
const WEB_SOURCE_DIR = path.join(REPO_ROOT, 'src', 'web');
const VITE_CONFIG = path.join(REPO_ROOT, 'vite.config.ts');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function browserRequired(): boolean {
  return required('REQUIRE_BROWSER');
}

// Why the browser suites cannot run here, or null when they can.
export function browserUnavailableReason(): string | null {
  if (fs.existsSync(CHROMIUM_PATH)) return null;
  return `no Chromium at ${CHROMIUM_PATH} (install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH; never \`npx playwright install\`)`;
}

// For describe.skipIf: true skips the suite and says why, once; REQUIRE_BROWSER=1 (CI) turns it into a failure.
export function skipBrowserSuite(suite: string): boolean {
  const reason = browserUnavailableReason();
  if (!reason) return false;
  if (browserRequired()) throw new Error(`REQUIRE_BROWSER=1 but the browser suite "${suite}" cannot run: ${reason}.`);
  console.warn(`[e2e] Skipping the browser suite "${suite}": ${reason}. Set REQUIRE_BROWSER=1 to make this a failure.`);
  return true;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

// The server serves dist/web; build it when it is missing or older than the sources, so the
// suite never tests a stale UI. `npm run build:web` does the same from the command line.
export function webBuildIsCurrent(): boolean {
  const index = path.join(WEB_DIR, 'index.html');
  if (!fs.existsSync(index)) return false;
  const built = fs.statSync(index).mtimeMs;
  return built >= newestMtime(WEB_SOURCE_DIR) && built >= fs.statSync(VITE_CONFIG).mtimeMs;
}

let building: Promise<void> | undefined;

export function ensureWebBuild(): Promise<void> {
  if (webBuildIsCurrent()) return Promise.resolve();
  building ??= (async () => {
    const { build } = await import('vite');
    // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build (StrictMode
    // double effects, dev-only warnings): test what ships.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: VITE_CONFIG, mode: 'production', logLevel: 'warn' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
  })();
  return building;
}

// Fictional organizations: one bilingual with a French name, one per other type, and enough
// plain ones that the directory needs a second page.
export const seedOrganizations = {
  bilingual: {
    name: 'Riverdale Employment Hub',
    nameFr: "Carrefour de l'emploi de Riverdale",
    type: 'employment_service_provider',
    website: 'https://riverdale-employment.example.ca/',
    phone: '416-555-0142',
    email: 'info@riverdale-employment.example.ca',
    offersFrench: true,
    sites: [
      { name: 'Danforth office', streetAddress: '720 Danforth Ave', postalCode: 'M4J 1L1', wheelchairAccessible: true },
      {
        name: 'Gerrard Street satellite',
        streetAddress: '1000 Gerrard St E',
        postalCode: 'M4M 1Z3',
        wheelchairAccessible: false,
      },
    ],
  },
  training: {
    name: 'Scarborough Skills Training Institute',
    type: 'training_organization',
    website: 'https://scarborough-skills.example.ca/',
    phone: '416-555-0177',
    sites: [
      {
        name: 'Town Centre campus',
        streetAddress: '300 Borough Dr',
        postalCode: 'M1P 4P5',
        wheelchairAccessible: true,
      },
    ],
  },
  socialAssistance: {
    name: 'North York Social Assistance Office',
    nameFr: "Bureau d'aide sociale de North York",
    type: 'social_assistance_office',
    phone: '416-555-0190',
    offersFrench: true,
    sites: [{ name: 'Yonge and Sheppard office', streetAddress: '4800 Yonge St', postalCode: 'M2N 6K4' }],
  },
  community: {
    name: 'Weston Community Services',
    type: 'community_agency',
    sites: [],
  },
  employer: {
    name: 'Harbourfront Hotel Group',
    type: 'employer',
    email: 'careers@harbourfront-hotels.example.ca',
    sites: [
      { name: 'Head office', streetAddress: '10 Queens Quay W', postalCode: 'M5J 2R9', wheelchairAccessible: true },
    ],
  },
  manager: {
    name: 'Toronto Service System Manager',
    nameFr: 'Gestionnaire du système de services de Toronto',
    type: 'system_manager',
    website: 'https://service-system.example.ca/',
    offersFrench: true,
    sites: [{ name: 'Metro Hall', streetAddress: '55 John St', postalCode: 'M5V 3C6', wheelchairAccessible: true }],
  },
} satisfies Record<string, z.input<typeof newOrganizationSchema>>;

export type SeedName = keyof typeof seedOrganizations;
export const EXTRA_ORGANIZATIONS = 20;

// A fictional counsellor with a real password, to sign in as.
export const seedUser = {
  email: 'amira.haddad@riverdale-employment.example.ca',
  password: 'maple syrup on a snowy tuesday',
  displayName: 'Amira Haddad',
} as const;

// More people with real passwords, each for a journey that changes their account (so suites that share
// a server never trip over each other): two-step enrolment, a password reset, signing out everywhere.
export const journeyUsers = {
  enrol: {
    email: 'luc.tremblay@riverdale-employment.example.ca',
    password: 'snow on the scarborough bluffs',
    displayName: 'Luc Tremblay',
    organization: 'bilingual',
    roles: ['employment_counsellor'],
  },
  reset: {
    email: 'grace.owusu@riverdale-employment.example.ca',
    password: 'streetcar bells along king street',
    displayName: 'Grace Owusu',
    organization: 'bilingual',
    roles: ['employment_counsellor'],
  },
  account: {
    email: 'jun.park@riverdale-employment.example.ca',
    password: 'a lighthouse on toronto island',
    displayName: 'Jun Park',
    organization: 'bilingual',
    roles: ['employment_counsellor'],
  },
  // Administration: a system administrator at the system manager, and Riverdale's agency manager.
  admin: {
    email: 'nadia.rahman@service-system.example.ca',
    password: 'ravines full of autumn maples',
    displayName: 'Nadia Rahman',
    organization: 'manager',
    roles: ['system_administrator'],
  },
  manager: {
    email: 'omar.siddiqui@riverdale-employment.example.ca',
    password: 'pierogi at the st lawrence market',
    displayName: 'Omar Siddiqui',
    organization: 'bilingual',
    roles: ['agency_manager'],
  },
} as const satisfies Record<
  string,
  { email: string; password: string; displayName: string; organization: SeedName; roles: readonly Role[] }
>;

export type TestServer = {
  url: string;
  organizations: Record<SeedName, Organization>;
  user: typeof seedUser;
  users: typeof journeyUsers;
  // The server's database, to read what it wrote (the outbox's e-mails, say); never to fake answers.
  db: Db;
  close: () => Promise<void>;
};

export async function startTestServer(): Promise<TestServer> {
  await ensureWebBuild();
  const handle = await openDatabase({ memory: true });
  try {
    await migrate(handle.db);
    const organizations = await withTransaction(handle.db, async (trx) => {
      const actor = systemActor('test');
      const created: Partial<Record<SeedName, Organization>> = {};
      for (const [key, input] of Object.entries(seedOrganizations)) {
        created[key as SeedName] = await createOrganization(trx, actor, newOrganizationSchema.parse(input));
      }
      for (let i = 1; i <= EXTRA_ORGANIZATIONS; i += 1) {
        const number = String(i).padStart(2, '0');
        await createOrganization(
          trx,
          actor,
          newOrganizationSchema.parse({
            name: `Neighbourhood Job Club ${number}`,
            type: 'community_agency',
            sites: [{ name: `Job Club ${number} room`, streetAddress: `${100 + i} Queen St W`, postalCode: 'M5H 2N2' }],
          }),
        );
      }
      const seeded = created as Record<SeedName, Organization>;
      const people = [
        { ...seedUser, organization: 'bilingual' as SeedName, roles: ['employment_counsellor'] as readonly Role[] },
        ...Object.values(journeyUsers),
      ];
      for (const person of people) {
        await insertUser(trx, {
          organizationId: seeded[person.organization].id,
          email: person.email,
          displayName: person.displayName,
          preferredLanguage: 'en',
          passwordHash: await hashPassword(person.password),
          roles: [...person.roles],
        });
      }
      return seeded;
    });
    const app = await buildApp({ database: handle, logLevel: 'warn', webDir: WEB_DIR });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      organizations,
      user: seedUser,
      users: journeyUsers,
      db: handle.db,
      close: async () => {
        await app.close();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

// Playwright gives every launch a fresh temporary profile (user-data-dir) and deletes it on close.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Language = 'en' | 'fr';

export type OpenedPage = {
  context: BrowserContext;
  page: Page;
  // Console errors, uncaught exceptions and Content-Security-Policy violations seen so far.
  problems: string[];
};

function isSignedOutSessionCheck(text: string, url: string): boolean {
  return /status of 401\b/.test(text) && new URL(url, 'http://x.invalid').pathname === '/api/auth/session';
}

// A new context per test: its own storage, and the browser's language set as a person's would be.
export async function openPage(
  browser: Browser,
  options: { language: Language; width?: number; height?: number },
): Promise<OpenedPage> {
  const context = await browser.newContext({
    locale: options.language === 'fr' ? 'fr-CA' : 'en-CA',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  const page = await context.newPage();
  const problems: string[] = [];
  // Injected by the browser itself, so the CSP cannot block it; any blocked inline script or style reports here.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline content'}`);
    });
  });
  page.on('console', (message) => {
    // Every page asks who is signed in at start, and 401 is the ordinary answer for a visitor.
    if (isSignedOutSessionCheck(message.text(), message.location().url)) return;
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return { context, page, problems };
}

// Pages mark loading regions aria-busy; ready means an h1 and nothing still loading.
export async function waitForPageReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('main h1') !== null && document.querySelector('[aria-busy="true"]') === null,
    undefined,
    { timeout: 15_000 },
  );
}

// The same readiness, waited for with selectors: a polled function is compiled in the page, which the
// Content-Security-Policy rightly refuses on pages that report its violations as problems.
export async function waitForReadySelectors(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ timeout: 15_000 });
  await page.waitForSelector('[aria-busy="true"]', { state: 'detached', timeout: 15_000 });
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// One readable line per violation and node, so a failure says what to fix and where.
// Legacy mode runs axe in the page in one pass, 2-3 times faster here than the default, which opens a
// second page to merge frame results; the app has no iframes, so nothing is missed.
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`,
    ),
  );
}

export type FocusedElement = {
  tag: string;
  text: string;
  id: string;
  label: string;
  lang: string;
  href: string;
  inMain: boolean;
  inResults: boolean;
};

export async function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const field = el as HTMLInputElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      text: el?.textContent?.trim().replace(/\s+/g, ' ') ?? '',
      id: el?.id ?? '',
      label: field?.labels?.[0]?.textContent?.trim() ?? '',
      lang: el?.getAttribute('lang') ?? '',
      href: el?.getAttribute('href') ?? '',
      inMain: Boolean(el?.closest('main')),
      inResults: Boolean(el?.closest('.results')),
    };
  });
}

// Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would.
export async function tabUntil(
  page: Page,
  matches: (focused: FocusedElement) => boolean,
  options: { backwards?: boolean; max?: number; what?: string } = {},
): Promise<FocusedElement> {
  const seen: string[] = [];
  for (let i = 0; i < (options.max ?? 40); i += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const focused = await focusedElement(page);
    if (matches(focused)) return focused;
    seen.push(`${focused.tag}${focused.id ? `#${focused.id}` : ''} "${(focused.label || focused.text).slice(0, 40)}"`);
  }
  throw new Error(`Tab never reached ${options.what ?? 'the element'}; focus went through: ${seen.join(' → ')}`);
}

// Signs the browser context in through the real API (its cookie jar is the page's), for pages that
// need someone signed in before they open.
export async function signInContext(
  context: BrowserContext,
  server: TestServer,
  person: { email: string; password: string },
): Promise<void> {
  const current = await context.request.get(`${server.url}/api/auth/session`);
  if (current.ok() && ((await current.json()) as { user: { email: string } }).user.email === person.email) return;
  // Someone else is signed in here: start from a fresh cookie jar, as a new browser would.
  if (current.ok()) await context.clearCookies();
  const response = await context.request.post(`${server.url}/api/auth/login`, {
    data: { email: person.email, password: person.password },
  });
  if (!response.ok()) throw new Error(`sign-in as ${person.email} answered ${response.status()}`);
}

// The link in the newest e-mail the outbox holds for this address (#token=… included).
export async function latestLinkTo(server: TestServer, recipient: string): Promise<string> {
  const message = await server.db
    .selectFrom('outboxMessages')
    .select('bodyText')
    .where('recipient', '=', recipient)
    .orderBy('createdAt', 'desc')
    .executeTakeFirstOrThrow();
  const link = /https?:\/\/\S+#token=[A-Za-z0-9_-]+/.exec(message.bodyText)?.[0];
  if (!link) throw new Error(`no link in the e-mail to ${recipient}`);
  return link;
}

// Waits until the focused element matches (after a route change, the page's h1 takes focus).
export async function waitForFocusOn(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((s) => document.activeElement?.matches(s) ?? false, selector, { timeout: 10_000 });
}

// Tabs to the field with this label and types into it, as a keyboard user does.
export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await tabUntil(page, (f) => f.label === label, { what: `the field "${label}"` });
  await page.keyboard.type(text);
}
