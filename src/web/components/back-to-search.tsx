import { Link, useLocation } from 'react-router';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A record page's load: what is not a uuid cannot be a record, so it answers "not found" without
// asking the server.
export function loadById<T>(id: string, load: (id: string) => Promise<T>, what: string): Promise<T> {
  if (!uuidPattern.test(id)) {
    return Promise.reject(
      new ApiError(`No ${what} has that id.`, 'problem', 404, {
        type: 'about:blank',
        title: 'Not found',
        status: 404,
        code: 'not_found',
      }),
    );
  }
  return load(id);
}

// Home › a search page › this record. Coming from a search (its query string kept in the link's state
// under `stateKey`), the search's crumb returns to that search.
export function SearchBreadcrumbs({
  search,
  current,
}: {
  search: { to: string; label: string; stateKey: string };
  current: string;
}) {
  const { t } = useI18n();
  const state: unknown = useLocation().state;
  const kept =
    typeof state === 'object' && state !== null ? (state as Record<string, unknown>)[search.stateKey] : undefined;
  const query = typeof kept === 'string' ? kept : '';
  return (
    <nav aria-label={t('organization.breadcrumb')} className="breadcrumbs">
      <ol>
        <li>
          <Link to="/">{t('nav.home')}</Link>
        </li>
        <li>
          <Link to={query ? `${search.to}?${query}` : search.to}>{search.label}</Link>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
