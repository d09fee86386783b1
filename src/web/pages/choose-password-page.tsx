import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { acceptInvitation, ApiError, completePasswordReset, problemFields } from '../api.ts';
import { useDocumentTitle, useI18n } from '../i18n/i18n.tsx';
import { PageHeading } from '../components/route-focus.tsx';
import { PasswordField, useForm, type FormError } from '../components/form.tsx';
import { useSession } from '../session.tsx';

export type ChoosePasswordMode = 'reset' | 'invitation';

// The same limits as the server's policy (src/domain/accounts/password.ts); the server also refuses
// common passwords and ones built from the person's name or e-mail address.
const MIN_LENGTH = 12;
const MAX_LENGTH = 128;

// The token arrives in the fragment (#token=…), which browsers never send to a server. It is read
// once and then taken out of the address bar and history, so it does not linger on screen.
function useFragmentToken(): string | undefined {
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? undefined);
  useEffect(() => {
    if (window.location.hash)
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);
  return token;
}

export function ChoosePasswordPage({ mode }: { mode: ChoosePasswordMode }) {
  const { t } = useI18n();
  const title = mode === 'reset' ? t('password.resetTitle') : t('password.invitationTitle');
  useDocumentTitle(title);
  const navigate = useNavigate();
  const session = useSession();
  const token = useFragmentToken();
  const form = useForm();
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [linkDead, setLinkDead] = useState(token === undefined);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting || token === undefined) return;
    setShown(false);
    const length = [...password].length;
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      form.fail([
        {
          key: 'length',
          message: t(length < MIN_LENGTH ? 'password.error.tooShort' : 'password.error.tooLong'),
          fields: ['password'],
        },
      ]);
      return;
    }
    setSubmitting(true);
    const save = mode === 'reset' ? completePasswordReset : acceptInvitation;
    save(token, password, session.status === 'signedIn' ? session.csrfToken : undefined).then(
      () => void navigate(mode === 'reset' ? '/sign-in?reset=1' : '/sign-in?welcome=1'),
      (error: unknown) => {
        setSubmitting(false);
        const fields = problemFields(error);
        let errors: FormError[];
        if (
          fields.some((f) => f.field === 'token') ||
          (error instanceof ApiError && error.code === 'invalid' && fields.length === 0)
        ) {
          setLinkDead(true);
          errors = [];
        } else if (fields.some((f) => f.field === 'password')) {
          errors = [{ key: 'refused', message: t('password.error.refused'), fields: ['password'] }];
        } else if (error instanceof ApiError && error.kind === 'network') {
          errors = [{ key: 'network', message: t('error.network'), fields: [] }];
        } else {
          errors = [{ key: 'generic', message: t('error.generic'), fields: [] }];
        }
        if (errors.length > 0) form.fail(errors);
      },
    );
  };

  if (linkDead) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <p className="lead">{token === undefined ? t('password.noLink') : t('password.deadLink')}</p>
        <p>{mode === 'reset' ? t('password.askAgainReset') : t('password.askAgainInvitation')}</p>
        <ul className="link-list">
          <li>
            <Link to="/forgot-password">{t('password.askNewLink')}</Link>
          </li>
          <li>
            <Link to="/sign-in">{t('password.backToSignIn')}</Link>
          </li>
        </ul>
      </>
    );
  }

  return (
    <>
      <PageHeading>{title}</PageHeading>
      {form.summary}
      <p className="lead">{mode === 'reset' ? t('password.resetLead') : t('password.invitationLead')}</p>
      <form onSubmit={onSubmit} noValidate aria-busy={submitting}>
        <PasswordField
          form={form}
          name="password"
          label={t('password.new')}
          hint={t('password.rules')}
          value={password}
          onChange={setPassword}
          shown={shown}
          onToggle={() => setShown((s) => !s)}
          autoComplete="new-password"
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('password.save')}
          </button>
        </div>
      </form>
    </>
  );
}
