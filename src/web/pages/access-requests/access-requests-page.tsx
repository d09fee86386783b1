import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { answerAccessRequest, listAccessRequests, type AccessRequest } from '../../api-case.ts';
import { listConsents } from '../../api.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { SelectField, useForm } from '../../components/form.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { caseKey, formatDateTime } from '../clients/case-text.ts';
import { formatDate, key } from '../clients/client-text.ts';
import { RequireCan, type StaffPage } from '../../components/require-can.tsx';

export function AccessRequestsPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="accessRequests" body={t('clients.notAllowedBody')}>
      {(scope) => <AccessRequests {...scope} />}
    </RequireCan>
  );
}

// A duplicate search that found a record outside the agency's access leads here rather than to a
// second file: the holding agency asks the client, records their consent, and grants the request.
function AccessRequests({ csrfToken }: StaffPage) {
  const { t } = useI18n();
  useDocumentTitle(t('access.title'));
  const [version, setVersion] = useState(0);
  const notice = useNotice();
  const incoming = useApi(`access-in|${version}`, (signal) => listAccessRequests('incoming', signal));
  const outgoing = useApi(`access-out|${version}`, (signal) => listAccessRequests('outgoing', signal));
  const changed = (message: string) => {
    setVersion((v) => v + 1);
    notice.show(message);
  };
  return (
    <>
      <PageHeading>{t('access.title')}</PageHeading>
      <p className="lead">{t('access.lead')}</p>
      {notice.element}
      <section aria-labelledby="access-incoming" aria-busy={incoming.status === 'loading'}>
        <h2 id="access-incoming">{t('access.incoming')}</h2>
        <p>{t('access.incomingLead')}</p>
        {incoming.status === 'loading' ? <Loading label={t('access.loading')} /> : null}
        {incoming.status === 'error' ? <SectionProblem error={incoming.error} title={t('access.loadFailed')} /> : null}
        {incoming.status === 'ready' && incoming.data.items.length === 0 ? <p>{t('access.noneIncoming')}</p> : null}
        <ul className="plain-list review-requests">
          {incoming.status === 'ready'
            ? incoming.data.items.map((r) => (
                <li key={r.id}>
                  <RequestCard request={r} incoming />
                  {r.status === 'open' && r.clientId ? (
                    <AnswerForm request={r} clientId={r.clientId} csrfToken={csrfToken} onDone={changed} />
                  ) : null}
                </li>
              ))
            : null}
        </ul>
      </section>
      <section aria-labelledby="access-outgoing" aria-busy={outgoing.status === 'loading'}>
        <h2 id="access-outgoing">{t('access.outgoing')}</h2>
        <p>{t('access.outgoingLead')}</p>
        {outgoing.status === 'loading' ? <Loading label={t('access.loading')} /> : null}
        {outgoing.status === 'error' ? <SectionProblem error={outgoing.error} title={t('access.loadFailed')} /> : null}
        {outgoing.status === 'ready' && outgoing.data.items.length === 0 ? <p>{t('access.noneOutgoing')}</p> : null}
        <ul className="plain-list review-requests">
          {outgoing.status === 'ready'
            ? outgoing.data.items.map((r) => (
                <li key={r.id}>
                  <RequestCard request={r} incoming={false} />
                </li>
              ))
            : null}
        </ul>
      </section>
    </>
  );
}

function RequestCard({ request: r, incoming }: { request: AccessRequest; incoming: boolean }) {
  const { t, language } = useI18n();
  return (
    <article
      className="card review"
      aria-label={
        incoming
          ? t('access.fromLabel', { name: r.requestingOrganizationName })
          : t('access.ownLabel', { date: formatDateTime(r.createdAt, language) })
      }
    >
      <p>
        <span className={`status-tag status-${r.status}`}>{t(caseKey.accessStatus(r.status))}</span>{' '}
        {t('access.askedOn', { date: formatDateTime(r.createdAt, language) })}
      </p>
      {incoming ? <p>{t('access.from', { name: r.requestingOrganizationName })}</p> : null}
      <h3 className="review-heading">{t('access.reason')}</h3>
      <blockquote className="justification">{r.reason}</blockquote>
      {r.answeredAt ? (
        <p className="muted">{t('access.answeredOn', { date: formatDateTime(r.answeredAt, language) })}</p>
      ) : null}
      {r.clientId ? (
        <p>
          <Link to={`/clients/${r.clientId}`}>{incoming ? t('access.openFile') : t('access.openGranted')}</Link>
        </p>
      ) : !incoming && r.status === 'open' ? (
        <p className="muted">{t('access.waitingOutgoing')}</p>
      ) : null}
    </article>
  );
}

// Granting names the consent the client gave to the requesting organization, recorded first.
function AnswerForm({
  request,
  clientId,
  csrfToken,
  onDone,
}: {
  request: AccessRequest;
  clientId: string;
  csrfToken: string;
  onDone: (message: string) => void;
}) {
  const { t, language } = useI18n();
  const form = useForm();
  const id = useId();
  const consents = useApi(`consents|${clientId}|${request.id}`, (signal) => listConsents(clientId, signal));
  const naming =
    consents.status === 'ready'
      ? consents.data.items.filter(
          (c) =>
            c.organizationId === request.requestingOrganizationId &&
            (c.status === 'active' || c.status === 'scheduled'),
        )
      : [];
  const [consentId, setConsentId] = useState('');
  const [busy, setBusy] = useState(false);
  const answer = (decision: 'granted' | 'declined') => {
    if (busy) return;
    if (decision === 'granted' && consentId === '') {
      form.fail([{ key: 'consent', message: t('access.error.consent'), fields: ['consentId'] }]);
      return;
    }
    setBusy(true);
    answerAccessRequest(request.id, decision === 'granted' ? { decision, consentId } : { decision }, csrfToken).then(
      () =>
        onDone(
          decision === 'granted'
            ? t('access.granted', { name: request.requestingOrganizationName })
            : t('access.declined', { name: request.requestingOrganizationName }),
        ),
      (error: unknown) => {
        setBusy(false);
        form.fail(
          formErrorsOf(error, t, {
            fields: { consentId: { field: 'consentId', message: t('access.error.consent') } },
            conflict: t('access.error.answered'),
          }),
        );
      },
    );
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    answer('granted');
  };
  return (
    <section className="editor" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('access.answerTitle', { name: request.requestingOrganizationName })}</h3>
      <p>{t('access.answerLead', { name: request.requestingOrganizationName })}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy || consents.status === 'loading'}>
        {consents.status === 'error' ? <SectionProblem error={consents.error} title={t('consent.loadFailed')} /> : null}
        {consents.status === 'ready' && naming.length === 0 ? (
          <p>
            {t('access.noConsent', { name: request.requestingOrganizationName })}{' '}
            <Link to={`/clients/${clientId}`}>{t('access.recordConsent')}</Link>
          </p>
        ) : null}
        {naming.length > 0 ? (
          <SelectField
            form={form}
            name="consentId"
            label={t('access.consent')}
            value={consentId}
            placeholder={t('intake.choose')}
            onChange={setConsentId}
            choices={naming.map((c) => ({
              value: c.id,
              label: t('access.consentChoice', {
                categories: c.categories.map((k) => t(key.category(k))).join(', '),
                date: formatDate(c.expiresOn, language),
              }),
            }))}
          />
        ) : null}
        <div className="form-actions">
          {naming.length > 0 ? (
            <button type="submit" className="button">
              {t('access.grant')}
            </button>
          ) : null}
          <button type="button" className="button-secondary" onClick={() => answer('declined')}>
            {t('access.decline')}
          </button>
        </div>
      </form>
    </section>
  );
}
