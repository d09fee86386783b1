import { createContext, useContext, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { unreadNotificationCount } from '../api-case.ts';
import { isAbort } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

const CHANGED = 'continuum:notifications-changed';

// Tells the header that notifications were read, so its count follows at once.
export function notificationsChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

// The number of unread notifications, asked once per page change (and when some were read) for the
// whole header: the account menu's link and, on a phone, the Menu button that hides it.
export const UnreadContext = createContext<number | undefined>(undefined);

export function useUnreadCount(signedIn: boolean): number | undefined {
  const { pathname } = useLocation();
  const [unread, setUnread] = useState<number | undefined>();
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    const again = () => setAsked((n) => n + 1);
    window.addEventListener(CHANGED, again);
    return () => window.removeEventListener(CHANGED, again);
  }, []);
  useEffect(() => {
    if (!signedIn) {
      setUnread(undefined);
      return;
    }
    const controller = new AbortController();
    unreadNotificationCount(controller.signal).then(
      (list) => setUnread(list.unread),
      (error: unknown) => {
        // A count that cannot be read leaves the link without one; the page itself says why.
        if (!isAbort(error)) setUnread(undefined);
      },
    );
    return () => controller.abort();
  }, [pathname, asked, signedIn]);
  return unread;
}

// The count as a badge, with its words for those who do not see it.
export function UnreadBadge() {
  const { tp } = useI18n();
  const unread = useContext(UnreadContext);
  if (!unread) return null;
  return (
    <>
      {' '}
      <span className="count-badge">{unread}</span>
      <span className="visually-hidden">{tp('notifications.unreadShort', unread)}</span>
    </>
  );
}

// "Notifications" in the account menu with the number unread.
export function NotificationLink() {
  const { t } = useI18n();
  return (
    <Link to="/notifications" className="header-link">
      {t('notifications.link')}
      <UnreadBadge />
    </Link>
  );
}
