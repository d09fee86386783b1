import type { ApiError } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

// By the problem's code; codes the UI has no special words for get the generic message.
const messageKeyByCode: Record<string, MessageKey> = {
  not_found: 'error.notFound',
  invalid: 'error.invalid',
  rate_limited: 'error.rateLimited',
  unavailable: 'error.unavailable',
};

function messageKeyFor(error: ApiError): MessageKey {
  if (error.kind === 'network') return 'error.network';
  return (error.code ? messageKeyByCode[error.code] : undefined) ?? 'error.generic';
}

// The server's detail is written in English, so it sits under "technical details" marked lang="en".
export function ErrorAlert({ title, error }: { title: string; error: ApiError }) {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert">
      <h2 className="alert-title">{title}</h2>
      <p>{t(messageKeyFor(error))}</p>
      <details>
        <summary>{t('error.details')}</summary>
        <p lang="en">{error.message}</p>
        {error.requestId ? <p>{t('error.requestId', { id: error.requestId })}</p> : null}
      </details>
    </div>
  );
}
