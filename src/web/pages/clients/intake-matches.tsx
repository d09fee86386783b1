import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { DuplicateMatch } from '../../api.ts';
import { requestAccess } from '../../api-case.ts';
import { useI18n, type Language } from '../../i18n/i18n.tsx';
import { TextAreaField, useForm } from '../../components/form.tsx';
import { formErrorsOf } from '../../components/section-state.tsx';
import { useSession } from '../../session.tsx';
import { organizationName } from '../../components/organization-text.ts';
import { useApi } from '../../use-api.ts';
import { loadAllOrganizations } from '../admin/organizations-lookup.ts';
import { formatDate, formatScore } from './client-text.ts';

type T = ReturnType<typeof useI18n>['t'];

// The server explains a match in fixed English phrases (client.service.ts); each has words of its own
// here, and an unknown one is shown as it came, marked as English.
export function matchReason(reason: string, t: T, language: Language): { text: string; lang?: 'en' } {
  const similarity = /^name similarity (\d+(?:\.\d+)?)$/.exec(reason);
  if (similarity)
    return { text: t('intake.reason.name', { similarity: formatScore(Number(similarity[1]), language) }) };
  switch (reason) {
    case 'same date of birth':
      return { text: t('intake.reason.sameDate') };
    case 'date of birth with day and month swapped':
      return { text: t('intake.reason.swappedDate') };
    case 'date of birth one year apart':
      return { text: t('intake.reason.yearApart') };
    case 'same external identifier':
      return { text: t('intake.reason.sameId') };
    default:
      return { text: reason, lang: 'en' };
  }
}

function Reasons({ reasons }: { reasons: string[] }) {
  const { t, language } = useI18n();
  return (
    <ul className="match-reasons">
      {reasons.map((reason) => {
        const shown = matchReason(reason, t, language);
        return (
          <li key={reason} lang={shown.lang}>
            {shown.text}
          </li>
        );
      })}
    </ul>
  );
}

// Records that may be this person. One the worker may see links to its file; any other shows only
// that it exists, how closely it matches and why: no name, agency or field (docs/permissions.md 3.4).
export function MatchList({ matches, ownOrganizationId }: { matches: DuplicateMatch[]; ownOrganizationId: string }) {
  const { t, language } = useI18n();
  const organizations = useApi('organizations', loadAllOrganizations);
  const holder = (organizationId: string) => {
    if (organizationId === ownOrganizationId) return t('intake.match.heldByYou');
    const organization =
      organizations.status === 'ready' ? organizations.data.find((o) => o.id === organizationId) : undefined;
    return organization
      ? t('intake.match.heldBy', { name: organizationName(organization, language) })
      : t('intake.match.sharedWithYou');
  };
  return (
    <ul className="match-list">
      {matches.map((match, i) =>
        match.kind === 'visible' ? (
          <li key={match.clientId} className="match">
            <p className="match-title">
              <Link to={`/clients/${match.clientId}`}>
                {t('intake.match.open', { name: `${match.givenName} ${match.familyName}` })}
              </Link>
            </p>
            <p>
              {t('intake.match.born', { date: formatDate(match.dateOfBirth, language) })} ·{' '}
              {holder(match.organizationId)}
            </p>
            <p>{t('intake.match.score', { score: formatScore(match.score, language) })}</p>
            <Reasons reasons={match.reasons} />
          </li>
        ) : (
          <li key={`possible-${i}`} className="match match-hidden">
            <p className="match-title">{t('intake.match.possible')}</p>
            <p>{t('intake.match.score', { score: formatScore(match.score, language) })}</p>
            <Reasons reasons={match.reasons} />
            <p>{t('intake.match.possibleExplain')}</p>
            <AskForAccess matchToken={match.matchToken} />
          </li>
        ),
      )}
    </ul>
  );
}

// Rather than a second file: ask the holding agency, which asks the client and records their consent.
// The match token stands for the record; the requester learns nothing more until it is granted.
function AskForAccess({ matchToken }: { matchToken: string }) {
  const { t } = useI18n();
  const session = useSession();
  const form = useForm();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const sentRef = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);
  if (session.status !== 'signedIn') return null;
  const { csrfToken } = session;
  if (sent) {
    return (
      <p role="status" className="notice" tabIndex={-1} ref={sentRef}>
        {t('access.sent')}
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('access.askButton')}
      </button>
    );
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (reason.trim() === '') {
      form.fail([{ key: 'reason', message: t('access.error.reason'), fields: ['accessReason'] }]);
      return;
    }
    setBusy(true);
    requestAccess(matchToken, reason.trim(), csrfToken).then(
      () => setSent(true),
      (error: unknown) => {
        setBusy(false);
        form.fail(
          formErrorsOf(error, t, {
            fields: {
              matchToken: { field: 'accessReason', message: t('access.error.expired') },
              reason: { field: 'accessReason', message: t('access.error.reason') },
            },
            conflict: t('access.error.already'),
            invalid: t('access.error.expired'),
          }),
        );
      },
    );
  };
  return (
    <div className="editor">
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('access.askTitle')}
      </h3>
      <p>{t('access.askLead')}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy} aria-labelledby={`${id}-title`}>
        <TextAreaField
          form={form}
          name="accessReason"
          label={t('access.reasonLabel')}
          hint={t('access.reasonHint')}
          value={reason}
          onChange={setReason}
          maxLength={1000}
          rows={3}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('access.send')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
            {t('account.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
