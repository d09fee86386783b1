import { Link } from 'react-router';
import { useDocumentTitle, useI18n } from '../i18n/i18n.tsx';
import { PageHeading } from '../components/route-focus.tsx';

export type NotFoundKind = 'page' | 'organization' | 'client' | 'service' | 'referral' | 'job' | 'placement' | 'event';

const titleKey = {
  page: 'notFound.title',
  organization: 'notFound.organizationTitle',
  client: 'notFound.clientTitle',
  service: 'notFound.serviceTitle',
  referral: 'notFound.referralTitle',
  job: 'notFound.jobTitle',
  placement: 'notFound.placementTitle',
  event: 'notFound.eventTitle',
} as const;
const bodyKey = {
  page: 'notFound.body',
  organization: 'notFound.organizationBody',
  client: 'notFound.clientBody',
  service: 'notFound.serviceBody',
  referral: 'notFound.referralBody',
  job: 'notFound.jobBody',
  placement: 'notFound.placementBody',
  event: 'notFound.eventBody',
} as const;

export function NotFoundContent({ kind }: { kind: NotFoundKind }) {
  const { t } = useI18n();
  const title = t(titleKey[kind]);
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">{t(bodyKey[kind])}</p>
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
