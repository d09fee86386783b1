import { useId, useState, type ReactNode } from 'react';
import { NavLink, useLocation, useParams } from 'react-router';
import { getClient, type ClientView, type User } from '../../api.ts';
import { useDocumentTitle, useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireSignIn } from '../../components/require-sign-in.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { NotFoundContent } from '../not-found-page.tsx';

// The parts of a client's file, each a page of its own under /clients/:id, reached from the file's
// navigation. Each is offered only where the file's `can` (the server's decision for this caller and
// this file, docs/api.md) says its route would answer.
export const fileSections = [
  'file',
  'summary',
  'timeline',
  'plan',
  'notes',
  'team',
  'tasks',
  'attachments',
  'transfers',
  'referrals',
  'jobs',
  'reviews',
  'edit',
  'manage',
] as const;
export type FileSection = (typeof fileSections)[number];

const titleKey = {
  file: 'clients.nav.file',
  summary: 'clients.nav.summary',
  timeline: 'clients.nav.timeline',
  plan: 'clients.nav.plan',
  notes: 'clients.nav.notes',
  team: 'clients.nav.team',
  tasks: 'clients.nav.tasks',
  attachments: 'clients.nav.attachments',
  transfers: 'clients.nav.transfers',
  referrals: 'clients.nav.referrals',
  jobs: 'clients.nav.jobs',
  reviews: 'clients.nav.reviews',
  edit: 'clients.nav.edit',
  manage: 'clients.nav.manage',
} as const satisfies Record<FileSection, MessageKey>;

// The file, its summary and its timeline are open to whoever reads the file; each other part to
// those its entries of `can` name.
const opens: Record<FileSection, (can: ClientView['can'], client: ClientView) => boolean> = {
  file: () => true,
  summary: () => true,
  timeline: () => true,
  plan: (can) => can.readPlan,
  notes: (can) => can.readNotes,
  team: (can) => can.readTeam,
  tasks: (can) => can.readTasks,
  // Attachments belong to identity_contact or employment: without either there is nothing to show.
  attachments: (can, client) =>
    can.readAttachments && client.access.categories.some((c) => c === 'identity_contact' || c === 'employment'),
  transfers: (can) => can.readTransfers || can.requestTransfer,
  referrals: (can) => can.readReferrals || can.sendReferral || can.readProgramMatches,
  jobs: (can) => can.readJobMatches || can.readPlacements,
  reviews: (can) => can.readAssessment,
  edit: (can) => can.updateRecord,
  manage: (can) => can.changeStatus || can.inviteAccount,
};

// 'role': the caller's agency holds the file, so what is missing is their roles' limit; 'shared':
// another agency's file, not shared with the caller for this part.
export function sectionAccess(section: FileSection, client: ClientView): 'yes' | 'role' | 'shared' {
  if (opens[section](client.can, client)) return 'yes';
  return client.access.scope === 'own' ? 'role' : 'shared';
}

export function sectionPath(clientId: string, section: FileSection): string {
  return section === 'file' ? `/clients/${clientId}` : `/clients/${clientId}/${section}`;
}

export function clientName(client: ClientView | undefined, untitled: string): string {
  const identity = client?.identityContact;
  return identity ? `${identity.givenName} ${identity.familyName}` : untitled;
}

export type ClientScope = {
  client: ClientView;
  user: User;
  csrfToken: string;
  // After a change the server answers the file again: the page shows it without reloading.
  replaceClient: (client: ClientView) => void;
};

export function ClientSubPage({
  section,
  intro,
  children,
}: {
  section: FileSection;
  intro?: ReactNode;
  children: (scope: ClientScope) => ReactNode;
}) {
  return (
    <RequireSignIn>
      <Shell section={section} intro={intro}>
        {children}
      </Shell>
    </RequireSignIn>
  );
}

function Shell({
  section,
  intro,
  children,
}: {
  section: FileSection;
  intro?: ReactNode;
  children: (scope: ClientScope) => ReactNode;
}) {
  const { t } = useI18n();
  const session = useSession();
  const { id = '' } = useParams();
  const loaded = useApi(`client|${id}`, (signal) => getClient(id, signal));
  const [replaced, setReplaced] = useState<ClientView | undefined>();
  const client = replaced?.id === id ? replaced : loaded.status === 'ready' ? loaded.data : undefined;
  const notFound = loaded.status === 'error' && loaded.error.status === 404;
  const name = clientName(client, t('clients.page.untitled'));
  // Every part has a title of its own (WCAG 2.4.2); the file itself is titled by the client's name.
  const heading = section === 'file' ? name : `${t(titleKey[section])} – ${name}`;
  const title = client
    ? heading
    : loaded.status === 'loading'
      ? t('admin.loading')
      : notFound
        ? t('notFound.clientTitle')
        : t('clients.page.untitled');
  useDocumentTitle(title);

  // Another agency's client and a random id get the same answer from the server, and the same page here.
  if (notFound) return <NotFoundContent kind="client" />;
  if (session.status !== 'signedIn') return null;
  if (!client) {
    return (
      <div aria-busy={loaded.status === 'loading'}>
        {loaded.status === 'loading' ? <Loading label={t('clients.page.loading')} /> : null}
        {loaded.status === 'error' ? (
          <>
            <PageHeading>{t('clients.page.untitled')}</PageHeading>
            <ErrorAlert title={t('clients.page.loadFailed')} error={loaded.error} />
          </>
        ) : null}
      </div>
    );
  }
  const access = sectionAccess(section, client);
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <FileNav client={client} current={section} />
      {intro}
      {access === 'yes' ? (
        children({ client, user: session.user, csrfToken: session.csrfToken, replaceClient: setReplaced })
      ) : (
        <p className="notice notice-calm">{access === 'role' ? t('section.notForRole') : t('section.notShared')}</p>
      )}
    </>
  );
}

// On a phone the parts of the file fold behind one button naming the part shown, so the part itself
// starts near the top instead of below a wall of links; following a link folds them again.
function FileNav({ client, current }: { client: ClientView; current: FileSection }) {
  const { t } = useI18n();
  const listId = useId();
  const { pathname } = useLocation();
  const [open, setOpen] = useState<string | undefined>();
  const shown = fileSections.filter((s) => sectionAccess(s, client) === 'yes');
  if (shown.length <= 1) return null;
  const isOpen = open === pathname;
  return (
    <nav className="file-nav" aria-label={t('clients.nav.label')}>
      <button
        type="button"
        className="file-nav-button"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setOpen(isOpen ? undefined : pathname)}
      >
        {t('clients.nav.toggle', { part: t(titleKey[current]), count: shown.length })}
        <span aria-hidden="true">{isOpen ? '▴' : '▾'}</span>
      </button>
      <ul id={listId} className={isOpen ? 'is-open' : undefined}>
        {shown.map((s) => (
          <li key={s}>
            <NavLink to={sectionPath(client.id, s)} end>
              {t(titleKey[s])}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
