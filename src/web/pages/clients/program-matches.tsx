import { useId } from 'react';
import { Link } from 'react-router';
import { getClientProgramMatches } from '../../api-jobs.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SectionProblem } from '../../components/section-state.tsx';
import { Loading } from '../../components/status.tsx';
import { useApi } from '../../use-api.ts';
import { formatPoints, MatchFactors } from '../jobs/match-factors.tsx';
import type { ClientScope } from './client-shell.tsx';

// The directory's programs that best fit the client now (taking people within 30 days, for the client's
// ages), each score broken down in plain words, with a way to refer the client there: the worker decides,
// with the client; nothing is sent by itself.
export function ProgramMatches({ client }: Pick<ClientScope, 'client'>) {
  const { t, language } = useI18n();
  const id = useId();
  const matches = useApi(`client-program-matches|${client.id}`, (signal) =>
    client.can.readProgramMatches ? getClientProgramMatches(client.id, signal) : Promise.resolve(undefined),
  );
  if (!client.can.readProgramMatches) return null;
  const name = (p: { name: string; nameFr: string | null }) => (language === 'fr' && p.nameFr ? p.nameFr : p.name);
  return (
    <section aria-labelledby={`${id}-title`} aria-busy={matches.status === 'loading'}>
      <h2 id={`${id}-title`}>{t('programMatches.title')}</h2>
      <p>{t('programMatches.lead')}</p>
      {matches.status === 'loading' ? <Loading label={t('programMatches.loading')} /> : null}
      {matches.status === 'error' ? <SectionProblem error={matches.error} title={t('programMatches.failed')} /> : null}
      {matches.status === 'ready' && matches.data?.results.length === 0 ? <p>{t('programMatches.none')}</p> : null}
      {matches.status === 'ready' && matches.data && matches.data.results.length > 0 ? (
        <ol className="match-list">
          {matches.data.results.map((r) => (
            <li key={r.program.id}>
              <p>
                <Link to={`/services/${r.program.id}`}>{name(r.program)}</Link> · {name(r.program.organization)}{' '}
                <strong>{t('match.score', { score: formatPoints(r.score, language) })}</strong>
              </p>
              <p className="muted">
                <span className={`tag tag-intake-${r.program.intakeState}`}>
                  {t(`intakeState.${r.program.intakeState}`)}
                </span>
              </p>
              <details>
                <summary>{t('programMatches.why', { program: name(r.program) })}</summary>
                <MatchFactors factors={r.factors} />
              </details>
              {client.can.sendReferral ? (
                <p>
                  <Link
                    to={`/clients/${client.id}/referrals?service=${r.program.id}#refer`}
                    className="button-secondary"
                  >
                    {t('programMatches.refer', { program: name(r.program) })}
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
