import type { MessageKey } from '../../i18n/i18n.tsx';
import {
  hiringEventKinds,
  hiringEventStatuses,
  type HiringEventKind,
  type HiringEventStatus,
} from '../../../domain/hiring-events/hiring-event-vocabulary.ts';
import { formatDateTime } from '../clients/case-text.ts';
import { CITY_TIME_ZONE } from '../clients/client-text.ts';

// The words of employer events' codes, from the catalogues.
export const eventKey = {
  kind: (k: HiringEventKind) => `hiringEventKind.${k}` as MessageKey,
  status: (s: HiringEventStatus) => `hiringEventStatus.${s}` as MessageKey,
};
export { hiringEventKinds, hiringEventStatuses };

// When an event runs, in Toronto's time: "10 December 2026, 10:00 a.m. – 3:00 p.m. EST" on one day.
export function formatWhen(startsAt: string, endsAt: string, language: 'en' | 'fr'): string {
  const locale = language === 'fr' ? 'fr-CA' : 'en-CA';
  const day = (at: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: CITY_TIME_ZONE }).format(new Date(at));
  if (day(startsAt) !== day(endsAt))
    return `${formatDateTime(startsAt, language)} – ${formatDateTime(endsAt, language, true)}`;
  const time = (at: string, zone: boolean) =>
    new Intl.DateTimeFormat(locale, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: CITY_TIME_ZONE,
      ...(zone ? { timeZoneName: 'short' } : {}),
    }).format(new Date(at));
  return `${day(startsAt)}, ${time(startsAt, false)} – ${time(endsAt, true)}`;
}
