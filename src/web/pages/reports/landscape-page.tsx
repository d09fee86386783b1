import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { getLandscape, landscapeCsvUrl, type Landscape, type LandscapeArea, type LandscapeFilter } from '../../api.ts';
import { interventionTypes, targetPopulations } from '../../../domain/directory/vocabulary.ts';
import { useDocumentTitle, useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { RequireCan } from '../../components/require-can.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';
import { Loading } from '../../components/status.tsx';
import { SummaryChart } from '../../components/summary-chart.tsx';
import { useApi } from '../../use-api.ts';
import { formatDate } from '../clients/client-text.ts';

export function LandscapePage() {
  const { t } = useI18n();
  return (
    <RequireCan page="landscape" body={t('landscape.notAllowedBody')}>
      {() => <LandscapeReport />}
    </RequireCan>
  );
}

const distances = [1, 2, 3, 5, 10] as const;
const categories = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

// The system manager's map of the city's workforce programs (docs/directory.md, "Landscape"): where
// programs of a kind are, for whom, and where none is within reach; listings not confirmed lately; and
// "no capacity" declines as unmet demand. The filters live in the address, so a view can be shared.
function LandscapeReport() {
  const { t, n } = useI18n();
  const id = useId();
  useDocumentTitle(t('landscape.title'));
  const [params, setParams] = useSearchParams();
  const pick = <V extends string>(name: string, values: readonly V[]): V | undefined => {
    const v = params.get(name);
    return values.find((x) => x === v);
  };
  const filter: LandscapeFilter = {
    intervention: pick('intervention', interventionTypes),
    population: pick('population', targetPopulations),
    noc: pick('noc', categories),
    withinKm: Number(pick('withinKm', ['1', '2', '3', '5', '10'])) || 3,
  };
  const report = useApi(`landscape|${JSON.stringify(filter)}`, (signal) => getLandscape(filter, signal));
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const select = (name: string, label: string, value: string, choices: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} value={value} onChange={(e) => set(name, e.target.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
  const data = report.status === 'ready' ? report.data : undefined;
  return (
    <div aria-busy={report.status === 'loading'}>
      <PageHeading>{t('landscape.title')}</PageHeading>
      <p className="lead">{t('landscape.lead')}</p>
      <form
        className="filters landscape-filters"
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('landscape.filters')}
      >
        {select('intervention', t('landscape.intervention'), filter.intervention ?? '', [
          { value: '', label: t('landscape.anyIntervention') },
          ...interventionTypes.map((v) => ({ value: v, label: t(`intervention.${v}` as MessageKey) })),
        ])}
        {select('population', t('landscape.population'), filter.population ?? '', [
          { value: '', label: t('landscape.anyPopulation') },
          ...targetPopulations.map((v) => ({ value: v, label: t(`population.${v}` as MessageKey) })),
        ])}
        {select('noc', t('landscape.occupation'), filter.noc ?? '', [
          { value: '', label: t('landscape.anyOccupation') },
          ...categories.map((c) => ({ value: c, label: t(`nocCategory.${c}` as MessageKey) })),
        ])}
        {select(
          'withinKm',
          t('landscape.distance'),
          String(filter.withinKm),
          distances.map((d) => ({ value: String(d), label: t('landscape.km', { km: n(d) }) })),
        )}
      </form>
      {report.status === 'loading' ? <Loading label={t('landscape.loading')} /> : null}
      {report.status === 'error' ? <SectionProblem error={report.error} title={t('landscape.loadFailed')} /> : null}
      {data ? <Results data={data} filter={filter} /> : null}
    </div>
  );
}

function Results({ data, filter }: { data: Landscape; filter: LandscapeFilter }) {
  const { t, n, language } = useI18n();
  const withheld = t('report.withheld');
  const count = (v: number | null) => (v === null ? withheld : n(v));
  const km = n(data.withinKm);
  const period = { from: formatDate(data.period.from, language), to: formatDate(data.period.to, language) };
  // Gaps first, the farthest from a program first; then the least covered.
  const areas = [...data.areas].sort(
    (a, b) =>
      Number(b.gap) - Number(a.gap) ||
      (b.nearestKm ?? 0) - (a.nearestKm ?? 0) ||
      a.servicesWithin - b.servicesWithin ||
      a.name.localeCompare(b.name),
  );
  const interventionsShown = interventionTypes.filter((i) => !filter.intervention || i === filter.intervention);
  const populationsShown = [...targetPopulations, 'everyone'] as const;
  const matrixCount = (i: string, p: string) =>
    data.matrix.find((m) => m.intervention === i && m.population === p)?.services ?? 0;
  return (
    <>
      <section aria-labelledby="landscape-summary" className="section">
        <h2 id="landscape-summary">{t('landscape.summary')}</h2>
        <p>
          {t('landscape.summaryPrograms', {
            services: n(data.totals.services),
            inPerson: n(data.totals.inPerson),
            online: n(data.totals.onlineOnly),
            open: n(data.totals.openNow),
            stale: n(data.totals.stale),
          })}
        </p>
        <p>
          {t('landscape.summaryGaps', {
            gaps: n(data.totals.gaps),
            neighbourhoods: n(data.totals.neighbourhoods),
            people: n(data.totals.populationInGaps),
            km,
          })}
        </p>
        <p>
          {data.totals.unmetDemand === null
            ? t('landscape.summaryUnmetWithheld', { min: n(data.minCell), ...period })
            : data.totals.unmetDemand === 0
              ? t('landscape.summaryUnmetNone', period)
              : t('landscape.summaryUnmet', { declines: n(data.totals.unmetDemand), ...period })}
        </p>
        <p>
          <a href={landscapeCsvUrl(filter)} download>
            {t('landscape.csv')}
          </a>
        </p>
      </section>

      <section aria-labelledby="landscape-map" className="section">
        <h2 id="landscape-map">{t('landscape.mapTitle', { km })}</h2>
        <CoverageMap areas={data.areas} km={km} />
      </section>

      <section aria-labelledby="landscape-areas" className="section">
        <h2 id="landscape-areas">{t('landscape.areasTitle')}</h2>
        <p>{t('landscape.areasLead', { km, min: n(data.minCell) })}</p>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="landscape-areas">
          <StackedTable>
            <caption className="visually-hidden">{t('landscape.areasTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('landscape.col.neighbourhood')}</th>
                <th scope="col">{t('landscape.col.population')}</th>
                <th scope="col">{t('landscape.col.unemployment')}</th>
                <th scope="col">{t('landscape.col.within', { km })}</th>
                <th scope="col">{t('landscape.col.inside')}</th>
                <th scope="col">{t('landscape.col.stale')}</th>
                <th scope="col">{t('landscape.col.nearest')}</th>
                <th scope="col">{t('landscape.col.unmet')}</th>
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.name}
                    {a.designation === 'nia' ? (
                      <>
                        {' '}
                        <span className="tag tag-neutral">{t('landscape.nia')}</span>
                      </>
                    ) : null}
                    {a.gap ? (
                      <>
                        {' '}
                        <span className="tag tag-warning">{t('landscape.gap')}</span>
                      </>
                    ) : null}
                  </th>
                  <td>{n(a.population)}</td>
                  <td>{a.unemploymentRate === null ? '' : t('landscape.percent', { value: n(a.unemploymentRate) })}</td>
                  <td>{n(a.servicesWithin)}</td>
                  <td>{n(a.servicesInside)}</td>
                  <td>{n(a.staleWithin)}</td>
                  <td>
                    {a.nearestKm === null ? t('landscape.within', { km }) : t('landscape.km', { km: n(a.nearestKm) })}
                  </td>
                  <td>{count(a.unmetDemand)}</td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </div>
      </section>

      <section aria-labelledby="landscape-matrix" className="section">
        <h2 id="landscape-matrix">{t('landscape.matrixTitle')}</h2>
        <p>{t('landscape.matrixLead')}</p>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="landscape-matrix">
          <table className="data-table matrix-table">
            <caption className="visually-hidden">{t('landscape.matrixTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('landscape.col.population')}</th>
                {interventionsShown.map((i) => (
                  <th scope="col" key={i}>
                    {t(`intervention.${i}` as MessageKey)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {populationsShown.map((p) => (
                <tr key={p}>
                  <th scope="row">{p === 'everyone' ? t('landscape.everyone') : t(`population.${p}` as MessageKey)}</th>
                  {interventionsShown.map((i) => (
                    <td key={i} className={matrixCount(i, p) === 0 ? 'matrix-zero' : undefined}>
                      {n(matrixCount(i, p))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="landscape-occupations" className="section">
        <h2 id="landscape-occupations">{t('landscape.occupationsTitle')}</h2>
        <SummaryChart
          caption={t('landscape.occupationsCaption')}
          items={[...categories, 'any'].map((c) => ({
            label: c === 'any' ? t('landscape.anyNamed') : t(`nocCategory.${c}` as MessageKey),
            value: data.occupations.find((o) => o.category === c)?.services ?? 0,
          }))}
        />
      </section>

      <section aria-labelledby="landscape-unmet" className="section">
        <h2 id="landscape-unmet">{t('landscape.unmetTitle')}</h2>
        <p>{t('landscape.unmetLead', { min: n(data.minCell) })}</p>
        <SummaryChart
          caption={t('landscape.unmetCaption')}
          withheld={withheld}
          items={data.unmetByIntervention.map((u) => ({
            label: t(`intervention.${u.intervention}` as MessageKey),
            value: u.declines,
          }))}
        />
      </section>
    </>
  );
}

// How many programs reach a neighbourhood, in four bands; a gap is drawn as a hollow ring.
function band(area: LandscapeArea): 'gap' | 'low' | 'mid' | 'high' {
  if (area.gap) return 'gap';
  if (area.servicesWithin < 3) return 'low';
  if (area.servicesWithin < 10) return 'mid';
  return 'high';
}

// A map-like chart: each neighbourhood at its centre (longitude scaled by the cosine of Toronto's
// latitude), sized by population, drawn by band. One image with a text alternative that names the gaps;
// the table below holds every number. Attributes, not styles (the CSP forbids style attributes).
function CoverageMap({ areas, km }: { areas: LandscapeArea[]; km: string }) {
  const { t, n } = useI18n();
  if (areas.length === 0) return null;
  const k = Math.cos((43.7 * Math.PI) / 180);
  const lons = areas.map((a) => a.longitude);
  const lats = areas.map((a) => a.latitude);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const width = 640;
  const pad = 16;
  const scale = (width - 2 * pad) / ((maxLon - minLon) * k || 1);
  const height = Math.round((maxLat - minLat) * scale + 2 * pad);
  const maxPopulation = Math.max(1, ...areas.map((a) => a.population));
  const gaps = areas.filter((a) => a.gap).map((a) => a.name);
  const alt = t('landscape.mapAlt', {
    count: n(areas.length),
    gaps: n(gaps.length),
    km,
    names: gaps.length > 0 ? gaps.join(', ') : t('landscape.noGaps'),
  });
  const bands = ['gap', 'low', 'mid', 'high'] as const;
  return (
    <figure className="coverage-map">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={alt} className="coverage-map-svg">
        {areas.map((a) => (
          <circle
            key={a.id}
            className={`map-dot map-${band(a)}`}
            cx={(pad + (a.longitude - minLon) * k * scale).toFixed(1)}
            cy={(pad + (maxLat - a.latitude) * scale).toFixed(1)}
            r={(4 + 8 * Math.sqrt(a.population / maxPopulation)).toFixed(1)}
          >
            <title>{t('landscape.dot', { name: a.name, count: n(a.servicesWithin), km })}</title>
          </circle>
        ))}
      </svg>
      <figcaption>
        <ul className="map-legend">
          {bands.map((b) => (
            <li key={b}>
              <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
                <circle className={`map-dot map-${b}`} cx="10" cy="10" r="7" />
              </svg>{' '}
              {t(`landscape.band.${b}` as MessageKey, { km })}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
