import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { reassignCaseload, searchCaseload, type CaseloadItem } from '../../api-case.ts';
import { problemFields } from '../../api.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { SelectField, useForm, type FormError } from '../../components/form.tsx';
import { formErrorsOf } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { useColleagues } from '../clients/team-page.tsx';
import { RequireCan, type StaffPage } from '../../components/require-can.tsx';

export function HandoverPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="handover" body={t('handover.notAllowedBody')}>
      {(scope) => <Handover {...scope} />}
    </RequireCan>
  );
}

type Result = { clientsMoved: number; tasksMoved: number; to: string; clients: { id: string; name: string }[] };

// One step: a leaving worker's places on case teams and open tasks go to another worker of the
// agency, who then reads each client's one-page summary (docs/permissions.md 3.10).
function Handover({ user, csrfToken }: StaffPage) {
  const { t, tp } = useI18n();
  useDocumentTitle(t('handover.title'));
  const form = useForm();
  const colleagues = useColleagues(user);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | undefined>();
  const [caseloadVersion, setCaseloadVersion] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const caseload = useApi(
    `handover-caseload|${from}|${result ? 'after' : 'before'}|${caseloadVersion}`,
    async (signal): Promise<CaseloadItem[]> => {
      if (!from) return [];
      const { items } = await searchCaseload({ workerId: from, page: 1, perPage: 200 }, csrfToken);
      // A POST cannot be aborted here: an answer for a worker no longer chosen is dropped instead.
      if (signal.aborted) throw new DOMException('Another worker was chosen.', 'AbortError');
      return items;
    },
  );
  const clients = caseload.status === 'ready' ? caseload.data : [];
  const people = colleagues.status === 'ready' ? colleagues.data : [];
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems: FormError[] = [];
    if (from === '') problems.push({ key: 'from', message: t('handover.error.from'), fields: ['fromUserId'] });
    if (to === '') problems.push({ key: 'to', message: t('handover.error.to'), fields: ['toUserId'] });
    else if (to === from) problems.push({ key: 'same', message: t('handover.error.same'), fields: ['toUserId'] });
    if (scope === 'chosen' && chosen.length === 0)
      problems.push({ key: 'chosen', message: t('handover.error.chosen'), fields: ['scope'] });
    if (problems.length > 0) {
      form.fail(problems);
      return;
    }
    setBusy(true);
    const names = new Map(clients.map((c) => [c.clientId, c.name ?? t('tasks.clientFile')]));
    reassignCaseload(
      { fromUserId: from, toUserId: to, ...(scope === 'chosen' ? { clientIds: chosen } : {}) },
      csrfToken,
    ).then(
      (moved) => {
        setBusy(false);
        form.clear();
        setChosen([]);
        setResult({
          clientsMoved: moved.clientsMoved,
          tasksMoved: moved.tasksMoved,
          to: people.find((p) => p.id === to)?.displayName ?? '',
          clients: moved.clientIds.map((id) => ({ id, name: names.get(id) ?? t('tasks.clientFile') })),
        });
      },
      (error: unknown) => {
        setBusy(false);
        // A list moves whole or not at all: the clients that left the caseload meanwhile are named
        // by the server; the page reloads the caseload and says how many.
        const refused = problemFields(error).filter((f) => f.code === 'not_on_caseload').length;
        if (refused > 0) {
          setChosen([]);
          setCaseloadVersion((v) => v + 1);
          form.fail([
            {
              key: 'notOnCaseload',
              message: t('handover.error.notOnCaseload', { clients: tp('handover.clients', refused) }),
              fields: ['scope'],
            },
          ]);
          return;
        }
        form.fail(
          formErrorsOf(error, t, {
            fields: {
              toUserId: { field: 'toUserId', message: t('handover.error.toInvalid') },
              fromUserId: { field: 'fromUserId', message: t('handover.error.from') },
            },
          }),
        );
      },
    );
  };

  return (
    <>
      <PageHeading>{t('handover.title')}</PageHeading>
      <p className="lead">{t('handover.lead')}</p>
      <p>
        <Link to="/caseload">{t('handover.back')}</Link>
      </p>
      {result ? (
        <section className="notice-panel" aria-labelledby="handover-result">
          <h2 id="handover-result" ref={resultHeading} tabIndex={-1}>
            {t('handover.done', {
              clients: tp('handover.clients', result.clientsMoved),
              tasks: tp('handover.tasks', result.tasksMoved),
              name: result.to,
            })}
          </h2>
          {result.clients.length > 0 ? (
            <>
              <p>{t('handover.readSummaries', { name: result.to })}</p>
              <ul className="link-list">
                {result.clients.map((c) => (
                  <li key={c.id}>
                    <Link to={`/clients/${c.id}/summary`}>{t('caseload.summaryOf', { name: c.name })}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <section className="editor" aria-labelledby="handover-form">
        <h2 id="handover-form">{t('handover.formTitle')}</h2>
        {form.summary}
        <form onSubmit={onSubmit} noValidate aria-busy={busy || colleagues.status === 'loading'}>
          <SelectField
            form={form}
            name="fromUserId"
            label={t('handover.from')}
            value={from}
            placeholder={t('intake.choose')}
            onChange={(v) => {
              setFrom(v);
              setChosen([]);
            }}
            choices={people.map((p) => ({ value: p.id, label: p.displayName }))}
          />
          <SelectField
            form={form}
            name="toUserId"
            label={t('handover.to')}
            value={to}
            placeholder={t('intake.choose')}
            onChange={setTo}
            choices={people.filter((p) => p.id !== from).map((p) => ({ value: p.id, label: p.displayName }))}
          />
          <fieldset className="radio-group" aria-describedby={form.describedBy('scope')}>
            <legend>{t('handover.which')}</legend>
            {form.inlineErrors('scope')}
            <div className="field-check">
              <input
                id={form.fieldId('scope-all')}
                type="radio"
                name="scope"
                checked={scope === 'all'}
                onChange={() => setScope('all')}
              />
              <label htmlFor={form.fieldId('scope-all')}>{t('handover.all')}</label>
            </div>
            <div className="field-check">
              <input
                id={form.fieldId('scope')}
                type="radio"
                name="scope"
                checked={scope === 'chosen'}
                onChange={() => setScope('chosen')}
              />
              <label htmlFor={form.fieldId('scope')}>{t('handover.chosen')}</label>
            </div>
          </fieldset>
          {scope === 'chosen' && from ? (
            <fieldset className="checkbox-group" aria-busy={caseload.status === 'loading'}>
              <legend>{t('handover.clientsLegend')}</legend>
              {caseload.status === 'loading' ? <Loading label={t('caseload.loading')} /> : null}
              {caseload.status === 'ready' && clients.length === 0 ? <p>{t('handover.noClients')}</p> : null}
              {clients.map((c) => (
                <div className="field-check" key={c.clientId}>
                  <input
                    id={form.fieldId(`client-${c.clientId}`)}
                    type="checkbox"
                    checked={chosen.includes(c.clientId)}
                    onChange={(e) =>
                      setChosen(e.target.checked ? [...chosen, c.clientId] : chosen.filter((x) => x !== c.clientId))
                    }
                  />
                  <label htmlFor={form.fieldId(`client-${c.clientId}`)}>{c.name ?? t('tasks.clientFile')}</label>
                </div>
              ))}
            </fieldset>
          ) : null}
          {from && scope === 'all' && caseload.status === 'ready' ? (
            <p className="field-hint">{tp('handover.willMove', clients.length)}</p>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button">
              {t('handover.submit')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
