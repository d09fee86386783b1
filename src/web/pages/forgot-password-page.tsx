import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, requestPasswordReset } from '../api.ts';
import { useDocumentTitle, useI18n } from '../i18n/i18n.tsx';
import { PageHeading } from '../components/route-focus.tsx';
import { TextField, useForm } from '../components/form.tsx';
import { useSession } from '../session.tsx';

// Asks for a reset link. The answer is the same whether or not the address has an account, so the
// page never tells anyone which addresses are registered.
export function ForgotPasswordPage() {
  const { t } = useI18n();
  useDocumentTitle(t('password.forgotTitle'));
  const form = useForm();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const address = email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) {
      form.fail([{ key: 'email', message: t('password.error.emailFormat'), fields: ['email'] }]);
      return;
    }
    setSubmitting(true);
    requestPasswordReset(address, session.status === 'signedIn' ? session.csrfToken : undefined).then(
      () => {
        setSubmitting(false);
        form.clear();
        setSentTo(address);
      },
      (error: unknown) => {
        setSubmitting(false);
        const network = error instanceof ApiError && error.kind === 'network';
        form.fail([{ key: 'failed', message: network ? t('error.network') : t('error.generic'), fields: [] }]);
      },
    );
  };

  return (
    <>
      <PageHeading>{t('password.forgotTitle')}</PageHeading>
      {form.summary}
      <p role="status" className="notice" hidden={sentTo === undefined}>
        {sentTo === undefined ? '' : t('password.sent', { email: sentTo })}
      </p>
      <p className="lead">{t('password.forgotLead')}</p>
      <form onSubmit={onSubmit} noValidate aria-busy={submitting}>
        <TextField
          form={form}
          name="email"
          label={t('signIn.email')}
          type="email"
          value={email}
          onChange={setEmail}
          maxLength={254}
          autoComplete="username"
          spellCheck={false}
          autoCapitalize="none"
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('password.sendLink')}
          </button>
        </div>
      </form>
      <p>
        <Link to="/sign-in">{t('password.backToSignIn')}</Link>
      </p>
    </>
  );
}
