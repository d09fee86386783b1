import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { getDigest, setDigest } from '../api-case.ts';
import { SectionProblem, useNotice } from '../components/section-state.tsx';
import { useApi } from '../use-api.ts';
import { Link } from 'react-router';
import { getOrganization, isAbort, type Organization } from '../api.ts';
import { useDocumentTitle, useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { PageHeading } from '../components/route-focus.tsx';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { organizationName } from '../components/organization-text.ts';
import { useSession } from '../session.tsx';

export const roleKey = (role: string) => `role.${role}` as MessageKey;

function AccountContent() {
  const { t, language } = useI18n();
  useDocumentTitle(t('account.title'));
  const session = useSession();
  const [organization, setOrganization] = useState<Organization | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const organizationId = session.status === 'signedIn' ? session.user.organizationId : undefined;

  useEffect(() => {
    if (!organizationId) return;
    const controller = new AbortController();
    getOrganization(organizationId, controller.signal).then(setOrganization, (error: unknown) => {
      if (!isAbort(error)) setOrganization(undefined);
    });
    return () => controller.abort();
  }, [organizationId]);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  if (session.status !== 'signedIn') return null;
  const { user } = session;

  const signOutEverywhere = () => {
    setFailed(false);
    // Signed out, this page sends the person to sign in with a note that every device is signed out.
    session.signOutEverywhere().catch(() => setFailed(true));
  };

  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      <dl className="details">
        <div>
          <dt>{t('account.name')}</dt>
          <dd>{user.displayName}</dd>
        </div>
        <div>
          <dt>{t('signIn.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t('account.organization')}</dt>
          <dd>{organization ? organizationName(organization, language) : '…'}</dd>
        </div>
        <div>
          <dt>{t('account.roles')}</dt>
          <dd>
            <ul className="plain-list">
              {user.roles.map((role) => (
                <li key={role}>{t(roleKey(role))}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('account.twoStep')}</dt>
          <dd>
            {user.mfaEnrolled ? t('account.twoStepOn') : t('account.twoStepOff')}{' '}
            {!user.mfaEnrolled ? <Link to="/account/two-step">{t('account.twoStepSetUp')}</Link> : null}
          </dd>
        </div>
      </dl>

      {session.can.work ? <DigestChoice csrfToken={session.csrfToken} /> : null}

      <h2>{t('account.everywhereTitle')}</h2>
      <p>{t('account.everywhereLead')}</p>
      {failed ? (
        <p role="alert" className="field-error">
          {t('error.generic')}
        </p>
      ) : null}
      {!confirming ? (
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
            {t('account.everywhere')}
          </button>
        </div>
      ) : (
        <div className="confirm" role="group" aria-labelledby="confirm-everywhere">
          <p id="confirm-everywhere">{t('account.everywhereConfirm')}</p>
          <div className="form-actions">
            <button ref={confirmButton} type="button" className="button button-danger" onClick={signOutEverywhere}>
              {t('account.everywhereYes')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('account.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

// A daily e-mail summary of unread notifications (counts and a link, never a name), or none.
function DigestChoice({ csrfToken }: { csrfToken: string }) {
  const { t } = useI18n();
  const id = useId();
  const current = useApi('digest', (signal) => getDigest(signal));
  const [choice, setChoice] = useState<'off' | 'daily' | undefined>();
  const [busy, setBusy] = useState(false);
  const notice = useNotice();
  const value = choice ?? (current.status === 'ready' ? current.data.digest : undefined);
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!value) return;
    setBusy(true);
    setDigest(value, csrfToken).then(
      (saved) => {
        setBusy(false);
        notice.show(t(saved.digest === 'daily' ? 'account.digest.savedDaily' : 'account.digest.savedOff'));
      },
      () => {
        setBusy(false);
        notice.show(t('error.generic'));
      },
    );
  };
  return (
    <section aria-labelledby={`${id}-title`} aria-busy={current.status === 'loading'}>
      <h2 id={`${id}-title`}>{t('account.digest.title')}</h2>
      {notice.element}
      {current.status === 'error' ? (
        <SectionProblem error={current.error} title={t('account.digest.loadFailed')} />
      ) : null}
      {value ? (
        <form onSubmit={save} noValidate aria-busy={busy}>
          <fieldset className="radio-group">
            <legend>{t('account.digest.question')}</legend>
            {(['off', 'daily'] as const).map((option) => (
              <div className="field-check" key={option}>
                <input
                  id={`${id}-${option}`}
                  type="radio"
                  name="digest"
                  checked={value === option}
                  onChange={() => setChoice(option)}
                />
                <label htmlFor={`${id}-${option}`}>{t(`account.digest.${option}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button-secondary" disabled={busy}>
              {t('account.digest.save')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

export function AccountPage() {
  return (
    <RequireSignIn>
      <AccountContent />
    </RequireSignIn>
  );
}
