import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { unreadNotificationCount } from '../api-case.ts';
import { isAbort } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

const CHANGED = 'continuum:notifications-changed';

// Tells the header that notifications were read, so its count follows at once.
export function notificationsChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

// "Notifications" in the account menu with the number unread, asked again on every page change.
export function NotificationLink() {
  const { t, tp } = useI18n();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState<number | undefined>();
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    const again = () => setAsked((n) => n + 1);
    window.addEventListener(CHANGED, again);
    return () => window.removeEventListener(CHANGED, again);
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    unreadNotificationCount(controller.signal).then(
      (list) => setUnread(list.unread),
      (error: unknown) => {
        // A count that cannot be read leaves the link without one; the page itself says why.
        if (!isAbort(error)) setUnread(undefined);
      },
    );
    return () => controller.abort();
  }, [pathname, asked]);
  return (
    <Link to="/notifications" className="header-link">
      {t('notifications.link')}
      {unread ? (
        <>
          {' '}
          <span className="count-badge">{unread}</span>
          <span className="visually-hidden">{tp('notifications.unreadShort', unread)}</span>
        </>
      ) : null}
    </Link>
  );
}
