import { Link } from 'react-router';
import type { DuplicateMatch } from '../../api.ts';
import { useI18n, type Language } from '../../i18n/i18n.tsx';
import { organizationName } from '../../components/organization-text.ts';
import { useApi } from '../../use-api.ts';
import { loadAllOrganizations } from '../admin/organizations-lookup.ts';
import { formatDate, formatScore } from './client-text.ts';

type T = ReturnType<typeof useI18n>['t'];

// The server explains a match in fixed English phrases (client.service.ts); each has words of its own
// here, and an unknown one is shown as it came, marked as English.
export function matchReason(reason: string, t: T, language: Language): { text: string; lang?: 'en' } {
  const similarity = /^name similarity (\d+(?:\.\d+)?)$/.exec(reason);
  if (similarity) return { text: t('intake.reason.name', { similarity: formatScore(Number(similarity[1]), language) }) };
  switch (reason) {
    case 'same date of birth':
      return { text: t('intake.reason.sameDate') };
    case 'date of birth with day and month swapped':
      return { text: t('intake.reason.swappedDate') };
    case 'date of birth one year apart':
      return { text: t('intake.reason.yearApart') };
    case 'same external identifier':
      return { text: t('intake.reason.sameId') };
    default:
      return { text: reason, lang: 'en' };
  }
}

function Reasons({ reasons }: { reasons: string[] }) {
  const { t, language } = useI18n();
  return (
    <ul className="match-reasons">
      {reasons.map((reason) => {
        const shown = matchReason(reason, t, language);
        return (
          <li key={reason} lang={shown.lang}>
            {shown.text}
          </li>
        );
      })}
    </ul>
  );
}

// Records that may be this person. One the worker may see links to its file; any other shows only
// that it exists, how closely it matches and why: no name, agency or field (docs/permissions.md 3.4).
export function MatchList({ matches, ownOrganizationId }: { matches: DuplicateMatch[]; ownOrganizationId: string }) {
  const { t, language } = useI18n();
  const organizations = useApi('organizations', loadAllOrganizations);
  const holder = (organizationId: string) => {
    if (organizationId === ownOrganizationId) return t('intake.match.heldByYou');
    const organization = organizations.status === 'ready' ? organizations.data.find((o) => o.id === organizationId) : undefined;
    return organization ? t('intake.match.heldBy', { name: organizationName(organization, language) }) : t('intake.match.sharedWithYou');
  };
  return (
    <ul className="match-list">
      {matches.map((match, i) =>
        match.kind === 'visible' ? (
          <li key={match.clientId} className="match">
            <p className="match-title">
              <Link to={`/clients/${match.clientId}`}>{t('intake.match.open', { name: `${match.givenName} ${match.familyName}` })}</Link>
            </p>
            <p>
              {t('intake.match.born', { date: formatDate(match.dateOfBirth, language) })} · {holder(match.organizationId)}
            </p>
            <p>{t('intake.match.score', { score: formatScore(match.score, language) })}</p>
            <Reasons reasons={match.reasons} />
          </li>
        ) : (
          <li key={`possible-${i}`} className="match match-hidden">
            <p className="match-title">{t('intake.match.possible')}</p>
            <p>{t('intake.match.score', { score: formatScore(match.score, language) })}</p>
            <Reasons reasons={match.reasons} />
            <p>{t('intake.match.possibleExplain')}</p>
          </li>
        ),
      )}
    </ul>
  );
}
