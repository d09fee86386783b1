import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';

// On a narrow screen the header's tools (who is signed in, notifications, sign out, language) and the
// primary navigation fold behind one "Menu" button, so a page starts within the first fifth of a phone's
// screen. On a wide screen they always show and the button is not there (styles.css). The menu closes
// when the page changes.
export const SITE_TOOLS_ID = 'site-tools';
export const SITE_NAV_ID = 'site-nav';

type SiteMenu = { open: boolean; toggle: () => void; close: () => void };
const SiteMenuContext = createContext<SiteMenu>({ open: false, toggle: () => undefined, close: () => undefined });

export function SiteMenuProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setOpen(false), [pathname]);
  const toggle = useCallback(() => setOpen((o) => !o), []);
  const close = useCallback(() => setOpen(false), []);
  const value = useMemo(() => ({ open, toggle, close }), [open, toggle, close]);
  return <SiteMenuContext.Provider value={value}>{children}</SiteMenuContext.Provider>;
}

export function useSiteMenu(): SiteMenu {
  return useContext(SiteMenuContext);
}
