import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';

// Previous and next pages of a list loaded in place (a search sent in a request body, a section of a
// page), with where the person is; nothing when the list fits on one page.
export function PageButtons({ page, pages, onPage }: { page: number; pages: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <div className="pagination">
      {page > 1 ? (
        <button type="button" className="button-secondary" onClick={() => onPage(page - 1)}>
          {t('directory.pagination.previous')}
        </button>
      ) : null}
      <span>{t('directory.pagination.position', { page, pages })}</span>
      {page < pages ? (
        <button type="button" className="button-secondary" onClick={() => onPage(page + 1)}>
          {t('directory.pagination.next')}
        </button>
      ) : null}
    </div>
  );
}

// A list's filters and page, kept in the address so a link or the back button returns to them: the
// current values, and a setter that changes some (an empty or undefined value removes it) and goes
// back to the first page unless the page itself is what changes.
export function useAddressFilters(): [URLSearchParams, (changes: Record<string, string | undefined>) => void] {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes))
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  return [params, set];
}
