import { Link } from 'react-router';
import type { Organization } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Loadable } from '../use-api.ts';
import { organizationName } from './organization-text.ts';

// A chooser of organizations by name (in the page's language), with "Any" first when it filters.
export function OrganizationSelect({
  id,
  value,
  onChange,
  organizations,
  any = false,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  organizations: Loadable<Organization[]>;
  any?: boolean;
}) {
  const { t, language } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{t('account.organization')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {any ? <option value="">{t('admin.any')}</option> : null}
        {organizations.status === 'ready'
          ? organizations.data.map((o) => (
              <option key={o.id} value={o.id}>
                {organizationName(o, language)}
              </option>
            ))
          : null}
      </select>
    </div>
  );
}

// Previous and next pages of a list, with where the person is.
export function PageLinks({ page, pages, link }: { page: number; pages: number; link: (page: number) => string }) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('admin.pagination')} className="pagination">
      {page > 1 ? (
        <Link to={link(page - 1)} rel="prev">
          {t('directory.pagination.previous')}
        </Link>
      ) : null}
      <span>{t('directory.pagination.position', { page, pages })}</span>
      {page < pages ? (
        <Link to={link(page + 1)} rel="next">
          {t('directory.pagination.next')}
        </Link>
      ) : null}
    </nav>
  );
}
