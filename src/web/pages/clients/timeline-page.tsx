import { getTimeline } from '../../api-case.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { caseKey, formatDateTime } from './case-text.ts';
import { ClientSubPage, type ClientScope } from './client-shell.tsx';

export function TimelinePage() {
  return <ClientSubPage section="timeline">{(scope) => <Timeline {...scope} />}</ClientSubPage>;
}

// One timeline across every agency of the case team, newest first, built by the server from the parts
// of the file the caller may read. The summaries are the server's short lines (a note's own words).
function Timeline({ client }: ClientScope) {
  const { t, language } = useI18n();
  const events = useApi(`timeline|${client.id}`, (signal) => getTimeline(client.id, signal));
  return (
    <section aria-labelledby="timeline-title" aria-busy={events.status === 'loading'}>
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <p>{t('timeline.lead')}</p>
      {events.status === 'loading' ? <Loading label={t('timeline.loading')} /> : null}
      {events.status === 'error' ? <SectionProblem error={events.error} title={t('timeline.loadFailed')} /> : null}
      {events.status === 'ready' && events.data.length === 0 ? <p>{t('timeline.none')}</p> : null}
      {events.status === 'ready' && events.data.length > 0 ? (
        <ol className="timeline">
          {events.data.map((e) => (
            <li key={`${e.kind}-${e.subjectId}-${e.at}`}>
              <p className="timeline-meta">
                <time dateTime={e.at}>{formatDateTime(e.at, language)}</time>
                <span className="tag">{t(caseKey.timeline(e.kind))}</span>
                {e.organizationName ? <span className="muted">{e.organizationName}</span> : null}
              </p>
              <p className="timeline-summary">{e.summary}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
