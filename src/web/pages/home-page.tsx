import { Link } from 'react-router';
import { getSystemSummary, type SystemSummary } from '../api.ts';
import { useDocumentTitle, useI18n } from '../i18n/i18n.tsx';
import { PageHeading } from '../components/route-focus.tsx';
import { ErrorAlert, Loading } from '../components/status.tsx';
import { SummaryChart } from '../components/summary-chart.tsx';
import { organizationTypeOrder, organizationTypePluralKey } from '../components/organization-text.ts';
import { useApi } from '../use-api.ts';
import { StackedTable } from '../components/stacked-table.tsx';

export function HomePage() {
  const { t } = useI18n();
  useDocumentTitle(t('home.title'));
  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <p className="lead">{t('home.lead')}</p>
      <p>
        <Link to="/directory" className="button-link">
          {t('home.findService')}
        </Link>
      </p>

      <section aria-labelledby="audiences-heading" className="section">
        <h2 id="audiences-heading">{t('home.audiences.heading')}</h2>
        <ul className="cards">
          <li className="card">
            <h3>{t('home.audiences.jobSeekers.heading')}</h3>
            <p>{t('home.audiences.jobSeekers.body')}</p>
          </li>
          <li className="card">
            <h3>{t('home.audiences.staff.heading')}</h3>
            <p>{t('home.audiences.staff.body')}</p>
          </li>
          <li className="card">
            <h3>{t('home.audiences.employers.heading')}</h3>
            <p>{t('home.audiences.employers.body')}</p>
          </li>
          <li className="card">
            <h3>{t('home.audiences.public.heading')}</h3>
            <p>{t('home.audiences.public.body')}</p>
          </li>
        </ul>
      </section>

      <SystemToday />
    </>
  );
}

function SystemToday() {
  const { t } = useI18n();
  const summary = useApi('summary', getSystemSummary);
  return (
    <section aria-labelledby="system-heading" className="section" aria-busy={summary.status === 'loading'}>
      <h2 id="system-heading">{t('home.system.heading')}</h2>
      <p>{t('home.system.intro')}</p>
      {summary.status === 'loading' ? <Loading label={t('home.system.loading')} /> : null}
      {summary.status === 'error' ? <ErrorAlert title={t('home.system.error')} error={summary.error} /> : null}
      {summary.status === 'ready' ? <SummaryFigures summary={summary.data} /> : null}
    </section>
  );
}

function SummaryFigures({ summary }: { summary: SystemSummary }) {
  const { t, n } = useI18n();
  const counts = new Map(summary.organizationsByType.map((row) => [row.type, row.count]));
  // Every type shows, including those with none yet: a missing row would read as "unknown".
  const rows = organizationTypeOrder.map((type) => ({
    type,
    label: t(organizationTypePluralKey(type)),
    count: counts.get(type) ?? 0,
  }));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const figures = [
    { key: 'organizations', label: t('home.system.organizations'), value: total },
    { key: 'sites', label: t('home.system.sites'), value: summary.sites },
    { key: 'fsas', label: t('home.system.fsas'), value: summary.fsasServed },
    { key: 'neighbourhoods', label: t('home.system.neighbourhoods'), value: summary.neighbourhoodsServed },
  ];
  return (
    <>
      <dl className="figures">
        {figures.map((figure) => (
          <div className="figure" key={figure.key}>
            <dt>{figure.label}</dt>
            <dd>{n(figure.value)}</dd>
          </div>
        ))}
      </dl>
      <div className="summary-grid">
        <div className="table-wrap">
          <StackedTable>
            <caption>{t('home.system.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('home.system.typeColumn')}</th>
                <th scope="col" className="numeric">
                  {t('home.system.countColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.type}>
                  <th scope="row">{row.label}</th>
                  <td className="numeric">{n(row.count)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('home.system.totalRow')}</th>
                <td className="numeric">{n(total)}</td>
              </tr>
            </tfoot>
          </StackedTable>
        </div>
        <SummaryChart
          caption={t('home.chart.caption')}
          items={rows.map((row) => ({ label: row.label, value: row.count }))}
        />
      </div>
    </>
  );
}
