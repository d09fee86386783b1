import { useId, useState } from 'react';
import { Link } from 'react-router';
import { listCandidates, sendReferral, type Candidate, type CandidateReason } from '../../api-referrals.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { PageButtons } from '../../components/page-buttons.tsx';
import { SectionProblem, useNotice } from '../../components/section-state.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { ApiError } from '../../api.ts';

type Scope = 'mine' | 'agency';

// Recruitment (docs/referrals.md): on a program's page, the worker's own clients who fit it, best fit
// first, with why; one button refers a client whose consent already reaches the program's agency, and a
// link opens the referral form with the program chosen where the consent is still to be recorded.
export function RecruitSection({ serviceId, csrfToken }: { serviceId: string; csrfToken: string }) {
  const { t, tp } = useI18n();
  const id = useId();
  const [scope, setScope] = useState<Scope>('mine');
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const notice = useNotice();
  const list = useApi(`candidates|${serviceId}|${scope}|${page}|${version}`, (signal) =>
    listCandidates(serviceId, { scope, page }, signal),
  );
  const data = list.status === 'ready' ? list.data : undefined;
  return (
    <section aria-labelledby={`${id}-title`} className="section" aria-busy={list.status === 'loading'}>
      <h2 id={`${id}-title`}>{t('recruit.title')}</h2>
      <p>{t('recruit.lead')}</p>
      <fieldset className="radio-group">
        <legend>{t('recruit.scope')}</legend>
        {(['mine', 'agency'] as const).map((s) => (
          <div className="field-check" key={s}>
            <input
              id={`${id}-${s}`}
              type="radio"
              name={`${id}-scope`}
              checked={scope === s}
              onChange={() => {
                setScope(s);
                setPage(1);
              }}
            />
            <label htmlFor={`${id}-${s}`}>{t(`recruit.scope.${s}`)}</label>
          </div>
        ))}
      </fieldset>
      {notice.element}
      {list.status === 'loading' ? <Loading label={t('recruit.loading')} /> : null}
      {list.status === 'error' ? <SectionProblem error={list.error} title={t('recruit.loadFailed')} /> : null}
      {data && !data.program.recruiting ? (
        <p>{t(data.program.intakeState === 'full' ? 'recruit.full' : 'recruit.closed')}</p>
      ) : null}
      {data && data.program.recruiting && data.items.length === 0 ? <p>{t('recruit.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <>
          <p aria-live="polite">{tp('recruit.count', data.total)}</p>
          <StackedTable>
            <caption className="visually-hidden">{t('recruit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('recruit.col.client')}</th>
                <th scope="col">{t('recruit.col.why')}</th>
                <th scope="col">{t('recruit.col.refer')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <CandidateRow
                  key={c.clientId}
                  candidate={c}
                  serviceId={serviceId}
                  csrfToken={csrfToken}
                  onReferred={() => {
                    notice.show(t('recruit.referred', { name: c.name }));
                    setVersion((v) => v + 1);
                  }}
                />
              ))}
            </tbody>
          </StackedTable>
          <PageButtons page={page} pages={Math.ceil(data.total / data.perPage)} onPage={setPage} />
        </>
      ) : null}
    </section>
  );
}

function CandidateRow({
  candidate: c,
  serviceId,
  csrfToken,
  onReferred,
}: {
  candidate: Candidate;
  serviceId: string;
  csrfToken: string;
  onReferred: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const refer = () => {
    setBusy(true);
    setFailure(undefined);
    sendReferral(c.clientId, { serviceId }, csrfToken).then(onReferred, (error: unknown) => {
      setBusy(false);
      if (error instanceof ApiError) setFailure(error);
      else throw error;
    });
  };
  return (
    <tr>
      <th scope="row">
        <Link to={`/clients/${c.clientId}`}>{c.name}</Link>
        <br />
        <span className="muted">{t('recruit.age', { age: c.age })}</span>
      </th>
      <td>
        <ul className="plain-list">
          {c.reasons.map((r) => (
            <li key={`${r.kind}-${r.value ?? ''}`}>{reasonText(r, t)}</li>
          ))}
        </ul>
      </td>
      <td>
        {c.consentNeeded ? (
          <Link to={`/clients/${c.clientId}/referrals?service=${encodeURIComponent(serviceId)}`}>
            {t('recruit.referWithConsent', { name: c.name })}
          </Link>
        ) : (
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            aria-label={t('recruit.referLabel', { name: c.name })}
            onClick={refer}
          >
            {t('recruit.refer')}
          </button>
        )}
        {failure ? <ErrorAlert title={t('recruit.referFailed')} error={failure} /> : null}
      </td>
    </tr>
  );
}

function reasonText(r: CandidateReason, t: ReturnType<typeof useI18n>['t']): string {
  switch (r.kind) {
    case 'age':
      return t('recruit.reason.age');
    case 'population':
      return t('recruit.reason.population', { population: t(`population.${r.value}` as MessageKey) });
    case 'occupation':
      return t('recruit.reason.occupation', { code: r.value ?? '' });
    case 'related_occupation':
      return t('recruit.reason.related', { code: r.value ?? '' });
    case 'language':
      return t('recruit.reason.french');
  }
}
