import { Link } from 'react-router';
import { useDocumentTitle, useI18n } from '../i18n/i18n.tsx';
import { PageHeading } from '../components/route-focus.tsx';

export type NotFoundKind = 'page' | 'organization';

export function NotFoundContent({ kind }: { kind: NotFoundKind }) {
  const { t } = useI18n();
  const title = kind === 'page' ? t('notFound.title') : t('notFound.organizationTitle');
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{kind === 'page' ? t('notFound.body') : t('notFound.organizationBody')}</p>
      <p>{t('notFound.next')}</p>
      <ul className="link-list">
        <li>
          <Link to="/">{t('notFound.homeLink')}</Link>
        </li>
        <li>
          <Link to="/directory">{t('notFound.directoryLink')}</Link>
        </li>
      </ul>
    </>
  );
}

export function NotFoundPage() {
  return <NotFoundContent kind="page" />;
}
