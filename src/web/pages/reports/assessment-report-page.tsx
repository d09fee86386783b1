import { useId } from 'react';
import {
  getAssessmentReport,
  listOverdueTransfers,
  type AssessmentReport,
  type EquityDimension,
} from '../../api-case.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { PageHeading } from '../../components/route-focus.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { SummaryChart } from '../../components/summary-chart.tsx';
import { useApi } from '../../use-api.ts';
import { caseKey, equityDimensions, formatDateTime, formatRate } from '../clients/case-text.ts';
import { formatDate, genders, indigenousIdentities, key, racializedGroups, streams } from '../clients/client-text.ts';
import { RequireCan } from '../../components/require-can.tsx';
import { StackedTable } from '../../components/stacked-table.tsx';
import { getReferralReport } from '../../api-referrals.ts';
import { referralKey } from '../referrals/referral-text.ts';
import { useCells } from './report-cells.ts';
import { EmployerMeasures } from './employer-measures.tsx';

export function AssessmentReportPage() {
  const { t } = useI18n();
  return (
    <RequireCan page="reports" body={t('report.notAllowedBody')}>
      {() => <Report />}
    </RequireCan>
  );
}

type T = ReturnType<typeof useI18n>['t'];

// The words for a self-identified answer as the report groups it.
function groupLabel(dimension: EquityDimension, group: string, t: T): string {
  if (group === 'not_answered') return t('report.group.notAnswered');
  if (group === 'true') return t('common.yes');
  if (group === 'false') return t('common.no');
  // Any question may be answered "prefer not to say" (the intake form offers it for race too).
  if (group === 'prefer_not_to_say') return t('equity.answer.prefer_not_to_say');
  if (dimension === 'indigenousIdentity' && indigenousIdentities.some((v) => v === group))
    return t(key.indigenous(group));
  if (dimension === 'racializedGroup' && racializedGroups.some((v) => v === group)) return t(key.racialized(group));
  if (dimension === 'gender' && genders.some((v) => v === group)) return t(key.gender(group));
  return group;
}

// How the Common Assessment is used, by agency and by self-identified group, so that a model or a
// practice that disadvantages a group is seen. Small counts are withheld by the server.
function Report() {
  const { t, language } = useI18n();
  useDocumentTitle(t('report.title'));
  const report = useApi('assessment-report', (signal) => getAssessmentReport(signal));
  return (
    <div aria-busy={report.status === 'loading'}>
      <PageHeading>{t('report.title')}</PageHeading>
      <p className="lead">{t('report.lead')}</p>
      {report.status === 'loading' ? <Loading label={t('report.loading')} /> : null}
      {report.status === 'error' ? <SectionProblem error={report.error} title={t('report.loadFailed')} /> : null}
      {report.status === 'ready' ? (
        <>
          <p>
            {t(report.data.scope === 'system' ? 'report.scopeSystem' : 'report.scopeAgency')}{' '}
            {t('report.generated', { date: formatDateTime(report.data.generatedAt, language) })}
          </p>
          <p className="field-hint">{t('report.withheldNote', { min: report.data.minCell })}</p>
          <Overall report={report.data} />
          <ByAgency report={report.data} />
          <Moves report={report.data} />
          <ByGroup report={report.data} />
        </>
      ) : null}
      <ReferralMeasures />
      <EmployerMeasures />
      <OverdueTransfers />
    </div>
  );
}

// Releases past the deadline, as metadata only: organizations, dates and days, never the client.
function OverdueTransfers() {
  const { t, language } = useI18n();
  const id = useId();
  const overdue = useApi('overdue-transfers', (signal) => listOverdueTransfers(signal));
  return (
    <section id="overdue-releases" aria-labelledby={`${id}-title`} aria-busy={overdue.status === 'loading'}>
      <h2 id={`${id}-title`}>{t('report.overdueTransfers')}</h2>
      {overdue.status === 'loading' ? <Loading label={t('transfers.loading')} /> : null}
      {overdue.status === 'error' ? <SectionProblem error={overdue.error} title={t('transfers.loadFailed')} /> : null}
      {overdue.status === 'ready' ? (
        <p>{t('report.overdueLead', { days: overdue.data.releaseDays, version: overdue.data.policyVersion })}</p>
      ) : null}
      {overdue.status === 'ready' && overdue.data.items.length === 0 ? <p>{t('report.noOverdue')}</p> : null}
      {overdue.status === 'ready' && overdue.data.items.length > 0 ? (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <StackedTable>
            <caption id={`${id}-caption`}>{t('report.overdueCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.overdueFrom')}</th>
                <th scope="col">{t('report.overdueTo')}</th>
                <th scope="col">{t('report.overdueDue')}</th>
                <th scope="col" className="numeric">
                  {t('report.overdueDays')}
                </th>
              </tr>
            </thead>
            <tbody>
              {overdue.data.items.map((x) => (
                <tr key={x.transferId}>
                  <th scope="row">{x.fromOrganizationName}</th>
                  <td>{x.toOrganizationName}</td>
                  <td>{formatDate(x.releaseDueOn, language)}</td>
                  <td className="numeric">{x.businessDaysOverdue}</td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </div>
      ) : null}
    </section>
  );
}

// Closing the loop (issue 13): for each receiving agency, how many referrals it got in the last year,
// how many loops closed, how fast it answered and started, and how many wait past a deadline now; a
// chart of the loop-closure rates beside the table.
function ReferralMeasures() {
  const { t, n, language } = useI18n();
  const id = useId();
  const cells = useCells();
  const report = useApi('referral-report', (signal) => getReferralReport(signal));
  const days = (value: number | null) =>
    value === null ? cells.fewer : t('report.referrals.days', { days: n(value) });
  return (
    <section id="referrals" aria-labelledby={`${id}-title`} aria-busy={report.status === 'loading'}>
      <h2 id={`${id}-title`}>{t('report.referrals.title')}</h2>
      {report.status === 'loading' ? <Loading label={t('referrals.loading')} /> : null}
      {report.status === 'error' ? <SectionProblem error={report.error} title={t('referrals.loadFailed')} /> : null}
      {report.status === 'ready' ? (
        <>
          <p>
            {t('report.referrals.lead', {
              from: formatDate(report.data.from, language),
              to: formatDate(report.data.to, language),
              sent: cells.count(report.data.total.sent),
              closed: cells.rate(report.data.total.loopClosureRate),
            })}
          </p>
          {report.data.byAgency.length === 0 ? (
            <p>{t('report.referrals.none')}</p>
          ) : (
            <>
              <SummaryChart
                caption={t('report.referrals.chart')}
                items={report.data.byAgency.map((a) => ({ label: a.organizationName, value: a.loopClosureRate }))}
                format={(v) => formatRate(v, language)}
                withheld={cells.fewer}
                max={1}
              />
              <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
                <StackedTable>
                  <caption id={`${id}-caption`}>{t('report.referrals.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('report.referrals.agency')}</th>
                      <th scope="col" className="numeric">
                        {t('report.referrals.sent')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('report.referrals.closure')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('report.referrals.acknowledge')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('report.referrals.firstService')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('report.referrals.declined')}
                      </th>
                      <th scope="col" className="numeric">
                        {t('report.referrals.overdue')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.data.byAgency.map((a) => (
                      <tr key={a.organizationId}>
                        <th scope="row">{a.organizationName}</th>
                        <td className="numeric">{cells.count(a.sent)}</td>
                        <td className="numeric">{cells.rate(a.loopClosureRate)}</td>
                        <td className="numeric">{days(a.medianDaysToAcknowledge)}</td>
                        <td className="numeric">{days(a.medianDaysToFirstService)}</td>
                        <td className="numeric">{cells.count(a.declined)}</td>
                        <td className="numeric">{cells.count(a.overdueNow)}</td>
                      </tr>
                    ))}
                  </tbody>
                </StackedTable>
              </div>
              <h3>{t('report.referrals.reasons')}</h3>
              <ul className="plain-list">
                {report.data.total.declineReasons.map((x) => (
                  <li key={x.reason}>
                    {t(referralKey.reason(x.reason))}: {cells.count(x.count)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}

function Overall({ report }: { report: AssessmentReport }) {
  const { t } = useI18n();
  const cells = useCells();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('report.overall')}</h2>
      <p>{t('report.clientsAssessed', { count: cells.count(report.overall.clients) })}</p>
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <StackedTable>
          <caption id={`${id}-caption`}>{t('report.overallCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessment.stream')}</th>
              <th scope="col" className="numeric">
                {t('report.clients')}
              </th>
            </tr>
          </thead>
          <tbody>
            {streams.map((s) => (
              <tr key={s}>
                <th scope="row">{t(key.stream(s))}</th>
                <td className="numeric">{cells.count(report.overall[s])}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      </div>
      <SummaryChart
        caption={t('report.overallChart')}
        items={streams.map((s) => ({ label: t(key.stream(s)), value: report.overall[s] }))}
        withheld={cells.fewer}
        alt={(values) => t('report.chartAlt', { title: t('report.overallChart'), values })}
      />
    </section>
  );
}

function ByAgency({ report }: { report: AssessmentReport }) {
  const { t } = useI18n();
  const cells = useCells();
  const id = useId();
  const rows = report.byAgency;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('report.byAgency')}</h2>
      <p>{t('report.byAgencyLead')}</p>
      {rows.length === 0 ? (
        <p>{t('report.none')}</p>
      ) : (
        <>
          <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
            <StackedTable>
              <caption id={`${id}-caption`}>{t('report.byAgencyCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.agency')}</th>
                  <th scope="col" className="numeric">
                    {t('report.clients')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('report.assessments')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('report.reassessments')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('report.overrides')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('report.reassessmentRate')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('report.overrideRate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.organizationId}>
                    <th scope="row">{a.organizationName}</th>
                    <td className="numeric">{cells.count(a.clientsAssessed)}</td>
                    <td className="numeric">{cells.count(a.assessments)}</td>
                    <td className="numeric">{cells.count(a.reassessments)}</td>
                    <td className="numeric">{cells.count(a.overrides)}</td>
                    <td className="numeric">{cells.rate(a.reassessmentRate)}</td>
                    <td className="numeric">{cells.rate(a.overrideRate)}</td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          </div>
          <RateChart
            title={t('report.overrideChart')}
            items={rows.map((a) => ({ label: a.organizationName, value: a.overrideRate }))}
          />
          <RateChart
            title={t('report.reassessmentChart')}
            items={rows.map((a) => ({ label: a.organizationName, value: a.reassessmentRate }))}
          />
        </>
      )}
    </section>
  );
}

function RateChart({ title, items }: { title: string; items: { label: string; value: number | null }[] }) {
  const { t, language } = useI18n();
  return (
    <SummaryChart
      caption={title}
      items={items}
      max={1}
      format={(v) => formatRate(v, language)}
      withheld={t('report.withheld')}
      alt={(values) => t('report.chartAlt', { title, values })}
    />
  );
}

function Moves({ report }: { report: AssessmentReport }) {
  const { t } = useI18n();
  const cells = useCells();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('report.moves')}</h2>
      {report.streamMoves.length === 0 ? (
        <p>{t('report.noMoves')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
          <StackedTable>
            <caption id={`${id}-caption`}>{t('report.movesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.move')}</th>
                <th scope="col">{t('assessment.kind')}</th>
                <th scope="col" className="numeric">
                  {t('report.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.streamMoves.map((m) => (
                <tr key={`${m.from}-${m.to}-${m.kind}`}>
                  <th scope="row">
                    {t('assessment.streamChange', { from: t(key.stream(m.from)), to: t(key.stream(m.to)) })}
                  </th>
                  <td>{t(m.kind === 'override' ? 'assessment.kind.override' : 'assessment.kind.reassessment')}</td>
                  <td className="numeric">{cells.count(m.count)}</td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </div>
      )}
    </section>
  );
}

function ByGroup({ report }: { report: AssessmentReport }) {
  const { t, n } = useI18n();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('report.byGroup')}</h2>
      <p>{t('report.byGroupLead')}</p>
      <p>
        {t('report.ratioLead', {
          ratio: n(report.disparityRatio),
          inverse: n(Math.round((1 / report.disparityRatio) * 100) / 100),
          version: report.policyVersion,
        })}
      </p>
      {equityDimensions.map((dimension) => (
        <GroupTable key={dimension} report={report} dimension={dimension} />
      ))}
    </section>
  );
}

function GroupTable({ report, dimension }: { report: AssessmentReport; dimension: EquityDimension }) {
  const { t, n } = useI18n();
  const cells = useCells();
  const id = useId();
  const rows = report.streamsByGroup.filter((g) => g.dimension === dimension);
  const name = t(caseKey.dimension(dimension));
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{name}</h3>
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <StackedTable>
          <caption id={`${id}-caption`}>{t('report.groupCaption', { dimension: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.group')}</th>
              <th scope="col" className="numeric">
                {t('report.clients')}
              </th>
              {streams.map((s) => (
                <th scope="col" className="numeric" key={s}>
                  {t(key.stream(s))}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t('report.shareC')}
              </th>
              <th scope="col" className="numeric">
                {t('report.shareCElsewhere')}
              </th>
              <th scope="col" className="numeric">
                {t('report.ratioC')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.group}>
                <th scope="row">{groupLabel(dimension, g.group, t)}</th>
                <td className="numeric">{cells.count(g.clients)}</td>
                {streams.map((s) => (
                  <td className="numeric" key={s}>
                    {cells.count(g[s])}
                  </td>
                ))}
                <td className="numeric">{cells.rate(g.shareC)}</td>
                <td className="numeric">{cells.rate(g.shareCElsewhere)}</td>
                <td className="numeric">
                  {g.ratioC === null ? t('report.withheld') : n(g.ratioC)}
                  {g.flagged ? <strong className="flag"> {t('report.flagged')}</strong> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      </div>
      <RateChart
        title={t('report.shareCChart', { dimension: name })}
        items={rows.map((g) => ({ label: groupLabel(dimension, g.group, t), value: g.shareC }))}
      />
    </section>
  );
}
