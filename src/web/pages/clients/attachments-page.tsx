import { useRef, useState, type FormEvent } from 'react';
import { addAttachment, attachmentHref, listAttachments, type AttachmentKind } from '../../api-case.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SelectField, useForm, type FormError } from '../../components/form.tsx';
import { formErrorsOf, SectionProblem, useNotice } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import {
  ATTACHMENT_MAX_BYTES,
  attachmentKinds,
  attachmentTypeOf,
  caseKey,
  formatDateTime,
  formatSize,
  toBase64,
} from './case-text.ts';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';

export function AttachmentsPage() {
  return <ClientSubPage section="attachments">{(scope) => <Attachments {...scope} />}</ClientSubPage>;
}

const typeLabel: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'text/plain': 'TXT',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
};

// Résumés and signed forms kept with the file; each download is audited by the server.
function Attachments({ client, csrfToken }: ClientScope) {
  const { t, language } = useI18n();
  const [version, setVersion] = useState(0);
  const notice = useNotice();
  const files = useApi(`attachments|${client.id}|${version}`, (signal) => listAttachments(client.id, signal));
  // Only the holding agency writes the record (docs/permissions.md 3.4, client.update).
  const mayUpload = client.can.addAttachment;
  const items = files.status === 'ready' ? files.data.items : [];
  return (
    <>
      <section aria-labelledby="attachments-title" aria-busy={files.status === 'loading'}>
        <h2 id="attachments-title">{t('attachments.title')}</h2>
        {notice.element}
        {files.status === 'loading' ? <Loading label={t('attachments.loading')} /> : null}
        {files.status === 'error' ? <SectionProblem error={files.error} title={t('attachments.loadFailed')} /> : null}
        {files.status === 'ready' && items.length === 0 ? <p>{t('attachments.none')}</p> : null}
        {items.length > 0 ? (
          <div className="table-scroll" role="region" aria-labelledby="attachments-caption" tabIndex={0}>
            <StackedTable>
              <caption id="attachments-caption">{t('attachments.caption', { count: items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('attachments.file')}</th>
                  <th scope="col">{t('attachments.kind')}</th>
                  <th scope="col">{t('attachments.size')}</th>
                  <th scope="col">{t('attachments.added')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <a href={attachmentHref(client.id, a.id)} download={a.fileName}>
                        {t('attachments.download', { name: a.fileName })}
                      </a>
                    </th>
                    <td>{t(caseKey.attachmentKind(a.kind))}</td>
                    <td>
                      {typeLabel[a.contentType] ?? a.contentType}, {formatSize(a.sizeBytes, language)}
                    </td>
                    <td>{formatDateTime(a.createdAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          </div>
        ) : null}
      </section>
      {mayUpload ? (
        <UploadForm
          key={`upload-${version}`}
          clientId={client.id}
          csrfToken={csrfToken}
          onDone={(name) => {
            setVersion((v) => v + 1);
            notice.show(t('attachments.uploaded', { name }));
          }}
        />
      ) : null}
    </>
  );
}

function readFile(file: File): Promise<Uint8Array> {
  return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
}

function UploadForm({
  clientId,
  csrfToken,
  onDone,
}: {
  clientId: string;
  csrfToken: string;
  onDone: (name: string) => void;
}) {
  const { t } = useI18n();
  const form = useForm();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<AttachmentKind | ''>('');
  const [busy, setBusy] = useState(false);
  const hintId = `${form.fieldId('file')}-hint`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const file = input.current?.files?.[0];
    const contentType = file ? attachmentTypeOf(file) : undefined;
    const problems: FormError[] = [];
    if (kind === '') problems.push({ key: 'kind', message: t('attachments.error.kind'), fields: ['attachmentKind'] });
    if (!file) problems.push({ key: 'file', message: t('attachments.error.file'), fields: ['file'] });
    else if (!contentType) problems.push({ key: 'file', message: t('attachments.error.type'), fields: ['file'] });
    else if (file.size > ATTACHMENT_MAX_BYTES)
      problems.push({ key: 'file', message: t('attachments.error.size'), fields: ['file'] });
    else if (file.size === 0) problems.push({ key: 'file', message: t('attachments.error.empty'), fields: ['file'] });
    if (problems.length > 0 || !file || !contentType || kind === '') {
      form.fail(problems);
      return;
    }
    setBusy(true);
    readFile(file)
      .then((bytes) =>
        addAttachment(clientId, { kind, fileName: file.name, contentType, contentBase64: toBase64(bytes) }, csrfToken),
      )
      .then(
        () => onDone(file.name),
        (error: unknown) => {
          setBusy(false);
          form.fail(
            formErrorsOf(error, t, {
              fields: {
                contentBase64: { field: 'file', message: t('attachments.error.size') },
                contentType: { field: 'file', message: t('attachments.error.type') },
                fileName: { field: 'file', message: t('attachments.error.name') },
              },
              invalid: t('attachments.error.content'),
              forbidden: t('attachments.error.forbidden'),
            }),
          );
        },
      );
  };

  return (
    <section className="editor" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('attachments.uploadTitle')}</h2>
      {form.summary}
      <form onSubmit={onSubmit} noValidate aria-busy={busy}>
        <SelectField
          form={form}
          name="attachmentKind"
          label={t('attachments.kind')}
          value={kind}
          placeholder={t('intake.choose')}
          onChange={(v) => setKind(attachmentKinds.find((k) => k === v) ?? '')}
          choices={attachmentKinds.map((k) => ({ value: k, label: t(caseKey.attachmentKind(k)) }))}
        />
        <div className="field">
          <label htmlFor={form.fieldId('file')}>{t('attachments.file')}</label>
          <p id={hintId} className="field-hint">
            {t('attachments.fileHint')}
          </p>
          {form.inlineErrors('file')}
          <input
            ref={input}
            id={form.fieldId('file')}
            name="file"
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.txt,.docx,application/pdf,image/png,image/jpeg,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-invalid={form.invalid('file')}
            aria-describedby={form.describedBy('file', hintId)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('attachments.upload')}
          </button>
        </div>
      </form>
    </section>
  );
}
