import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { reassignCaseload, searchCaseload, type CaseloadItem } from '../../api-case.ts';
import { problemFields } from '../../api.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { SelectField, useForm, type FormError } from '../../components/form.tsx';
import { formErrorsOf } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { formatDate, key } from '../clients/client-text.ts';
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
type Sort = 'name' | 'stream' | 'nextDue';
const sorts: readonly Sort[] = ['name', 'stream', 'nextDue'];

// Names compared as people type them: case and accents aside ("helene" finds "Hélène").
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

// Every place on the worker's caseload, page by page (a caseload can pass the 200 a page holds).
async function wholeCaseload(workerId: string, csrfToken: string, signal: AbortSignal): Promise<CaseloadItem[]> {
  const items: CaseloadItem[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await searchCaseload({ workerId, page, perPage: 200 }, csrfToken);
    // A POST cannot be aborted here: an answer for a worker no longer chosen is dropped instead.
    if (signal.aborted) throw new DOMException('Another worker was chosen.', 'AbortError');
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}

// One step: a leaving worker's places on case teams and open tasks go to another worker of the
// agency, who then reads each client's one-page summary (docs/permissions.md 3.10). The manager picks
// clients from a list they can search and sort, and confirms what moves before anything does.
function Handover({ user, csrfToken }: StaffPage) {
  const { t, tp } = useI18n();
  useDocumentTitle(t('handover.title'));
  const form = useForm();
  // Anyone may hand over (a worker who has left, above all); only active staff receive.
  const colleagues = useColleagues(user, 'any');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<Result | undefined>();
  const [caseloadVersion, setCaseloadVersion] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const caseload = useApi(
    `handover-caseload|${from}|${result ? 'after' : 'before'}|${caseloadVersion}`,
    async (signal): Promise<CaseloadItem[]> => (from ? wholeCaseload(from, csrfToken, signal) : []),
  );
  const clients = caseload.status === 'ready' ? caseload.data : [];
  const people = colleagues.status === 'ready' ? colleagues.data : [];
  const receivers = people.filter((p) => p.status === 'active');
  const nameOf = (id: string) => people.find((p) => p.id === id)?.displayName ?? '';
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);
  const moving = scope === 'all' ? clients.length : chosen.length;

  // The form's checks; when they pass, the manager confirms what moves.
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
    form.clear();
    setConfirming(true);
  };

  const handOver = () => {
    setBusy(true);
    const names = new Map(clients.map((c) => [c.clientId, c.name ?? t('tasks.clientFile')]));
    reassignCaseload(
      { fromUserId: from, toUserId: to, ...(scope === 'chosen' ? { clientIds: chosen } : {}) },
      csrfToken,
    ).then(
      (moved) => {
        setBusy(false);
        setConfirming(false);
        form.clear();
        setChosen([]);
        setResult({
          clientsMoved: moved.clientsMoved,
          tasksMoved: moved.tasksMoved,
          to: nameOf(to),
          clients: moved.clientIds.map((id) => ({ id, name: names.get(id) ?? t('tasks.clientFile') })),
        });
      },
      (error: unknown) => {
        setBusy(false);
        setConfirming(false);
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
      {confirming ? (
        <section className="notice-panel confirm-panel" aria-labelledby="handover-confirm">
          <h2 id="handover-confirm" ref={confirmHeading} tabIndex={-1}>
            {t('handover.confirmTitle', {
              clients: tp('handover.clients', moving),
              from: nameOf(from),
              to: nameOf(to),
            })}
          </h2>
          <p>{t(scope === 'all' ? 'handover.confirmAll' : 'handover.confirmChosen', { to: nameOf(to) })}</p>
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={handOver}>
              {t('handover.confirm', { clients: tp('handover.clients', moving) })}
            </button>
            <button type="button" className="button-secondary" disabled={busy} onClick={() => setConfirming(false)}>
              {t('handover.goBack')}
            </button>
          </div>
        </section>
      ) : null}
      <section className="editor" aria-labelledby="handover-form" hidden={confirming}>
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
              if (v) form.resolve('fromUserId');
            }}
            choices={people.map((p) => ({
              value: p.id,
              label: p.status === 'active' ? p.displayName : t(`handover.person.${p.status}`, { name: p.displayName }),
            }))}
          />
          <SelectField
            form={form}
            name="toUserId"
            label={t('handover.to')}
            value={to}
            placeholder={t('intake.choose')}
            onChange={(v) => {
              setTo(v);
              if (v && v !== from) form.resolve('toUserId');
            }}
            choices={receivers.filter((p) => p.id !== from).map((p) => ({ value: p.id, label: p.displayName }))}
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
                onChange={() => {
                  setScope('all');
                  form.resolve('scope');
                }}
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
            <ClientPicker
              clients={clients}
              loading={caseload.status === 'loading'}
              chosen={chosen}
              onChosen={(next) => {
                setChosen(next);
                if (next.length > 0) form.resolve('scope');
              }}
            />
          ) : null}
          {from && caseload.status === 'ready' ? (
            <p className="field-hint" role="status">
              {tp('handover.willMove', moving)}
            </p>
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

// The leaving worker's clients: searched by name, sorted by name, stream or next task, chosen one by one
// or all those shown at once.
function ClientPicker({
  clients,
  loading,
  chosen,
  onChosen,
}: {
  clients: CaseloadItem[];
  loading: boolean;
  chosen: string[];
  onChosen: (chosen: string[]) => void;
}) {
  const { t, tp, language } = useI18n();
  const id = useId();
  const [words, setWords] = useState('');
  const [sort, setSort] = useState<Sort>('name');
  const none = t('caseload.never');
  const shown = useMemo(() => {
    const wanted = fold(words.trim());
    const label = (c: CaseloadItem) => fold(c.name ?? '');
    const list = wanted ? clients.filter((c) => label(c).includes(wanted)) : [...clients];
    const byName = (a: CaseloadItem, b: CaseloadItem) => label(a).localeCompare(label(b), language);
    switch (sort) {
      case 'name':
        return list.sort(byName);
      case 'stream':
        // Stream C first (the most help needed), files not assessed last.
        return list.sort((a, b) => (b.stream ?? '').localeCompare(a.stream ?? '') || byName(a, b));
      case 'nextDue':
        return list.sort((a, b) => (a.nextDueOn ?? '9999').localeCompare(b.nextDueOn ?? '9999') || byName(a, b));
      default: {
        const unknown: never = sort;
        return unknown;
      }
    }
  }, [clients, words, sort, language]);
  const chosenSet = new Set(chosen);
  const allShownChosen = shown.length > 0 && shown.every((c) => chosenSet.has(c.clientId));
  const toggle = (clientId: string, on: boolean) =>
    onChosen(on ? [...chosen, clientId] : chosen.filter((x) => x !== clientId));
  return (
    <fieldset className="checkbox-group client-picker" aria-busy={loading}>
      <legend>{t('handover.clientsLegend')}</legend>
      {loading ? <Loading label={t('caseload.loading')} /> : null}
      {!loading && clients.length === 0 ? <p>{t('handover.noClients')}</p> : null}
      {clients.length > 0 ? (
        <>
          <div className="picker-tools">
            <div className="field">
              <label htmlFor={`${id}-find`}>{t('handover.find')}</label>
              <input
                id={`${id}-find`}
                type="search"
                value={words}
                autoComplete="off"
                maxLength={100}
                onChange={(e) => setWords(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-sort`}>{t('handover.sort')}</label>
              <select
                id={`${id}-sort`}
                value={sort}
                onChange={(e) => setSort(sorts.find((s) => s === e.target.value) ?? 'name')}
              >
                {sorts.map((s) => (
                  <option key={s} value={s}>
                    {t(`handover.sort.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="form-actions">
            <button
              type="button"
              className="button-secondary"
              disabled={shown.length === 0 || allShownChosen}
              onClick={() => onChosen([...new Set([...chosen, ...shown.map((c) => c.clientId)])])}
            >
              {tp('handover.chooseShown', shown.length)}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={chosen.length === 0}
              onClick={() => onChosen([])}
            >
              {t('handover.clearChoice')}
            </button>
          </div>
          <p role="status">{t('handover.chosenCount', { chosen: chosen.length, total: clients.length })}</p>
          {shown.length === 0 ? <p>{t('handover.noneFound')}</p> : null}
          <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
            <table className="data-table stack-on-phone">
              <caption id={`${id}-caption`}>{tp('handover.pickerCaption', shown.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('handover.choose')}</th>
                  <th scope="col">{t('assessment.stream')}</th>
                  <th scope="col">{t('caseload.nextDue')}</th>
                  <th scope="col" className="numeric">
                    {t('caseload.overdue')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => {
                  const inputId = `${id}-client-${c.clientId}`;
                  return (
                    <tr key={c.clientId}>
                      <th scope="row">
                        <div className="field-check">
                          <input
                            id={inputId}
                            type="checkbox"
                            checked={chosenSet.has(c.clientId)}
                            onChange={(e) => toggle(c.clientId, e.target.checked)}
                          />
                          <label htmlFor={inputId}>{c.name ?? t('tasks.clientFile')}</label>
                        </div>
                      </th>
                      <td data-label={t('assessment.stream')}>
                        {c.stream ? t(key.stream(c.stream)) : t('caseload.notAssessed')}
                      </td>
                      <td data-label={t('caseload.nextDue')}>
                        {c.nextDueOn ? formatDate(c.nextDueOn, language) : none}
                      </td>
                      <td className="numeric" data-label={t('caseload.overdue')}>
                        {c.overdueTasks}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
