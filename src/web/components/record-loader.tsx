import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { PageHeading } from './route-focus.tsx';
import { ErrorAlert } from './status.tsx';
import { loadById } from './back-to-search.tsx';
import { useApi } from '../use-api.ts';
import { NotFoundContent, type NotFoundKind } from '../pages/not-found-page.tsx';

// A page of one record by the id in its address: while it loads, a heading that says so; a record the
// reader may not see (404, or an id that is not one) reads as "not found" for its kind; another failure
// names the problem; once loaded, the page itself (keyed by the id, so another record starts afresh).
export function RecordLoader<T extends { id: string }>({
  what,
  load,
  notFound,
  loading,
  failed,
  children,
}: {
  // The record's kind in the cache key and in the error of an id that is not one.
  what: string;
  load: (id: string, signal: AbortSignal) => Promise<T>;
  notFound: NotFoundKind;
  loading: string;
  failed: string;
  children: (record: T) => ReactNode;
}) {
  const { id = '' } = useParams();
  const loaded = useApi(`${what}:${id}`, (signal) => loadById(id, (x) => load(x, signal), what));
  if (loaded.status === 'error' && loaded.error.status === 404) return <NotFoundContent kind={notFound} />;
  if (loaded.status === 'ready') return <div key={loaded.data.id}>{children(loaded.data)}</div>;
  return (
    <div aria-busy={loaded.status === 'loading'}>
      <PageHeading ready={loaded.status === 'error'}>{loaded.status === 'loading' ? loading : failed}</PageHeading>
      {loaded.status === 'error' ? <ErrorAlert title={failed} error={loaded.error} /> : null}
    </div>
  );
}
