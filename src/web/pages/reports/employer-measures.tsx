import { useId } from 'react';
import { getEmployerReport } from '../../api-jobs.ts';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';
import { Loading } from '../../components/status.tsx';
import { SummaryChart } from '../../components/summary-chart.tsx';
import { useApi } from '../../use-api.ts';
import { formatDate } from '../clients/client-text.ts';
import { useCells } from './report-cells.ts';

// Employers and placements (issue 14): for each agency, what it did with employers in the last year
// (contacts logged, employers reached, job orders posted and how decent they are) and what came of it for
// clients (proposed, shared, hired); then each employer event held, judged by hires rather than sign-ups.
// Small counts of people are withheld by the server; counts about employers and jobs are shown whole.
export function EmployerMeasures() {
  const { t, n, language } = useI18n();
  const id = useId();
  const cells = useCells();
  const report = useApi('employer-report', (signal) => getEmployerReport(signal));
  const band = (b: string) => t(`report.employers.band.${b}` as MessageKey);
  return (
    <section id="employers" aria-labelledby={`${id}-title`} aria-busy={report.status === 'loading'}>
      <h2 id={`${id}-title`}>{t('report.employers.title')}</h2>
      {report.status === 'loading' ? <Loading label={t('report.employers.loading')} /> : null}
      {report.status === 'error' ? (
        <SectionProblem error={report.error} title={t('report.employers.loadFailed')} />
      ) : null}
      {report.status === 'ready' ? (
        <>
          <p>
            {t('report.employers.lead', {
              from: formatDate(report.data.from, language),
              to: formatDate(report.data.to, language),
              employers: n(report.data.total.employersEngaged),
              jobs: n(report.data.total.jobOrders),
              hired: cells.count(report.data.total.hired),
            })}
          </p>
          {report.data.total.jobOrders > 0 ? (
            <SummaryChart
              caption={t('report.employers.bandChart', { model: report.data.decentWorkModel })}
              items={report.data.total.jobOrdersByBand.map((b) => ({ label: band(b.band), value: b.count }))}
            />
          ) : null}
          {report.data.total.proposed !== 0 ? (
            <SummaryChart
              caption={t('report.employers.pipelineChart')}
              items={(['proposed', 'shared', 'interviewed', 'offered', 'hired'] as const).map((stage) => ({
                label: t(`report.employers.stage.${stage}`),
                value: report.data.total[stage],
              }))}
              withheld={cells.fewer}
            />
          ) : null}
          {report.data.byAgency.length === 0 ? (
            <p>{t('report.employers.none')}</p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
              <StackedTable>
                <caption id={`${id}-caption`}>{t('report.employers.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('report.referrals.agency')}</th>
                    <th scope="col" className="numeric">
                      {t('report.employers.contacts')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('report.employers.reached')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('report.employers.jobs')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('report.employers.decent')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('report.employers.proposed')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('report.employers.shared')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('report.employers.hired')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.data.byAgency.map((a) => (
                    <tr key={a.organizationId}>
                      <th scope="row">{a.organizationName}</th>
                      <td className="numeric">{n(a.engagements)}</td>
                      <td className="numeric">{n(a.employersEngaged)}</td>
                      <td className="numeric">{n(a.jobOrders)}</td>
                      <td className="numeric">{n(a.jobOrdersByBand.find((b) => b.band === 'strong')?.count ?? 0)}</td>
                      <td className="numeric">{cells.count(a.proposed)}</td>
                      <td className="numeric">{cells.count(a.shared)}</td>
                      <td className="numeric">{cells.count(a.hired)}</td>
                    </tr>
                  ))}
                </tbody>
              </StackedTable>
            </div>
          )}
          <h3>{t('report.employers.eventsTitle')}</h3>
          {report.data.events.length === 0 ? (
            <p>{t('report.employers.noEvents')}</p>
          ) : (
            <>
              <SummaryChart
                caption={t('report.employers.eventsChart')}
                items={report.data.events.map((e) => ({ label: e.title, value: e.hired }))}
                withheld={cells.fewer}
              />
              <div className="table-scroll" role="region" aria-labelledby={`${id}-events`} tabIndex={0}>
                <StackedTable>
                  <caption id={`${id}-events`}>{t('report.employers.eventsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.employers.event')}</th>
                      <th scope="col">{t('report.employers.held')}</th>
                      <th scope="col" className="numeric">
                        {t('report.employers.employers')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('report.employers.registered')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('report.employers.came')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('report.employers.proposed')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('report.employers.hired')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.data.events.map((e) => (
                      <tr key={e.eventId}>
                        <th scope="row">{e.title}</th>
                        <td>{formatDate(e.startsAt.slice(0, 10), language)}</td>
                        <td className="numeric">{n(e.employers)}</td>
                        <td className="numeric">{cells.count(e.registered)}</td>
                        <td className="numeric">{cells.count(e.came)}</td>
                        <td className="numeric">{cells.count(e.proposed)}</td>
                        <td className="numeric">{cells.count(e.hired)}</td>
                      </tr>
                    ))}
                  </tbody>
                </StackedTable>
              </div>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
