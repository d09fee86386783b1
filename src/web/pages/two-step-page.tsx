import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, confirmTotpEnrolment, startTotpEnrolment } from '../api.ts';
import { useDocumentTitle, useI18n } from '../i18n/i18n.tsx';
import { PageHeading } from '../components/route-focus.tsx';
import { QrCode } from '../components/qr-code.tsx';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { TextField, useForm, type FormError } from '../components/form.tsx';
import { useSession } from '../session.tsx';

// "JBSW Y3DP EHPK 3PXP": easier to read out and type than one long string.
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

function TwoStepContent() {
  const { t } = useI18n();
  useDocumentTitle(t('twoStep.title'));
  const session = useSession();
  const form = useForm();
  const [offer, setOffer] = useState<{ secret: string; otpauthUri: string } | undefined>();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  if (session.status !== 'signedIn') return null;
  const { csrfToken, user, mfaEnrolmentRequired } = session;

  const failWith = (error: unknown, fallback: FormError[]) => {
    if (error instanceof ApiError && error.kind === 'network')
      form.fail([{ key: 'network', message: t('error.network'), fields: [] }]);
    else form.fail(fallback);
  };

  const start = () => {
    setBusy(true);
    startTotpEnrolment(csrfToken).then(
      (next) => {
        setBusy(false);
        form.clear();
        setOffer(next);
      },
      (error: unknown) => {
        setBusy(false);
        failWith(error, [{ key: 'start', message: t('error.generic'), fields: [] }]);
      },
    );
  };

  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      form.fail([{ key: 'format', message: t('signIn.error.codeFormat'), fields: ['code'] }]);
      return;
    }
    setBusy(true);
    confirmTotpEnrolment(digits, csrfToken).then(
      () => {
        setBusy(false);
        form.clear();
        setDone(true);
        void session.refresh();
      },
      (error: unknown) => {
        setBusy(false);
        setCode('');
        failWith(error, [{ key: 'wrong', message: t('twoStep.error.codeWrong'), fields: ['code'] }]);
      },
    );
  };

  if (done || (user.mfaEnrolled && !offer)) {
    return (
      <>
        <PageHeading>{t('twoStep.title')}</PageHeading>
        <p role="status" className="notice">
          {done ? t('twoStep.turnedOn') : t('twoStep.alreadyOn')}
        </p>
        {!done ? <p>{t('twoStep.lostPhone')}</p> : null}
        <ul className="link-list">
          <li>
            <Link to="/account">{t('twoStep.backToAccount')}</Link>
          </li>
          <li>
            <Link to="/">{t('notFound.homeLink')}</Link>
          </li>
        </ul>
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('twoStep.title')}</PageHeading>
      {mfaEnrolmentRequired ? <p className="notice">{t('twoStep.required')}</p> : null}
      {form.summary}
      <p className="lead">{t('twoStep.lead')}</p>
      {!offer ? (
        <div className="form-actions">
          <button type="button" className="button" onClick={start} disabled={busy}>
            {t('twoStep.start')}
          </button>
        </div>
      ) : (
        <>
          <ol className="steps">
            <li>
              <p>{t('twoStep.scan')}</p>
              <QrCode value={offer.otpauthUri} label={t('twoStep.qrLabel')} />
            </li>
            <li>
              <p>{t('twoStep.typeKey')}</p>
              <p className="secret" lang="en">
                <code data-testid="totp-secret">{groupSecret(offer.secret)}</code>
              </p>
            </li>
            <li>
              <form onSubmit={confirm} noValidate aria-busy={busy}>
                <TextField
                  form={form}
                  name="code"
                  label={t('twoStep.code')}
                  hint={t('signIn.codeHint')}
                  value={code}
                  onChange={setCode}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={7}
                  spellCheck={false}
                  className="input-code"
                />
                <div className="form-actions">
                  <button type="submit" className="button">
                    {t('twoStep.confirm')}
                  </button>
                </div>
              </form>
            </li>
          </ol>
        </>
      )}
    </>
  );
}

export function TwoStepPage() {
  return (
    <RequireSignIn>
      <TwoStepContent />
    </RequireSignIn>
  );
}
