import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Organization } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Loadable } from '../use-api.ts';
import { organizationName } from './organization-text.ts';

// A chooser of organizations by name (in the page's language), with "Any" first when it filters, or a
// placeholder ("Choose…") when nothing may be chosen for the person. Errors, when a form shows them, come
// from the form's pattern (components/form.tsx).
export function OrganizationSelect({
  id,
  value,
  onChange,
  organizations,
  any = false,
  label,
  placeholder,
  exclude = [],
  invalid,
  describedBy,
  errors,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  organizations: Loadable<Organization[]>;
  any?: boolean;
  label?: string;
  placeholder?: string;
  exclude?: readonly string[];
  invalid?: true | undefined;
  describedBy?: string | undefined;
  errors?: ReactNode;
}) {
  const { t, language } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t('account.organization')}</label>
      {errors}
      <select
        id={id}
        value={value}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      >
        {any ? <option value="">{t('admin.any')}</option> : null}
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {organizations.status === 'ready'
          ? organizations.data
              .filter((o) => !exclude.includes(o.id))
              .map((o) => (
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
