import { useState, type FormEvent, type ReactNode } from 'react';
import { acceptTransfer, listTransfers, releaseTransfer, requestTransfer, type Transfer } from '../../api-case.ts';
import type { User } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { OrganizationSelect } from '../../components/admin-kit.tsx';
import { SelectField, TextAreaField, useForm } from '../../components/form.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { loadAllOrganizations } from '../admin/organizations-lookup.ts';
import { caseKey, formatDateTime } from './case-text.ts';
import { formatDate, type StaffConsentMethod } from './client-text.ts';
import { HandoffConsentFields, handoffConsentProblems } from './consents-section.tsx';
import type { ConsentCategory } from '../../api.ts';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';

export function TransfersPage() {
  return <ClientSubPage section="transfers">{(scope) => <Transfers {...scope} />}</ClientSubPage>;
}

const agencyTypes = [
  'employment_service_provider',
  'social_assistance_office',
  'training_organization',
  'community_agency',
];

// A client moving to another provider: the holding agency records the client's request (or the
// receiving agency asks, with the client's consent), the receiving agency accepts, the sender
// releases within the business days the rules allow (docs/permissions.md 3.10).
function Transfers({ client, user, csrfToken, replaceClient }: ClientScope) {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const notice = useNotice();
  const transfers = useApi(`transfers|${client.id}|${version}`, (signal) => listTransfers(client.id, signal));
  const items = transfers.status === 'ready' ? transfers.data.items : [];
  const underWay = items.some((x) => x.status === 'requested' || x.status === 'accepted');
  const changed = (message: string) => {
    setVersion((v) => v + 1);
    notice.show(message);
  };
  return (
    <>
      <section aria-labelledby="transfers-title" aria-busy={transfers.status === 'loading'}>
        <h2 id="transfers-title">{t('transfers.title')}</h2>
        <p>{t('transfers.lead')}</p>
        {notice.element}
        {transfers.status === 'loading' ? <Loading label={t('transfers.loading')} /> : null}
        {/* Another agency sees only the transfers to or from it: none is an ordinary 404. */}
        {transfers.status === 'error' && !(transfers.error.status === 404 && !client.can.readTransfers) ? (
          <SectionProblem error={transfers.error} title={t('transfers.loadFailed')} />
        ) : null}
        {(transfers.status === 'ready' && items.length === 0) ||
        (transfers.status === 'error' && transfers.error.status === 404 && !client.can.readTransfers) ? (
          <p>{t('transfers.none')}</p>
        ) : null}
        {items.length > 0 ? (
          <ul className="plain-list transfer-list">
            {items.map((x) => (
              <li key={x.id}>
                <TransferCard
                  transfer={x}
                  user={user}
                  csrfToken={csrfToken}
                  onChanged={(message, released) => {
                    changed(message);
                    if (released) replaceClient({ ...client, organizationId: x.toOrganizationId });
                  }}
                />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {client.can.requestTransfer && transfers.status !== 'loading' && !underWay ? (
        <RequestForm
          key={`request-${version}`}
          clientId={client.id}
          holderId={client.organizationId}
          user={user}
          receiving={client.access.scope !== 'own'}
          csrfToken={csrfToken}
          onDone={(x) => changed(t('transfers.requested', { name: x.toOrganizationName }))}
        />
      ) : null}
    </>
  );
}

export function TransferCard({
  transfer: x,
  user,
  csrfToken,
  onChanged,
  about,
}: {
  transfer: Transfer;
  user: User;
  csrfToken: string;
  onChanged: (message: string, released: boolean) => void;
  // Who the transfer is about, where the card stands outside the client's file (the agency's transfers).
  about?: ReactNode;
}) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const act = (action: 'accept' | 'release') => {
    setBusy(true);
    setFailure('');
    (action === 'accept' ? acceptTransfer(x.id, csrfToken) : releaseTransfer(x.id, csrfToken)).then(
      () =>
        onChanged(
          action === 'accept' ? t('transfers.acceptedNow') : t('transfers.releasedNow', { name: x.toOrganizationName }),
          action === 'release',
        ),
      (error: unknown) => {
        setBusy(false);
        setFailure(formErrorsOf(error, t, { conflict: t('transfers.error.state') })[0]?.message ?? t('error.generic'));
      },
    );
  };
  return (
    <article
      className="card transfer"
      aria-label={t('transfers.cardLabel', { from: x.fromOrganizationName, to: x.toOrganizationName })}
    >
      {about}
      <p className="transfer-route">
        {t('transfers.route', { from: x.fromOrganizationName, to: x.toOrganizationName })}
      </p>
      <p>
        <span className={`status-tag status-${x.status}`}>{t(caseKey.transferStatus(x.status))}</span>
        {x.overdue ? (
          <>
            {' '}
            <span className="status-tag status-overdue">{t('transfers.overdue')}</span>
          </>
        ) : null}
      </p>
      <ul className="plain-list">
        <li>{x.requestedByKind === 'client' ? t('transfers.askedByClient') : t('transfers.askedByReceiver')}</li>
        <li>{t('transfers.requestedOn', { date: formatDateTime(x.requestedAt, language) })}</li>
        {x.acceptedAt ? <li>{t('transfers.acceptedOn', { date: formatDateTime(x.acceptedAt, language) })}</li> : null}
        {x.releaseDueOn && x.status === 'accepted' ? (
          <li>{t('transfers.releaseDue', { date: formatDate(x.releaseDueOn, language) })}</li>
        ) : null}
        {x.releasedAt ? <li>{t('transfers.releasedOn', { date: formatDateTime(x.releasedAt, language) })}</li> : null}
        {x.reason ? <li>{t('transfers.reason', { reason: x.reason })}</li> : null}
      </ul>
      <div className="form-actions">
        {x.status === 'requested' && user.organizationId === x.toOrganizationId ? (
          <button type="button" className="button" disabled={busy} onClick={() => act('accept')}>
            {t('transfers.accept')}
          </button>
        ) : null}
        {x.status === 'accepted' && user.organizationId === x.fromOrganizationId ? (
          <button type="button" className="button" disabled={busy} onClick={() => act('release')}>
            {t('transfers.release', { name: x.toOrganizationName })}
          </button>
        ) : null}
      </div>
      {failure ? <p className="field-error">{failure}</p> : null}
    </article>
  );
}

function RequestForm({
  clientId,
  holderId,
  user,
  receiving,
  csrfToken,
  onDone,
}: {
  clientId: string;
  holderId: string;
  user: User;
  receiving: boolean;
  csrfToken: string;
  onDone: (transfer: Transfer) => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const organizations = useApi('organizations', loadAllOrganizations);
  const [to, setTo] = useState(receiving ? user.organizationId : '');
  const [askedBy, setAskedBy] = useState<'client' | ''>(receiving ? 'client' : '');
  const [reason, setReason] = useState('');
  // The client's consent the request carries: what the receiving agency sees while it decides.
  const [categories, setCategories] = useState<ConsentCategory[]>([]);
  const [method, setMethod] = useState<StaffConsentMethod | ''>('');
  const [evidence, setEvidence] = useState('');
  const [busy, setBusy] = useState(false);
  const agencies =
    organizations.status === 'ready'
      ? { status: 'ready' as const, data: organizations.data.filter((o) => agencyTypes.includes(o.type)) }
      : organizations;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = [];
    if (to === '') problems.push({ key: 'to', message: t('transfers.error.to'), fields: ['toOrganizationId'] });
    if (!receiving && askedBy === '')
      problems.push({ key: 'askedBy', message: t('transfers.error.askedBy'), fields: ['askedBy'] });
    if (!receiving) problems.push(...handoffConsentProblems({ categories, method, evidence }, t));
    if (problems.length > 0) {
      form.fail(problems);
      return;
    }
    setBusy(true);
    requestTransfer(
      clientId,
      {
        toOrganizationId: to,
        requestedBy: receiving ? 'receiving_agency' : 'client',
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(receiving || method === '' ? {} : { consent: { categories, method, evidence: evidence.trim() } }),
      },
      csrfToken,
    ).then(onDone, (error: unknown) => {
      setBusy(false);
      form.fail(
        formErrorsOf(error, t, {
          fields: { toOrganizationId: { field: 'toOrganizationId', message: t('transfers.error.toInvalid') } },
          conflict: t('transfers.error.underWay'),
        }),
      );
    });
  };

  return (
    <section className="editor" aria-labelledby="transfer-form-title">
      <h2 id="transfer-form-title">{receiving ? t('transfers.askTitle') : t('transfers.requestTitle')}</h2>
      <p>{receiving ? t('transfers.askLead') : t('transfers.requestLead')}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy || organizations.status === 'loading'}>
        {receiving ? null : (
          <>
            <OrganizationSelect
              id={form.fieldId('toOrganizationId')}
              label={t('transfers.to')}
              placeholder={t('intake.choose')}
              value={to}
              onChange={setTo}
              organizations={agencies}
              exclude={[holderId]}
              invalid={form.invalid('toOrganizationId')}
              describedBy={form.describedBy('toOrganizationId')}
              errors={form.inlineErrors('toOrganizationId')}
            />
            <SelectField
              form={form}
              name="askedBy"
              label={t('transfers.askedBy')}
              value={askedBy}
              placeholder={t('intake.choose')}
              onChange={(v) => setAskedBy(v === 'client' ? 'client' : '')}
              choices={[{ value: 'client', label: t('transfers.askedByClientChoice') }]}
            />
            <HandoffConsentFields
              form={form}
              legend={t('transfers.consentLegend')}
              hint={t('transfers.consentHint')}
              categories={categories}
              onCategories={setCategories}
              method={method}
              onMethod={setMethod}
              evidence={evidence}
              onEvidence={setEvidence}
            />
          </>
        )}
        <TextAreaField
          form={form}
          name="transferReason"
          label={t('transfers.reasonLabel')}
          hint={t('intake.optional')}
          value={reason}
          onChange={setReason}
          maxLength={1000}
          rows={3}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {receiving ? t('transfers.ask') : t('transfers.request')}
          </button>
        </div>
      </form>
    </section>
  );
}
