import { Link } from 'react-router';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireAdmin } from '../../components/require-admin.tsx';

export function AdminHomePage() {
  const { t } = useI18n();
  useDocumentTitle(t('admin.title'));
  return (
    <RequireAdmin>
      {({ user, acrossOrganizations }) => (
        <>
          <PageHeading>{t('admin.title')}</PageHeading>
          <p className="lead">{acrossOrganizations ? t('admin.leadSystem') : t('admin.leadAgency')}</p>
          <ul className="link-list">
            <li>
              <Link to="/admin/users">{t('admin.users.title')}</Link>
            </li>
            <li>
              <Link to={acrossOrganizations ? '/admin/organizations' : `/admin/organizations/${user.organizationId}`}>
                {acrossOrganizations ? t('admin.organizations.title') : t('admin.organizations.yours')}
              </Link>
            </li>
            <li>
              <Link to="/admin/audit">{t('admin.audit.title')}</Link>
            </li>
          </ul>
        </>
      )}
    </RequireAdmin>
  );
}
