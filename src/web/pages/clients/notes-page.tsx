import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { correctNote, createNote, listNotes, type Note, type NoteKind, type NoteVisibility } from '../../api-case.ts';
import type { ClientView, User } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  DateField,
  datePartsOf,
  isoDate,
  SelectField,
  TextAreaField,
  useForm,
  type FormError,
} from '../../components/form.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { caseKey, formatDateTime, narrowerOrSame, noteKinds, noteVisibilities } from './case-text.ts';
import { formatDate, todayInToronto } from './client-text.ts';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';
import { PageButtons } from '../../components/page-buttons.tsx';

const PER_PAGE = 20;

export function NotesPage() {
  return <ClientSubPage section="notes">{(scope) => <Notes {...scope} />}</ClientSubPage>;
}

// Authors correct their own notes; managers their agency's (docs/permissions.md 3.8), as the file's
// `can` says for this caller.
function mayCorrect(user: User, can: ClientView['can'], note: Note): boolean {
  if (note.authorId === user.id) return can.correctOwnNotes;
  return note.organizationId === user.organizationId && can.correctAgencyNotes;
}

function Notes({ client, user, csrfToken }: ClientScope) {
  const { t, tp } = useI18n();
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const [correcting, setCorrecting] = useState<string | undefined>();
  const notice = useNotice();
  const notes = useApi(`notes|${client.id}|${page}|${version}`, (signal) => listNotes(client.id, page, signal));
  const pages = notes.status === 'ready' ? Math.max(1, Math.ceil(notes.data.total / PER_PAGE)) : 1;

  const changed = (message: string) => {
    setCorrecting(undefined);
    setVersion((v) => v + 1);
    notice.show(message);
  };

  return (
    <>
      {client.can.addNote ? (
        <NoteForm
          key={`new-${version}`}
          clientId={client.id}
          csrfToken={csrfToken}
          onDone={() => {
            setPage(1);
            changed(t('notes.saved'));
          }}
        />
      ) : null}
      <section aria-labelledby="notes-title" aria-busy={notes.status === 'loading'}>
        <h2 id="notes-title">{t('notes.title')}</h2>
        <p>{t('notes.lead')}</p>
        {notice.element}
        {notes.status === 'loading' ? <Loading label={t('notes.loading')} /> : null}
        {notes.status === 'error' ? <SectionProblem error={notes.error} title={t('notes.loadFailed')} /> : null}
        {notes.status === 'ready' ? (
          <>
            <p className="result-count">{tp('notes.count', notes.data.total)}</p>
            <ul className="plain-list note-list">
              {notes.data.items.map((note) => (
                <li key={note.id}>
                  <NoteCard
                    note={note}
                    onCorrect={mayCorrect(user, client.can, note) ? () => setCorrecting(note.id) : undefined}
                  />
                  {correcting === note.id ? (
                    <CorrectionForm
                      clientId={client.id}
                      note={note}
                      csrfToken={csrfToken}
                      onDone={() => changed(t('notes.corrected'))}
                      onCancel={() => setCorrecting(undefined)}
                    />
                  ) : null}
                </li>
              ))}
            </ul>
            <PageButtons page={page} pages={pages} onPage={setPage} />
          </>
        ) : null}
      </section>
    </>
  );
}

// A note and, when it was corrected, every earlier version: a correction never hides that it happened.
export function NoteCard({ note, onCorrect }: { note: Note; onCorrect?: (() => void) | undefined }) {
  const { t, tp, language } = useI18n();
  const id = useId();
  const corrected = note.earlierVersions.length > 0;
  return (
    <article className="note" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="note-title">
        {t('notes.cardTitle', { kind: t(caseKey.noteKind(note.kind)), date: formatDate(note.contactOn, language) })}
      </h3>
      <p className="note-meta">
        {t('notes.by', { author: note.authorName ?? t('notes.formerStaff'), organization: note.organizationName })}
        {' · '}
        {t('notes.seenBy', { who: t(caseKey.visibility(note.visibility)) })}
      </p>
      {corrected ? (
        <p className="note-meta">
          <span className="tag tag-corrected">{t('notes.correctedTag')}</span>{' '}
          {t('notes.correctedOn', {
            date: formatDateTime(note.createdAt, language),
            first: formatDateTime(note.originalCreatedAt, language),
          })}
        </p>
      ) : null}
      <p className="note-body">{note.body}</p>
      {corrected ? (
        <details className="note-history">
          <summary>{tp('notes.earlierVersions', note.earlierVersions.length)}</summary>
          <ol>
            {note.earlierVersions.map((v) => (
              <li key={v.id}>
                <p className="note-meta">
                  {t('notes.versionOf', {
                    date: formatDateTime(v.createdAt, language),
                    author: v.authorName ?? t('notes.formerStaff'),
                  })}
                  {' · '}
                  {t('notes.seenBy', { who: t(caseKey.visibility(v.visibility)) })}
                </p>
                <p className="note-body">{v.body}</p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {onCorrect ? (
        <button type="button" className="button-secondary" onClick={onCorrect}>
          {t('notes.correct')}
        </button>
      ) : null}
    </article>
  );
}

function VisibilityChoice({
  value,
  onChange,
  options,
  name,
  form,
}: {
  value: string;
  onChange: (v: NoteVisibility) => void;
  options: readonly NoteVisibility[];
  name: string;
  form: ReturnType<typeof useForm>;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="radio-group" aria-describedby={form.describedBy(name)}>
      <legend>{t('notes.visibility')}</legend>
      {form.inlineErrors(name)}
      {options.map((v, i) => (
        <div className="field-check" key={v}>
          <input
            id={i === 0 ? form.fieldId(name) : form.fieldId(`${name}-${v}`)}
            type="radio"
            name={name}
            value={v}
            checked={value === v}
            aria-describedby={`${form.fieldId(name)}-${v}-hint`}
            onChange={() => onChange(v)}
          />
          <label htmlFor={i === 0 ? form.fieldId(name) : form.fieldId(`${name}-${v}`)}>
            {t(caseKey.visibility(v))}
          </label>
          <p id={`${form.fieldId(name)}-${v}-hint`} className="field-hint">
            {t(caseKey.visibilityHint(v))}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

function NoteForm({ clientId, csrfToken, onDone }: { clientId: string; csrfToken: string; onDone: () => void }) {
  const { t } = useI18n();
  const form = useForm();
  const [kind, setKind] = useState<NoteKind | ''>('');
  const [visibility, setVisibility] = useState<NoteVisibility | ''>('');
  const [contactOn, setContactOn] = useState(() => datePartsOf(todayInToronto()));
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const day = isoDate(contactOn);
    const problems: FormError[] = [];
    if (kind === '') problems.push({ key: 'kind', message: t('notes.error.kind'), fields: ['kind'] });
    if (visibility === '')
      problems.push({ key: 'visibility', message: t('notes.error.visibility'), fields: ['visibility'] });
    if (!day || day > todayInToronto())
      problems.push({ key: 'contactOn', message: t('notes.error.contactOn'), fields: ['contactOn'] });
    if (body.trim() === '') problems.push({ key: 'body', message: t('notes.error.body'), fields: ['body'] });
    if (problems.length > 0 || kind === '' || visibility === '' || !day) {
      form.fail(problems);
      return;
    }
    setBusy(true);
    createNote(clientId, { kind, visibility, contactOn: day, body: body.trim() }, csrfToken).then(
      onDone,
      (error: unknown) => {
        setBusy(false);
        form.fail(
          formErrorsOf(error, t, {
            fields: {
              body: { field: 'body', message: t('notes.error.body') },
              contactOn: { field: 'contactOn', message: t('notes.error.contactOn') },
            },
            forbidden: t('notes.error.forbidden'),
          }),
        );
      },
    );
  };

  return (
    <section className="editor" aria-labelledby="note-form-title">
      <h2 id="note-form-title">{t('notes.writeTitle')}</h2>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <SelectField
          form={form}
          name="kind"
          label={t('notes.kind')}
          value={kind}
          placeholder={t('intake.choose')}
          onChange={(v) => setKind(noteKinds.find((k) => k === v) ?? '')}
          choices={noteKinds.map((k) => ({ value: k, label: t(caseKey.noteKind(k)) }))}
        />
        <VisibilityChoice
          form={form}
          name="visibility"
          value={visibility}
          onChange={setVisibility}
          options={noteVisibilities}
        />
        <DateField
          form={form}
          name="contactOn"
          label={t('notes.contactOn')}
          hint={t('notes.contactOnHint')}
          value={contactOn}
          onChange={setContactOn}
        />
        <TextAreaField
          form={form}
          name="body"
          label={t('notes.body')}
          value={body}
          onChange={setBody}
          maxLength={10000}
          rows={6}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('notes.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function CorrectionForm({
  clientId,
  note,
  csrfToken,
  onDone,
  onCancel,
}: {
  clientId: string;
  note: Note;
  csrfToken: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const heading = useRef<HTMLHeadingElement>(null);
  const [body, setBody] = useState(note.body);
  const [visibility, setVisibility] = useState<NoteVisibility>(note.visibility);
  const [busy, setBusy] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (body.trim() === '') {
      form.fail([{ key: 'body', message: t('notes.error.body'), fields: ['correctionBody'] }]);
      return;
    }
    setBusy(true);
    correctNote(
      clientId,
      note.id,
      { body: body.trim(), ...(visibility !== note.visibility ? { visibility } : {}) },
      csrfToken,
    ).then(onDone, (error: unknown) => {
      setBusy(false);
      form.fail(
        formErrorsOf(error, t, {
          fields: {
            body: { field: 'correctionBody', message: t('notes.error.body') },
            visibility: { field: 'correctionVisibility', message: t('notes.error.widen') },
          },
          forbidden: t('notes.error.correctForbidden'),
        }),
      );
    });
  };

  return (
    <section className="editor" aria-labelledby={`correct-${note.id}`}>
      <h3 id={`correct-${note.id}`} ref={heading} tabIndex={-1}>
        {t('notes.correctTitle')}
      </h3>
      <p>{t('notes.correctLead')}</p>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <TextAreaField
          form={form}
          name="correctionBody"
          label={t('notes.correctedText')}
          value={body}
          onChange={setBody}
          maxLength={10000}
          rows={6}
        />
        <VisibilityChoice
          form={form}
          name="correctionVisibility"
          value={visibility}
          onChange={setVisibility}
          options={noteVisibilities.filter((v) => narrowerOrSame(v, note.visibility))}
        />
        <div className="form-actions">
          <button type="submit" className="button">
            {t('notes.saveCorrection')}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('account.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
