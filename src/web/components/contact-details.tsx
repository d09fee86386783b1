import { useI18n } from '../i18n/i18n.tsx';

// A website, a phone number and an e-mail address as links, for an organization or a program.
export function ContactDetails({
  website,
  phone,
  email,
}: {
  website: string | null;
  phone: string | null;
  email: string | null;
}) {
  const { t } = useI18n();
  // Only web addresses become links (never javascript: or the like).
  const url = website && /^https?:\/\//i.test(website) ? website : undefined;
  return (
    <dl className="details">
      {url ? (
        <div>
          <dt>{t('organization.website')}</dt>
          <dd>
            <a href={url}>{url.replace(/^https?:\/\//i, '').replace(/\/$/, '')}</a>
          </dd>
        </div>
      ) : null}
      {phone ? (
        <div>
          <dt>{t('organization.phone')}</dt>
          <dd>
            <a href={`tel:${phone.replace(/[^0-9+]/g, '')}`}>{phone}</a>
          </dd>
        </div>
      ) : null}
      {email ? (
        <div>
          <dt>{t('organization.email')}</dt>
          <dd>
            <a href={`mailto:${email}`}>{email}</a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
