import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError, isAbort } from './api.ts';

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

// Loads once per key; a newer key aborts the older request so a slow answer never overwrites a newer one.
export function useApi<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loadable<T> {
  const [state, setState] = useState<{ key: string; value: Loadable<T> }>({ key, value: { status: 'loading' } });
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) =>
      previous.key === key && previous.value.status === 'loading' ? previous : { key, value: { status: 'loading' } },
    );
    loadRef.current(controller.signal).then(
      (data) => setState({ key, value: { status: 'ready', data } }),
      (error: unknown) => {
        if (isAbort(error)) return;
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), 'unexpected', 0, undefined);
        setState({ key, value: { status: 'error', error: apiError } });
      },
    );
    return () => controller.abort();
  }, [key]);

  // A key change renders once before the effect runs: show loading, not the previous key's data.
  return state.key === key ? state.value : { status: 'loading' };
}
