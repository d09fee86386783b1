import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { getAccessLog, listTeam, updateClient, type AccessLogEntry } from '../../api-case.ts';
import type { ClientView } from '../../api.ts';
import { catalogues } from '../../i18n/translate.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { TextField, useForm, type FormError } from '../../components/form.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { caseKey } from '../clients/case-text.ts';
import { formatDate } from '../clients/client-text.ts';
import { PageButtons } from '../../components/page-buttons.tsx';

// The client's own contact details (which they may change), and the people on their team with the
// agency each works at, whose public page says how to reach it.
export function ContactSection({ client: loaded, csrfToken }: { client: ClientView; csrfToken: string }) {
  const { t } = useI18n();
  // The file as the last change answered it: a saved change shows at once, without reloading the page.
  const [client, setClient] = useState(loaded);
  const contact = client.identityContact;
  const [editing, setEditing] = useState(false);
  const notice = useNotice();
  const team = useApi(`my-team|${client.id}`, (signal) => listTeam(client.id, signal));
  const none = t('myFile.contact.none');
  const members =
    team.status === 'ready'
      ? team.data.items
          .filter((m) => m.removedAt === null)
          // The primary worker first: the person to ask first.
          .sort((a, b) => Number(b.teamRole === 'primary_worker') - Number(a.teamRole === 'primary_worker'))
      : [];
  return (
    <section aria-labelledby="my-contact" aria-busy={team.status === 'loading'}>
      <h2 id="my-contact" tabIndex={-1}>
        {t('myFile.contactTitle')}
      </h2>
      {notice.element}
      {contact ? (
        <>
          <h3>{t('myFile.contact.yours')}</h3>
          <dl className="record-details">
            <div>
              <dt>{t('intake.email')}</dt>
              <dd>{contact.email ?? none}</dd>
            </div>
            <div>
              <dt>{t('intake.phone')}</dt>
              <dd>{contact.phone ?? none}</dd>
            </div>
            <div>
              <dt>{t('intake.streetAddress')}</dt>
              <dd>{contact.streetAddress ?? none}</dd>
            </div>
            <div>
              <dt>{t('intake.postalCode')}</dt>
              <dd>{contact.postalCode ?? none}</dd>
            </div>
          </dl>
          {editing ? (
            <ContactForm
              client={client}
              csrfToken={csrfToken}
              onCancel={() => setEditing(false)}
              onUnchanged={() => {
                setEditing(false);
                notice.show(t('myFile.contact.unchanged'));
              }}
              onDone={(changed) => {
                setEditing(false);
                setClient(changed);
                notice.show(t('myFile.contact.saved'));
              }}
            />
          ) : client.can.updateRecord ? (
            <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
              {t('myFile.contact.change')}
            </button>
          ) : null}
        </>
      ) : null}
      <h3>{t('myFile.contact.team')}</h3>
      {team.status === 'loading' ? <Loading label={t('team.loading')} /> : null}
      {team.status === 'error' ? <SectionProblem error={team.error} title={t('team.loadFailed')} /> : null}
      {team.status === 'ready' && members.length === 0 ? <p>{t('myFile.contact.noTeam')}</p> : null}
      {members.length > 0 ? (
        <ul className="plain-list">
          {members.map((m) => (
            <li key={m.id}>
              <p>
                <strong>{m.displayName}</strong>, {t(caseKey.teamRole(m.teamRole))}
                <br />
                {t('myFile.contact.worksAt', { organization: m.organizationName })}{' '}
                <Link to={`/organizations/${m.organizationId}`}>
                  {t('myFile.contact.reach', { organization: m.organizationName })}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ContactForm({
  client,
  csrfToken,
  onCancel,
  onUnchanged,
  onDone,
}: {
  client: ClientView;
  csrfToken: string;
  onCancel: () => void;
  onUnchanged: () => void;
  onDone: (client: ClientView) => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const contact = client.identityContact;
  const [email, setEmail] = useState(contact?.email ?? '');
  const [phone, setPhone] = useState(contact?.phone ?? '');
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormError[] = [];
    if (email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      problems.push({ key: 'email', message: t('myFile.contact.error.email'), fields: ['email'] });
    if (phone.trim() !== '' && !/^[0-9 +().-]{7,30}$/.test(phone.trim()))
      problems.push({ key: 'phone', message: t('myFile.contact.error.phone'), fields: ['phone'] });
    if (problems.length > 0) {
      form.fail(problems);
      return;
    }
    // Only what changed is sent; an emptied field is removed (null).
    const patch: { email?: string | null; phone?: string | null } = {};
    if (email.trim() !== (contact?.email ?? '')) patch.email = email.trim() || null;
    if (phone.trim() !== (contact?.phone ?? '')) patch.phone = phone.trim() || null;
    if (Object.keys(patch).length === 0) {
      onUnchanged();
      return;
    }
    setBusy(true);
    updateClient(client.id, patch, csrfToken).then(
      (changed) => onDone(changed),
      (error: unknown) => {
        setBusy(false);
        form.fail(formErrorsOf(error, t));
      },
    );
  };
  return (
    <section className="editor" aria-labelledby="my-contact-form">
      <h3 id="my-contact-form">{t('myFile.contact.formTitle')}</h3>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <TextField
          form={form}
          name="email"
          label={t('intake.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          maxLength={254}
        />
        <TextField
          form={form}
          name="phone"
          label={t('intake.phone')}
          hint={t('myFile.contact.phoneHint')}
          type="tel"
          autoComplete="tel"
          value={phone}
          onChange={setPhone}
          maxLength={30}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('myFile.contact.save')}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('myFile.contact.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

const ACCESS_PER_PAGE = 20;

// The words for what someone did with the file, written to the client ("opened your file"); an action
// without its own client wording reads as the audit log names it.
function actionWords(entry: AccessLogEntry, t: (key: MessageKey) => string): string {
  const clientKey = `myFile.access.action.${entry.action}`;
  if (clientKey in catalogues.en) return t(clientKey as MessageKey);
  const staffKey = `auditAction.${entry.action}`;
  return staffKey in catalogues.en ? t(staffKey as MessageKey) : entry.action;
}

// "Who opened my file": people of the agencies, from the audit log, one line per person, agency, action
// and day, with how many times; attempts that were refused say so.
export function AccessLogSection({ client }: { client: ClientView }) {
  const { t, tp, language, n } = useI18n();
  const id = useId();
  const [page, setPage] = useState(1);
  const log = useApi(`my-access|${client.id}|${page}`, (signal) =>
    getAccessLog(client.id, page, ACCESS_PER_PAGE, signal),
  );
  const pages = log.status === 'ready' ? Math.max(1, Math.ceil(log.data.total / ACCESS_PER_PAGE)) : 1;
  return (
    <section aria-labelledby="my-access" aria-busy={log.status === 'loading'}>
      <h2 id="my-access" tabIndex={-1}>
        {t('myFile.accessTitle')}
      </h2>
      <p>{t('myFile.access.lead')}</p>
      {log.status === 'loading' ? <Loading label={t('myFile.access.loading')} /> : null}
      {log.status === 'error' ? <SectionProblem error={log.error} title={t('myFile.access.loadFailed')} /> : null}
      {log.status === 'ready' && log.data.items.length === 0 ? <p>{t('myFile.access.none')}</p> : null}
      {log.status === 'ready' && log.data.items.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <table className="data-table stack-on-phone">
            <caption id={`${id}-caption`}>{tp('myFile.access.caption', log.data.total, { page, pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('myFile.access.when')}</th>
                <th scope="col">{t('myFile.access.who')}</th>
                <th scope="col">{t('myFile.access.agency')}</th>
                <th scope="col">{t('myFile.access.what')}</th>
                <th scope="col" className="numeric">
                  {t('myFile.access.times')}
                </th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((entry) => (
                <tr key={`${entry.day}|${entry.lastAt}|${entry.action}|${entry.name ?? ''}|${entry.outcome}`}>
                  <th scope="row">
                    <time dateTime={entry.day}>{formatDate(entry.day, language)}</time>
                  </th>
                  <td data-label={t('myFile.access.who')}>{entry.name ?? t('myFile.access.someone')}</td>
                  <td data-label={t('myFile.access.agency')}>{entry.organizationName ?? '—'}</td>
                  <td data-label={t('myFile.access.what')}>
                    {actionWords(entry, t)}
                    {entry.outcome === 'denied' ? (
                      <>
                        {' '}
                        <span className="status-tag status-overdue">{t('myFile.access.refused')}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="numeric" data-label={t('myFile.access.times')}>
                    {n(entry.times)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <PageButtons page={page} pages={pages} onPage={setPage} />
      <p className="muted">{t('myFile.access.questions')}</p>
    </section>
  );
}
