import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  createHiringEvent,
  getHiringEvent,
  updateHiringEvent,
  type HiringEvent,
  type HiringEventKind,
} from '../../api-events.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireCan } from '../../components/require-can.tsx';
import { RecordLoader } from '../../components/record-loader.tsx';
import { RequireSignIn } from '../../components/require-sign-in.tsx';
import {
  DateField,
  emptyDate,
  isoDate,
  SelectField,
  TextAreaField,
  TextField,
  useForm,
  type DateParts,
  type FormError,
} from '../../components/form.tsx';
import { formErrorsOf } from '../../components/section-state.tsx';
import { useSession } from '../../session.tsx';
import { torontoInstant } from '../clients/case-text.ts';
import { CITY_TIME_ZONE } from '../clients/client-text.ts';
import { eventKey, hiringEventKinds } from './event-text.ts';

export function NewEventPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="manageEvents" body={t('eventForm.notAllowed')}>
      {() => <EventForm />}
    </RequireCan>
  );
}

// Changing an event its reader keeps: the same form, filled in, saved as a change.
export function EditEventPage() {
  const { t } = useI18n();
  return (
    <RequireSignIn>
      <RecordLoader
        what="hiring-event"
        load={getHiringEvent}
        notFound="event"
        loading={t('event.loading')}
        failed={t('event.error')}
      >
        {(loaded) =>
          loaded.mayManage && loaded.status === 'planned' ? (
            <EventForm existing={loaded} />
          ) : (
            <>
              <PageHeading>{t('eventForm.editTitle')}</PageHeading>
              <p className="lead">{t('eventForm.notYours')}</p>
              <p>
                <Link to={`/events/${loaded.id}`}>{loaded.title}</Link>
              </p>
            </>
          )
        }
      </RecordLoader>
    </RequireSignIn>
  );
}

// An instant as Toronto's day and time of day (HH:MM), to fill the form in.
function torontoParts(at: string): { day: DateParts; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: CITY_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return {
    day: { year: parts.year ?? '', month: parts.month ?? '', day: parts.day ?? '' },
    time: `${parts.hour ?? '00'}:${parts.minute ?? '00'}`,
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

// Lists an event the user's organization hosts (or changes one it keeps): what, when (one day, Toronto's
// time), where or online, and how many places. Errors are summarized at the top and repeated by their
// fields.
function EventForm({ existing }: { existing?: HiringEvent }) {
  const { t } = useI18n();
  const heading = existing ? t('eventForm.editTitle') : t('eventForm.title');
  useDocumentTitle(heading);
  const session = useSession();
  const csrfToken = session.status === 'signedIn' ? session.csrfToken : '';
  const navigate = useNavigate();
  const form = useForm();
  const startParts = existing ? torontoParts(existing.startsAt) : undefined;
  const [kind, setKind] = useState<string>(existing?.kind ?? '');
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [day, setDay] = useState<DateParts>(startParts?.day ?? emptyDate);
  const [starts, setStarts] = useState(startParts?.time ?? '');
  const [ends, setEnds] = useState(existing ? torontoParts(existing.endsAt).time : '');
  const [online, setOnline] = useState(existing?.online ?? false);
  const [address, setAddress] = useState(existing?.address ?? '');
  const [postalCode, setPostalCode] = useState(existing?.postalCode ?? '');
  const [capacity, setCapacity] = useState(existing?.capacity ? String(existing.capacity) : '');
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormError[] = [];
    const date = isoDate(day);
    if (kind === '') problems.push({ key: 'kind', message: t('eventForm.error.kind'), fields: ['kind'] });
    if (title.trim().length < 3)
      problems.push({ key: 'title', message: t('eventForm.error.title'), fields: ['title'] });
    if (!date) problems.push({ key: 'day', message: t('eventForm.error.day'), fields: ['day'] });
    if (!TIME.test(starts)) problems.push({ key: 'starts', message: t('eventForm.error.starts'), fields: ['starts'] });
    if (!TIME.test(ends) || (TIME.test(starts) && ends <= starts))
      problems.push({ key: 'ends', message: t('eventForm.error.ends'), fields: ['ends'] });
    if (!online && address.trim().length < 3)
      problems.push({ key: 'address', message: t('eventForm.error.address'), fields: ['address'] });
    if (!online && postalCode.trim() === '')
      problems.push({ key: 'postalCode', message: t('eventForm.error.postalCode'), fields: ['postalCode'] });
    const places = capacity.trim() === '' ? null : Number(capacity);
    if (places !== null && !(Number.isInteger(places) && places >= 1))
      problems.push({ key: 'capacity', message: t('eventForm.error.capacity'), fields: ['capacity'] });
    if (problems.length > 0 || !date) {
      form.fail(problems);
      return;
    }
    setBusy(true);
    const fields = {
      kind: kind as HiringEventKind,
      title: title.trim(),
      startsAt: torontoInstant(date, starts),
      endsAt: torontoInstant(date, ends),
      online,
      capacity: places,
    };
    (existing
      ? updateHiringEvent(
          existing.id,
          {
            ...fields,
            description: description.trim() || null,
            address: online ? null : address.trim(),
            postalCode: online ? null : postalCode.trim(),
          },
          csrfToken,
        )
      : createHiringEvent(
          {
            ...fields,
            ...(description.trim() ? { description: description.trim() } : {}),
            ...(online ? {} : { address: address.trim(), postalCode: postalCode.trim() }),
          },
          csrfToken,
        )
    ).then(
      (made) => navigate(`/events/${made.id}`),
      (error: unknown) => {
        setBusy(false);
        form.fail(
          formErrorsOf(error, t, {
            conflict: t('event.error.closed'),
            fields: {
              endsAt: { field: 'ends', message: t('eventForm.error.ends') },
              startsAt: { field: 'starts', message: t('eventForm.error.starts') },
              address: { field: 'address', message: t('eventForm.error.address') },
              postalCode: { field: 'postalCode', message: t('eventForm.error.postalCode') },
              title: { field: 'title', message: t('eventForm.error.title') },
              capacity: { field: 'capacity', message: t('eventForm.error.capacity') },
            },
          }),
        );
      },
    );
  };

  return (
    <>
      <nav aria-label={t('organization.breadcrumb')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/events">{t('events.title')}</Link>
          </li>
          {existing ? (
            <li>
              <Link to={`/events/${existing.id}`}>{existing.title}</Link>
            </li>
          ) : null}
          <li aria-current="page">{heading}</li>
        </ol>
      </nav>
      <PageHeading>{heading}</PageHeading>
      <p className="lead">{existing ? t('eventForm.editLead') : t('eventForm.lead')}</p>
      {form.summary}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <SelectField
          form={form}
          name="kind"
          label={t('eventForm.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            form.resolve('kind');
          }}
          placeholder={t('eventForm.choose')}
          choices={hiringEventKinds.map((k) => ({ value: k, label: t(eventKey.kind(k)) }))}
        />
        <TextField
          form={form}
          name="title"
          label={t('eventForm.eventTitle')}
          value={title}
          onChange={setTitle}
          maxLength={200}
        />
        <TextAreaField
          form={form}
          name="description"
          label={t('eventForm.description')}
          hint={t('intake.optional')}
          value={description}
          onChange={setDescription}
          maxLength={5000}
        />
        <DateField form={form} name="day" label={t('eventForm.day')} value={day} onChange={setDay} />
        <TextField
          form={form}
          name="starts"
          label={t('eventForm.starts')}
          hint={t('eventForm.timeHint')}
          type="time"
          value={starts}
          onChange={setStarts}
        />
        <TextField form={form} name="ends" label={t('eventForm.ends')} type="time" value={ends} onChange={setEnds} />
        <div className="field-check">
          <input
            id={form.fieldId('online')}
            type="checkbox"
            checked={online}
            onChange={(e) => setOnline(e.target.checked)}
          />
          <label htmlFor={form.fieldId('online')}>{t('eventForm.online')}</label>
        </div>
        {online ? null : (
          <>
            <TextField
              form={form}
              name="address"
              label={t('eventForm.address')}
              value={address}
              onChange={setAddress}
              autoComplete="street-address"
              maxLength={300}
            />
            <TextField
              form={form}
              name="postalCode"
              label={t('eventForm.postalCode')}
              value={postalCode}
              onChange={setPostalCode}
              autoComplete="postal-code"
              maxLength={7}
            />
          </>
        )}
        <TextField
          form={form}
          name="capacity"
          label={t('eventForm.capacity')}
          hint={t('eventForm.capacityHint')}
          inputMode="numeric"
          value={capacity}
          onChange={setCapacity}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {existing ? t('eventForm.save') : t('eventForm.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
