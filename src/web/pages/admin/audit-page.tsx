import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { searchAudit, type AuditFilter } from '../../api.ts';
import { catalogues } from '../../i18n/translate.ts';
import { purposeKey, reasonWords, recordTypeKey } from './audit-words.ts';
import { formatDateTime } from '../clients/case-text.ts';
import { useDocumentTitle, useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireAdmin, type AdminScope } from '../../components/require-admin.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { OrganizationSelect, PageLinks } from '../../components/admin-kit.tsx';
import { loadAllOrganizations } from './organizations-lookup.ts';
import { StackedTable } from '../../components/stacked-table.tsx';

const PER_PAGE = 50;
const outcomes = ['succeeded', 'failed', 'denied', 'allowed'] as const;
const filterKeys = ['actorUserId', 'organizationId', 'action', 'outcome', 'recordId', 'from', 'to'] as const;
type FilterKey = (typeof filterKeys)[number];

// A date field (yyyy-mm-dd) as the start of that day, or of the next one for "to", in the browser's
// time zone, with its offset, as the API asks.
export function dayBoundary(date: string, endOfDay: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + (endOfDay ? 1 : 0));
  if (Number.isNaN(day.getTime())) return undefined;
  return day.toISOString();
}

export function AuditPage() {
  return <RequireAdmin>{(scope) => <AuditContent scope={scope} />}</RequireAdmin>;
}

function AuditContent({ scope }: { scope: AdminScope }) {
  const { t, n, language } = useI18n();
  useDocumentTitle(t('admin.audit.title'));
  const [params, setParams] = useSearchParams();
  const id = useId();
  const value = (key: FilterKey) => params.get(key) ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [draft, setDraft] = useState<Record<FilterKey, string>>(
    () => Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])) as Record<FilterKey, string>,
  );
  const organizations = useApi('organizations', loadAllOrganizations);

  const filter: AuditFilter = {
    actorUserId: value('actorUserId') || undefined,
    organizationId: value('organizationId') || undefined,
    action: value('action') || undefined,
    outcome: value('outcome') || undefined,
    recordId: value('recordId') || undefined,
    from: value('from') ? dayBoundary(value('from'), false) : undefined,
    to: value('to') ? dayBoundary(value('to'), true) : undefined,
    page,
    perPage: PER_PAGE,
  };
  const rows = useApi(params.toString(), (signal) => searchAudit(filter, signal));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of filterKeys) if (draft[key].trim()) next.set(key, draft[key].trim());
    setParams(next);
  };
  const pages = rows.status === 'ready' ? Math.max(1, Math.ceil(rows.data.total / PER_PAGE)) : 1;
  const pageLink = (target: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(target));
    return `/admin/audit?${next.toString()}`;
  };
  const field = (key: 'action' | 'recordId', label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-${key}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={`${id}-${key}`}
        type="text"
        value={draft[key]}
        maxLength={100}
        spellCheck={false}
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </div>
  );

  return (
    <>
      <PageHeading>{t('admin.audit.title')}</PageHeading>
      <p className="lead">{scope.acrossOrganizations ? t('admin.audit.leadSystem') : t('admin.audit.leadAgency')}</p>
      {value('actorUserId') ? (
        <p className="notice">
          {t('admin.audit.onePerson')} <Link to="/admin/audit">{t('admin.audit.everyone')}</Link>
        </p>
      ) : null}
      <form className="search-form" onSubmit={onSubmit} role="search" aria-label={t('admin.audit.searchLabel')}>
        {field('action', t('admin.audit.action'), t('admin.audit.actionHint'))}
        <div className="field">
          <label htmlFor={`${id}-outcome`}>{t('admin.audit.outcome')}</label>
          <select
            id={`${id}-outcome`}
            value={draft.outcome}
            onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}
          >
            <option value="">{t('admin.any')}</option>
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {t(`admin.audit.outcome.${o}`)}
              </option>
            ))}
          </select>
        </div>
        {scope.acrossOrganizations ? (
          <OrganizationSelect
            id={`${id}-org`}
            any
            value={draft.organizationId}
            onChange={(value) => setDraft({ ...draft, organizationId: value })}
            organizations={organizations}
          />
        ) : null}
        {field('recordId', t('admin.audit.record'))}
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('admin.audit.from')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('admin.audit.to')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('admin.search')}
          </button>
        </div>
      </form>

      <div aria-busy={rows.status === 'loading'}>
        {rows.status === 'loading' ? <Loading label={t('admin.loading')} /> : null}
        {rows.status === 'error' ? <ErrorAlert title={t('admin.audit.loadFailed')} error={rows.error} /> : null}
        {rows.status === 'ready' ? (
          rows.data.items.length === 0 ? (
            <p className="result-count">{t('admin.audit.none')}</p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
              <StackedTable>
                <caption id={`${id}-caption`}>
                  {rows.data.totalCapped
                    ? t('admin.audit.captionCapped', { count: n(rows.data.total) })
                    : t('admin.audit.caption', { count: n(rows.data.total) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.audit.time')}</th>
                    <th scope="col">{t('admin.audit.person')}</th>
                    <th scope="col">{t('account.organization')}</th>
                    <th scope="col">{t('admin.audit.action')}</th>
                    <th scope="col">{t('admin.audit.outcome')}</th>
                    <th scope="col">{t('admin.audit.record')}</th>
                    <th scope="col">{t('admin.audit.why')}</th>
                    <th scope="col">{t('admin.audit.request')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.data.items.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <time dateTime={row.at}>{formatDateTime(row.at, language, true)}</time>
                      </td>
                      <td className="break">
                        {row.actorName ?? t(`admin.audit.actor.${row.actorKind}`)}
                        {row.actorEmail ? (
                          <>
                            <br />
                            {row.actorEmail}
                          </>
                        ) : null}
                      </td>
                      <td>{row.actorOrganizationName ?? '—'}</td>
                      <td>
                        {`auditAction.${row.action}` in catalogues.en ? (
                          <>
                            {t(`auditAction.${row.action}` as MessageKey)}
                            <br />
                            <code lang="en" className="muted">
                              {row.action}
                            </code>
                          </>
                        ) : (
                          <code lang="en">{row.action}</code>
                        )}
                      </td>
                      <td>{t(`admin.audit.outcome.${row.outcome}`)}</td>
                      <td className="break">
                        {row.recordType ? (
                          <>
                            {recordTypeKey(row.recordType) ? t(recordTypeKey(row.recordType)!) : row.recordType}
                            {row.recordId ? (
                              <>
                                <br />
                                <code className="muted">{row.recordId}</code>
                              </>
                            ) : null}
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td className="break">
                        <WhyInWords reason={row.reason} purpose={row.purpose} />
                        {row.reason ? (
                          <span lang="en" className="muted">
                            {row.reason}
                          </span>
                        ) : null}
                      </td>
                      <td className="break">
                        <code>{row.requestId ?? '—'}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </StackedTable>
            </div>
          )
        ) : null}
        {rows.status === 'ready' ? <PageLinks page={page} pages={pages} link={pageLink} /> : null}
      </div>
    </>
  );
}

// What a row's recorded reason and purpose mean, in the reader's language (audit-words.ts); the recorded
// English follows it, as it was written.
function WhyInWords({ reason, purpose }: { reason: string | null; purpose: string | null }) {
  const { t } = useI18n();
  const words = reasonWords(reason);
  const purposeWords = purpose ? purposeKey(purpose) : undefined;
  if (!words && !purposeWords) return null;
  const vars = {
    ...words?.text,
    ...Object.fromEntries(Object.entries(words?.keys ?? {}).map(([name, key]) => [name, t(key)])),
  };
  return (
    <>
      {words ? <span className="why">{t(words.key, vars)}</span> : null}
      {purposeWords ? <span className="why">{t('admin.audit.purpose', { purpose: t(purposeWords) })}</span> : null}
    </>
  );
}
