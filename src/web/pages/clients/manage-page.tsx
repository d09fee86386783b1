import { useId, useState, type FormEvent } from 'react';
import { changeStatus, inviteClientAccount, type ClosedReason } from '../../api-case.ts';
import { ApiError, type ClientView } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { SelectField, TextAreaField, TextField, useForm, type FormError } from '../../components/form.tsx';
import { formErrorsOf, useNotice } from '../../components/section-state.tsx';
import { caseKey, closedReasons } from './case-text.ts';
import { key } from './client-text.ts';
import { Details } from './record-details.tsx';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';

export function ManagePage() {
  return (
    <ClientSubPage section="manage">
      {(scope) => (
        <>
          <StatusSection {...scope} />
          <InviteSection {...scope} />
        </>
      )}
    </ClientSubPage>
  );
}

type Status = ClientView['status'];
// The changes a file's status allows (client-update.service.ts): hold and resume, close and reopen.
const nextStatuses: Record<Status, readonly Status[]> = {
  active: ['on_hold', 'closed'],
  on_hold: ['active', 'closed'],
  closed: ['active'],
};
const changeKey = (from: Status, to: Status): MessageKey =>
  to === 'on_hold'
    ? 'status.change.hold'
    : to === 'closed'
      ? 'status.change.close'
      : from === 'closed'
        ? 'status.change.reopen'
        : 'status.change.resume';

function StatusSection({ client, csrfToken, replaceClient }: ClientScope) {
  const { t } = useI18n();
  const form = useForm();
  const notice = useNotice();
  const id = useId();
  const [to, setTo] = useState<Status | ''>('');
  const [reason, setReason] = useState<ClosedReason | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const choices = nextStatuses[client.status];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormError[] = [];
    if (to === '') problems.push({ key: 'to', message: t('status.error.choose'), fields: ['status'] });
    if (to === 'closed' && reason === '')
      problems.push({ key: 'reason', message: t('status.error.reason'), fields: ['closedReason'] });
    if (problems.length > 0 || to === '') {
      form.fail(problems);
      return;
    }
    setBusy(true);
    const from = client.status;
    changeStatus(
      client.id,
      {
        status: to,
        ...(to === 'closed' && reason ? { closedReason: reason } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      csrfToken,
    ).then(
      (view) => {
        setBusy(false);
        setTo('');
        setReason('');
        setNote('');
        form.clear();
        replaceClient(view);
        notice.show(
          t('status.changed', { change: t(changeKey(from, view.status)), status: t(key.clientStatus(view.status)) }),
        );
      },
      (error: unknown) => {
        setBusy(false);
        form.fail(
          formErrorsOf(error, t, {
            fields: { closedReason: { field: 'closedReason', message: t('status.error.reason') } },
            conflict: t('status.error.conflict'),
          }),
        );
      },
    );
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('status.title')}</h2>
      {notice.element}
      <Details
        rows={[
          [t('clients.summary.status'), t(key.clientStatus(client.status))],
          ...(client.status === 'closed' && client.closedReason
            ? [[t('status.closedReason'), t(caseKey.closedReason(client.closedReason))] as [string, string]]
            : []),
        ]}
      />
      <div className="editor">
        <p>{t('status.lead')}</p>
        {form.summary}
        <form onSubmit={onSubmit} noValidate aria-busy={busy}>
          <fieldset className="radio-group" aria-describedby={form.describedBy('status')}>
            <legend>{t('status.question')}</legend>
            {form.inlineErrors('status')}
            {choices.map((s, i) => (
              <div className="field-check" key={s}>
                <input
                  id={i === 0 ? form.fieldId('status') : form.fieldId(`status-${s}`)}
                  type="radio"
                  name="status"
                  checked={to === s}
                  onChange={() => setTo(s)}
                />
                <label htmlFor={i === 0 ? form.fieldId('status') : form.fieldId(`status-${s}`)}>
                  {t(changeKey(client.status, s))}
                </label>
              </div>
            ))}
          </fieldset>
          {to === 'closed' ? (
            <SelectField
              form={form}
              name="closedReason"
              label={t('status.closedReason')}
              value={reason}
              placeholder={t('intake.choose')}
              onChange={(v) => setReason(closedReasons.find((r) => r === v) ?? '')}
              choices={closedReasons.map((r) => ({ value: r, label: t(caseKey.closedReason(r)) }))}
            />
          ) : null}
          <TextAreaField
            form={form}
            name="statusNote"
            label={t('status.note')}
            hint={t('intake.optional')}
            value={note}
            onChange={setNote}
            maxLength={500}
            rows={3}
          />
          <div className="form-actions">
            <button type="submit" className="button">
              {t('status.save')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// The client's own account, tied to this record: an e-mailed link to choose a password.
function InviteSection({ client, csrfToken }: ClientScope) {
  const { t } = useI18n();
  const form = useForm();
  const notice = useNotice();
  const id = useId();
  const [email, setEmail] = useState(client.identityContact?.email ?? '');
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const address = email.trim();
    if (!emailPattern.test(address)) {
      form.fail([{ key: 'email', message: t('clients.error.email'), fields: ['inviteEmail'] }]);
      return;
    }
    setBusy(true);
    inviteClientAccount(client.id, address, csrfToken).then(
      () => {
        setBusy(false);
        form.clear();
        notice.show(t('invite.sent', { email: address }));
      },
      (error: unknown) => {
        setBusy(false);
        const taken = error instanceof ApiError && error.code === 'conflict';
        form.fail(
          taken
            ? [{ key: 'taken', message: t('invite.error.taken'), fields: ['inviteEmail'] }]
            : formErrorsOf(error, t, {
                fields: { email: { field: 'inviteEmail', message: t('clients.error.email') } },
              }),
        );
      },
    );
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('invite.title')}</h2>
      <p>{t('invite.lead')}</p>
      {notice.element}
      <div className="editor">
        {form.summary}
        <form onSubmit={onSubmit} noValidate aria-busy={busy}>
          <TextField
            form={form}
            name="inviteEmail"
            type="email"
            label={t('invite.email')}
            hint={t('invite.emailHint')}
            value={email}
            onChange={setEmail}
            maxLength={254}
            autoComplete="off"
          />
          <div className="form-actions">
            <button type="submit" className="button">
              {t('invite.send')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
