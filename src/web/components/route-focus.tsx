import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

type RouteFocus = { takePending: () => boolean };

const RouteFocusContext = createContext<RouteFocus>({ takePending: () => false });

// After a client-side navigation nothing tells a screen reader the page changed, so the new page's
// h1 takes focus (WCAG 2.4.3). Not on the first load: the browser starts at the top by itself.
export function RouteFocusProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const pending = useRef(false);
  // Compared with the last path rather than a "first render" flag, so StrictMode's second run is a no-op.
  const lastPath = useRef(pathname);

  // A layout effect runs before the pages' passive effects in the same commit, so the heading sees the flag.
  useLayoutEffect(() => {
    if (lastPath.current === pathname) return;
    lastPath.current = pathname;
    pending.current = true;
    window.scrollTo(0, 0);
  }, [pathname]);

  const value = useMemo<RouteFocus>(
    () => ({
      takePending: () => {
        const was = pending.current;
        pending.current = false;
        return was;
      },
    }),
    [],
  );
  return <RouteFocusContext.Provider value={value}>{children}</RouteFocusContext.Provider>;
}

// The page's one h1. `ready` is false while the real heading text is still loading.
export function PageHeading({ children, ready = true }: { children: ReactNode; ready?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { takePending } = useContext(RouteFocusContext);
  useEffect(() => {
    if (ready && takePending()) ref.current?.focus();
  });
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
