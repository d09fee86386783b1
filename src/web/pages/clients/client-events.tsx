import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { listClientRegistrations, listHiringEvents, registerClient } from '../../api-events.ts';
import type { ClientCan } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SelectField, useForm } from '../../components/form.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { useSession } from '../../session.tsx';
import { eventKey, formatWhen } from '../events/event-text.ts';
import { formatDateTime } from './case-text.ts';

// The client's registrations for employer events (every one for the agency holding the file, the
// reader's agency's otherwise), and a registration for an event to come.
export function ClientEvents({ clientId, can }: { clientId: string; can: ClientCan }) {
  const { t, language } = useI18n();
  const id = useId();
  const [version, setVersion] = useState(0);
  const list = useApi(`client-events|${clientId}|${version}`, (signal) => listClientRegistrations(clientId, signal));
  const notice = useNotice();
  return (
    <section aria-labelledby={`${id}-title`} aria-busy={list.status === 'loading'}>
      <h2 id={`${id}-title`}>{t('clientEvents.title')}</h2>
      {notice.element}
      {list.status === 'loading' ? <Loading label={t('clientEvents.loading')} /> : null}
      {list.status === 'error' ? <SectionProblem error={list.error} title={t('clientEvents.loadFailed')} /> : null}
      {list.status === 'ready' && list.data.items.length === 0 ? <p>{t('clientEvents.none')}</p> : null}
      {list.status === 'ready' && list.data.items.length > 0 ? (
        <StackedTable>
          <caption className="visually-hidden">{t('clientEvents.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('clientEvents.col.event')}</th>
              <th scope="col">{t('clientEvents.col.agency')}</th>
              <th scope="col">{t('clientEvents.col.attended')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/events/${r.event.id}`}>{r.event.title}</Link>
                  <br />
                  <span className="muted">
                    {t(eventKey.kind(r.event.kind))} · {formatDateTime(r.event.startsAt, language)}
                  </span>
                  {r.event.status === 'cancelled' ? (
                    <>
                      {' '}
                      <span className="status-tag status-cancelled">{t(eventKey.status('cancelled'))}</span>
                    </>
                  ) : null}
                </th>
                <td>{language === 'fr' && r.agency.nameFr ? r.agency.nameFr : r.agency.name}</td>
                <td>
                  {r.cancelledAt
                    ? t('event.registrationCancelled')
                    : r.attended === null
                      ? t('event.attendanceNotRecorded')
                      : t(r.attended ? 'event.came' : 'event.didNotCome')}
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      ) : null}
      {can.registerForEvents ? (
        <RegisterForm
          clientId={clientId}
          onDone={(title) => {
            setVersion((v) => v + 1);
            notice.show(t('clientEvents.registered', { event: title }));
          }}
        />
      ) : null}
    </section>
  );
}

function RegisterForm({ clientId, onDone }: { clientId: string; onDone: (title: string) => void }) {
  const { t, language } = useI18n();
  const session = useSession();
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const form = useForm();
  const [eventId, setEventId] = useState('');
  const [busy, setBusy] = useState(false);
  const upcoming = useApi('client-events-upcoming', (signal) =>
    listHiringEvents({ when: 'upcoming', perPage: 100 }, signal),
  );
  const open = upcoming.status === 'ready' ? upcoming.data.items.filter((e) => e.status === 'planned') : [];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (eventId === '') {
      form.fail([{ key: 'event', message: t('clientEvents.error.choose'), fields: ['event'] }]);
      return;
    }
    const title = open.find((e) => e.id === eventId)?.title ?? '';
    setBusy(true);
    registerClient(clientId, eventId, csrfToken).then(
      () => {
        setBusy(false);
        setEventId('');
        form.clear();
        onDone(title);
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(
          formErrorsOf(error, t, {
            fields: { eventId: { field: 'event', message: t('clientEvents.error.choose') } },
          }),
        );
      },
    );
  };
  return (
    <div className="editor">
      <h3>{t('clientEvents.registerTitle')}</h3>
      {form.summary}
      {upcoming.status === 'loading' ? <Loading label={t('events.loading')} /> : null}
      {upcoming.status === 'error' ? <SectionProblem error={upcoming.error} title={t('events.loadFailed')} /> : null}
      {upcoming.status === 'ready' && open.length === 0 ? <p>{t('clientEvents.noneToCome')}</p> : null}
      {open.length > 0 ? (
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <SelectField
            form={form}
            name="event"
            label={t('clientEvents.event')}
            hint={t('clientEvents.hint')}
            value={eventId}
            onChange={(v) => {
              setEventId(v);
              form.resolve('event');
            }}
            placeholder={t('eventForm.choose')}
            choices={open.map((e) => ({
              value: e.id,
              label: `${e.title} — ${formatWhen(e.startsAt, e.endsAt, language)}`,
            }))}
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('clientEvents.register')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
