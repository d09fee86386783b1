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
