import { reasonKey } from '../error-reasons.ts';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, problemFields } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { FormError } from './form.tsx';
import { ErrorAlert } from './status.tsx';

type T = ReturnType<typeof useI18n>['t'];

// What a part of a file shows when the server will not give it: a 404 means the part is not shared
// with the caller's organization (or is not there), a 403 that the caller's role does not do this
// work. Calm words, never a crash; anything else is an ordinary error with its technical details.
export function SectionProblem({ error, title }: { error: ApiError; title: string }) {
  const { t } = useI18n();
  if (error.status === 404) return <p className="notice notice-calm">{t('section.notShared')}</p>;
  if (error.status === 403) return <p className="notice notice-calm">{t('section.notForRole')}</p>;
  return <ErrorAlert title={title} error={error} />;
}

// A status line that takes focus when it changes, so what just happened is read next; always in the
// page (hidden while empty) so assistive technology knows it.
export function useNotice(): { show: (message: string) => void; clear: () => void; element: ReactNode } {
  const [message, setMessage] = useState('');
  const [count, setCount] = useState(0);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  const show = useCallback((next: string) => {
    setMessage(next);
    setCount((c) => c + 1);
  }, []);
  const clear = useCallback(() => setMessage(''), []);
  const element = (
    <p role="status" className="notice" tabIndex={-1} ref={ref} hidden={message === ''}>
      {message}
    </p>
  );
  return { show, clear, element };
}

export type ProblemWords = {
  // The server's field name (after `body.`) → the form's field and the words for it.
  fields?: Record<string, { field: string; message: string }>;
  forbidden?: string;
  conflict?: string;
  notFound?: string;
  invalid?: string;
};

// A failed request as the form's errors: field problems on their fields, then the problem's code.
export function formErrorsOf(error: unknown, t: T, words: ProblemWords = {}): FormError[] {
  if (error instanceof ApiError && error.kind === 'network')
    return [{ key: 'network', message: t('error.network'), fields: [] }];
  if (error instanceof ApiError && error.code === 'forbidden')
    return [{ key: 'forbidden', message: words.forbidden ?? t('section.forbidden'), fields: [] }];
  if (error instanceof ApiError && error.code === 'conflict') {
    // A rule with its own reason (an event that is full) in its own words; the page's otherwise.
    const ruled = reasonKey(error.reason);
    return [{ key: 'conflict', message: ruled ? t(ruled) : (words.conflict ?? t('section.conflict')), fields: [] }];
  }
  if (error instanceof ApiError && error.code === 'not_found')
    return [{ key: 'not_found', message: words.notFound ?? t('section.gone'), fields: [] }];
  const placed = problemFields(error)
    .map((f, i): FormError | undefined => {
      const top = f.field.split('.')[0] ?? f.field;
      const known = words.fields?.[f.field] ?? words.fields?.[top];
      // The rule the server applied, in the reader's language, on the page's field for it.
      const ruled = reasonKey(f.code);
      return known
        ? { key: `f${i}-${known.field}`, message: ruled ? t(ruled) : known.message, fields: [known.field] }
        : undefined;
    })
    .filter((e): e is FormError => e !== undefined);
  if (placed.length > 0) return placed;
  if (error instanceof ApiError && error.code === 'invalid')
    return [{ key: 'invalid', message: words.invalid ?? t('error.invalid'), fields: [] }];
  return [{ key: 'generic', message: t('error.generic'), fields: [] }];
}
