import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { searchServices, serviceSearchParams, type ServiceSearch, type ServiceSummary } from '../../api.ts';
import { deliveryModes, interventionTypes, targetPopulations } from '../../../domain/directory/vocabulary.ts';
import { useDocumentTitle, useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { Pagination } from '../directory-page.tsx';
import { formatKm, languageName, reasonText } from './service-text.ts';

const PER_PAGE = 20;
const nearPattern = /^[A-Za-z]\d[A-Za-z](\s?\d[A-Za-z]\d)?$/;
const distances = [2, 5, 10, 25] as const;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

// The search lives in the address bar, so a search can be bookmarked, shared and reached with Back.
function readSearch(params: URLSearchParams): ServiceSearch {
  const near = params.get('near')?.trim().toUpperCase();
  const within = Number(params.get('withinKm'));
  const page = Number(params.get('page') ?? '1');
  return {
    q: params.get('q')?.trim() || undefined,
    intervention: oneOf(interventionTypes, params.get('intervention')),
    population: oneOf(targetPopulations, params.get('population')),
    near: near && nearPattern.test(near) ? near : undefined,
    withinKm: distances.includes(within as (typeof distances)[number]) ? within : undefined,
    intake: oneOf(['open_now', 'open_soon'] as const, params.get('intake')),
    language: oneOf(['en', 'fr'] as const, params.get('language')),
    deliveryMode: oneOf(deliveryModes, params.get('deliveryMode')),
    organizationId: params.get('organizationId') ?? undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function ServicesPage() {
  const { t, tp } = useI18n();
  useDocumentTitle(t('services.title'));
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const query = serviceSearchParams(search).toString();
  const results = useApi(`services?${query}`, (signal) => searchServices({ ...search, perPage: PER_PAGE }, signal));

  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  useEffect(() => {
    if (results.status !== 'loading' && focusResults.current) {
      focusResults.current = false;
      resultsHeading.current?.focus();
    }
  }, [results.status]);

  const submit = (next: ServiceSearch) => setParams(serviceSearchParams({ ...next, page: 1 }));
  const pageLink = (page: number) => `?${serviceSearchParams({ ...search, page }).toString()}`;
  let countText = '';
  if (results.status === 'ready')
    countText = results.data.total === 0 ? t('services.noResults') : tp('services.resultCount', results.data.total);

  return (
    <>
      <PageHeading>{t('services.title')}</PageHeading>
      <p className="lead">{t('services.lead')}</p>
      <SearchForm search={search} onSearch={submit} />
      <section aria-labelledby="results-heading" className="section">
        <h2 id="results-heading" ref={resultsHeading} tabIndex={-1}>
          {t('services.resultsHeading')}
        </h2>
        <p role="status" className="result-count">
          {countText}
        </p>
        <div aria-busy={results.status === 'loading'}>
          {results.status === 'loading' ? <p className="loading">{t('services.loading')}</p> : null}
          {results.status === 'error' ? <ErrorAlert title={t('services.error')} error={results.error} /> : null}
          {results.status === 'ready' && results.data.items.length > 0 ? (
            <ul className="results">
              {results.data.items.map((service) => (
                <ResultItem key={service.id} service={service} backTo={query} />
              ))}
            </ul>
          ) : null}
          {results.status === 'ready' && results.data.total > 0 ? (
            <Pagination
              page={results.data.page}
              pages={Math.max(1, Math.ceil(results.data.total / results.data.perPage))}
              link={pageLink}
              onFollow={() => {
                focusResults.current = true;
              }}
            />
          ) : null}
          {results.status === 'ready' && results.data.total === 0 ? (
            <p>
              <Link to="/services">{t('services.showAll')}</Link>
            </p>
          ) : null}
        </div>
      </section>
    </>
  );
}

function SearchForm({ search, onSearch }: { search: ServiceSearch; onSearch: (search: ServiceSearch) => void }) {
  const { t, language: pageLanguage } = useI18n();
  const id = useId();
  const [q, setQ] = useState(search.q ?? '');
  const [intervention, setIntervention] = useState<string>(search.intervention ?? '');
  const [population, setPopulation] = useState<string>(search.population ?? '');
  const [near, setNear] = useState(search.near ?? '');
  const [withinKm, setWithinKm] = useState(String(search.withinKm ?? 10));
  const [intake, setIntake] = useState<string>(search.intake ?? '');
  const [language, setLanguage] = useState<string>(search.language ?? '');
  const [deliveryMode, setDeliveryMode] = useState<string>(search.deliveryMode ?? '');
  const [nearError, setNearError] = useState(false);
  const nearInput = useRef<HTMLInputElement>(null);

  // Back and Forward change the address: show the search that address describes.
  useEffect(() => {
    setQ(search.q ?? '');
    setIntervention(search.intervention ?? '');
    setPopulation(search.population ?? '');
    setNear(search.near ?? '');
    setWithinKm(String(search.withinKm ?? 10));
    setIntake(search.intake ?? '');
    setLanguage(search.language ?? '');
    setDeliveryMode(search.deliveryMode ?? '');
    setNearError(false);
  }, [
    search.q,
    search.intervention,
    search.population,
    search.near,
    search.withinKm,
    search.intake,
    search.language,
    search.deliveryMode,
  ]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cleanNear = near.trim().toUpperCase();
    if (cleanNear !== '' && !nearPattern.test(cleanNear)) {
      setNearError(true);
      nearInput.current?.focus();
      return;
    }
    setNearError(false);
    onSearch({
      q: q.trim() || undefined,
      intervention: oneOf(interventionTypes, intervention),
      population: oneOf(targetPopulations, population),
      near: cleanNear || undefined,
      withinKm: Number(withinKm),
      intake: oneOf(['open_now', 'open_soon'] as const, intake),
      language: oneOf(['en', 'fr'] as const, language),
      deliveryMode: oneOf(deliveryModes, deliveryMode),
      organizationId: search.organizationId,
    });
  };

  const select = (
    name: string,
    label: MessageKey,
    value: string,
    set: (v: string) => void,
    options: [string, string][],
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(label)}</label>
      <select id={`${id}-${name}`} name={name} value={value} onChange={(e) => set(e.target.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form role="search" aria-label={t('services.form.label')} className="search-form" onSubmit={onSubmit} noValidate>
      <div className="field field-wide">
        <label htmlFor={`${id}-q`}>{t('services.form.words')}</label>
        <p id={`${id}-q-hint`} className="hint">
          {t('services.form.wordsHint')}
        </p>
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          value={q}
          maxLength={200}
          autoComplete="off"
          aria-describedby={`${id}-q-hint`}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      {select('intervention', 'services.form.intervention', intervention, setIntervention, [
        ['', t('services.form.anyIntervention')],
        ...interventionTypes.map((v): [string, string] => [v, t(`intervention.${v}`)]),
      ])}
      {select('population', 'services.form.population', population, setPopulation, [
        ['', t('services.form.anyPopulation')],
        ...targetPopulations.map((v): [string, string] => [v, t(`population.${v}`)]),
      ])}
      <div className="field">
        <label htmlFor={`${id}-near`}>{t('services.form.near')}</label>
        <p id={`${id}-near-hint`} className="hint">
          {t('services.form.nearHint')}
        </p>
        {nearError ? (
          <p id={`${id}-near-error`} className="field-error">
            {t('services.form.nearError')}
          </p>
        ) : null}
        <input
          ref={nearInput}
          id={`${id}-near`}
          name="near"
          type="text"
          className="input-short"
          value={near}
          maxLength={7}
          autoComplete="postal-code"
          spellCheck={false}
          aria-invalid={nearError || undefined}
          aria-describedby={nearError ? `${id}-near-error ${id}-near-hint` : `${id}-near-hint`}
          onChange={(e) => setNear(e.target.value)}
        />
      </div>
      {select(
        'withinKm',
        'services.form.within',
        withinKm,
        setWithinKm,
        distances.map((km): [string, string] => [String(km), t('services.form.withinKm', { km })]),
      )}
      {select('intake', 'services.form.intake', intake, setIntake, [
        ['', t('services.form.anyTime')],
        ['open_now', t('services.form.openNow')],
        ['open_soon', t('services.form.openSoon')],
      ])}
      {select('language', 'services.form.language', language, setLanguage, [
        ['', t('services.form.anyLanguage')],
        ['en', languageName('en', pageLanguage)],
        ['fr', languageName('fr', pageLanguage)],
      ])}
      {select('deliveryMode', 'services.form.deliveryMode', deliveryMode, setDeliveryMode, [
        ['', t('services.form.anyMode')],
        ...deliveryModes.map((v): [string, string] => [v, t(`deliveryMode.${v}`)]),
      ])}
      <div className="form-actions">
        <button type="submit" className="button">
          {t('services.form.submit')}
        </button>
        <Link to="/services" className="button-secondary">
          {t('services.form.clear')}
        </Link>
      </div>
    </form>
  );
}

function ResultItem({ service, backTo }: { service: ServiceSummary; backTo: string }) {
  const { t, language } = useI18n();
  const name = language === 'fr' && service.nameFr ? service.nameFr : service.name;
  const organization =
    language === 'fr' && service.organization.nameFr ? service.organization.nameFr : service.organization.name;
  const description = language === 'fr' && service.descriptionFr ? service.descriptionFr : service.description;
  return (
    <li className="result">
      <h3 className="result-title">
        <Link to={`/services/${service.id}`} state={{ serviceSearch: backTo }}>
          {name}
        </Link>
      </h3>
      <p className="result-meta">
        <span>{organization}</span>
        <span className={`tag tag-intake-${service.intakeState}`}>{t(`intakeState.${service.intakeState}`)}</span>
        {service.stale ? <span className="tag tag-warning">{t('service.staleTag')}</span> : null}
      </p>
      <p className="result-meta">
        {service.interventionTypes.map((type) => (
          <span key={type} className="tag">
            {t(`intervention.${type}`)}
          </span>
        ))}
        <span>{t(`deliveryMode.${service.deliveryMode}`)}</span>
      </p>
      <p className="result-description">{description.length > 240 ? `${description.slice(0, 237)}…` : description}</p>
      {service.nearestSite ? (
        <p className="muted">
          {service.nearestSite.km === null
            ? service.nearestSite.name
            : t('services.nearest', {
                site: service.nearestSite.name,
                km: formatKm(service.nearestSite.km, language),
              })}
        </p>
      ) : null}
      {service.capacity ? (
        <p className="muted">
          {service.capacity.seatsOpen === null
            ? t('services.seatsOnly', { seats: service.capacity.seats })
            : t('services.seats', { open: service.capacity.seatsOpen, seats: service.capacity.seats })}
        </p>
      ) : null}
      {service.matchedBecause.length > 0 ? (
        <details className="why">
          <summary>{t('services.why')}</summary>
          <ul>
            {service.matchedBecause.map((reason, index) => (
              <li key={index}>{reasonText(reason, t, language)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
