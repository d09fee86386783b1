import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listOrganizations, organizationSearchParams, type Organization, type OrganizationSearch } from '../api.ts';
import { useDocumentTitle, useI18n } from '../i18n/i18n.tsx';
import { PageHeading } from '../components/route-focus.tsx';
import { ErrorAlert } from '../components/status.tsx';
import {
  addressLines,
  isOrganizationType,
  organizationName,
  organizationTypeKey,
  organizationTypeOrder,
} from '../components/organization-text.ts';
import { useApi } from '../use-api.ts';

const PER_PAGE = 20;
const fsaPattern = /^[A-Za-z][0-9][A-Za-z]$/;

// The search lives in the address bar, so results can be bookmarked, shared and reached with Back.
function readSearch(params: URLSearchParams): OrganizationSearch {
  const type = params.get('type');
  const fsa = params.get('fsa')?.trim().toUpperCase();
  const page = Number(params.get('page') ?? '1');
  return {
    q: params.get('q')?.trim() || undefined,
    type: isOrganizationType(type) ? type : undefined,
    fsa: fsa && fsaPattern.test(fsa) ? fsa : undefined,
    offersFrench: params.get('offersFrench') === 'true',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function DirectoryPage() {
  const { t, tp } = useI18n();
  useDocumentTitle(t('directory.title'));
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const query = organizationSearchParams(search).toString();
  const results = useApi(`organizations?${query}`, (signal) =>
    listOrganizations({ ...search, perPage: PER_PAGE }, signal),
  );

  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  useEffect(() => {
    if (results.status !== 'loading' && focusResults.current) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [results.status]);

  const submit = (next: OrganizationSearch) => setParams(organizationSearchParams({ ...next, page: 1 }));
  const pageLink = (page: number) => `?${organizationSearchParams({ ...search, page }).toString()}`;

  let countText = '';
  if (results.status === 'ready') {
    countText = results.data.total === 0 ? t('directory.noResults') : tp('directory.resultCount', results.data.total);
  }

  return (
    <>
      <PageHeading>{t('directory.title')}</PageHeading>
      <p className="lead">{t('directory.lead')}</p>
      <SearchForm search={search} onSearch={submit} />

      <section aria-labelledby="results-heading" className="section">
        <h2 id="results-heading" ref={resultsHeading} tabIndex={-1}>
          {t('directory.resultsHeading')}
        </h2>
        {/* Always in the page and outside the busy region, so screen readers announce each new count. */}
        <p role="status" className="result-count">
          {countText}
        </p>
        <div aria-busy={results.status === 'loading'}>
          {results.status === 'loading' ? <p className="loading">{t('directory.loading')}</p> : null}
          {results.status === 'error' ? <ErrorAlert title={t('directory.error')} error={results.error} /> : null}
          {results.status === 'ready' && results.data.total > 0 ? (
            <>
              {results.data.items.length > 0 ? (
                <ul className="results">
                  {results.data.items.map((organization) => (
                    <ResultItem key={organization.id} organization={organization} backTo={query} />
                  ))}
                </ul>
              ) : null}
              {/* Also past the last page (an old bookmark), so there is a way back. */}
              <Pagination
                page={results.data.page}
                pages={Math.max(1, Math.ceil(results.data.total / results.data.perPage))}
                link={pageLink}
                onFollow={() => {
                  focusResults.current = true;
                }}
              />
            </>
          ) : null}
          {results.status === 'ready' && results.data.total === 0 ? (
            <p>
              <Link to="/directory">{t('directory.showAll')}</Link>
            </p>
          ) : null}
        </div>
      </section>
    </>
  );
}

function SearchForm({
  search,
  onSearch,
}: {
  search: OrganizationSearch;
  onSearch: (search: OrganizationSearch) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState(search.q ?? '');
  const [type, setType] = useState<string>(search.type ?? '');
  const [fsa, setFsa] = useState(search.fsa ?? '');
  const [offersFrench, setOffersFrench] = useState(search.offersFrench ?? false);
  const [fsaError, setFsaError] = useState(false);
  const fsaInput = useRef<HTMLInputElement>(null);

  // Back and Forward change the address: show the search that address describes.
  useEffect(() => {
    setQ(search.q ?? '');
    setType(search.type ?? '');
    setFsa(search.fsa ?? '');
    setOffersFrench(search.offersFrench ?? false);
    setFsaError(false);
  }, [search.q, search.type, search.fsa, search.offersFrench]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cleanFsa = fsa.trim().toUpperCase();
    if (cleanFsa !== '' && !fsaPattern.test(cleanFsa)) {
      setFsaError(true);
      fsaInput.current?.focus();
      return;
    }
    setFsaError(false);
    onSearch({
      q: q.trim() || undefined,
      type: isOrganizationType(type) ? type : undefined,
      fsa: cleanFsa || undefined,
      offersFrench,
    });
  };

  const fsaHintId = `${id}-fsa-hint`;
  const fsaErrorId = `${id}-fsa-error`;
  return (
    <form role="search" aria-label={t('directory.form.label')} className="search-form" onSubmit={onSubmit} noValidate>
      <div className="field field-wide">
        <label htmlFor={`${id}-q`}>{t('directory.form.name')}</label>
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          value={q}
          maxLength={100}
          autoComplete="off"
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('directory.form.type')}</label>
        <select id={`${id}-type`} name="type" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">{t('directory.form.anyType')}</option>
          {organizationTypeOrder.map((value) => (
            <option key={value} value={value}>
              {t(organizationTypeKey(value))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-fsa`}>{t('directory.form.fsa')}</label>
        <p id={fsaHintId} className="hint">
          {t('directory.form.fsaHint')}
        </p>
        {fsaError ? (
          <p id={fsaErrorId} className="field-error">
            {t('directory.form.fsaError')}
          </p>
        ) : null}
        <input
          ref={fsaInput}
          id={`${id}-fsa`}
          name="fsa"
          type="text"
          className="input-short"
          value={fsa}
          maxLength={3}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={fsaError || undefined}
          aria-describedby={fsaError ? `${fsaErrorId} ${fsaHintId}` : fsaHintId}
          onChange={(e) => setFsa(e.target.value)}
        />
      </div>
      <div className="field field-check">
        <input
          id={`${id}-fr`}
          name="offersFrench"
          type="checkbox"
          checked={offersFrench}
          onChange={(e) => setOffersFrench(e.target.checked)}
        />
        <label htmlFor={`${id}-fr`}>{t('directory.form.offersFrench')}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          {t('directory.form.submit')}
        </button>
        <Link to="/directory" className="button-secondary">
          {t('directory.form.clear')}
        </Link>
      </div>
    </form>
  );
}

function ResultItem({ organization, backTo }: { organization: Organization; backTo: string }) {
  const { t, tp, language } = useI18n();
  return (
    <li className="result">
      <h3 className="result-title">
        <Link to={`/organizations/${organization.id}`} state={{ directorySearch: backTo }}>
          {organizationName(organization, language)}
        </Link>
      </h3>
      <p className="result-meta">
        <span>{t(organizationTypeKey(organization.type))}</span>
        {organization.offersFrench ? <span className="tag">{t('organization.frenchServices')}</span> : null}
      </p>
      {organization.sites.length === 0 ? (
        <p className="muted">{t('organization.noSites')}</p>
      ) : (
        <>
          <p className="result-sites-label">{tp('organization.siteCount', organization.sites.length)}</p>
          <ul className="result-sites">
            {organization.sites.map((site) => (
              <li key={site.id}>
                <span className="site-name">{site.name}</span>{' '}
                <span className="site-address">{addressLines(site).join(', ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

// A page's links to the pages of its results (the search lives in the address bar).
export function Pagination({
  page,
  pages,
  link,
  onFollow,
}: {
  page: number;
  pages: number;
  link: (page: number) => string;
  onFollow: () => void;
}) {
  const { t } = useI18n();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('directory.pagination.label')} className="pagination">
      {page > 1 ? (
        <Link to={link(Math.min(page - 1, pages))} onClick={onFollow} rel="prev">
          {t('directory.pagination.previous')}
        </Link>
      ) : null}
      <span>{t('directory.pagination.position', { page, pages })}</span>
      {page < pages ? (
        <Link to={link(page + 1)} onClick={onFollow} rel="next">
          {t('directory.pagination.next')}
        </Link>
      ) : null}
    </nav>
  );
}
