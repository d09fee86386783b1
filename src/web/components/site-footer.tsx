import { ApiError, getHealth, type Health } from '../api.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { useApi } from '../use-api.ts';

type ServiceStatus = 'loading' | 'ok' | 'degraded' | 'unreachable';

const statusKey: Record<ServiceStatus, MessageKey> = {
  loading: 'footer.status.loading',
  ok: 'footer.status.ok',
  degraded: 'footer.status.degraded',
  unreachable: 'footer.status.unreachable',
};

// The health check answers 503 with the same body when the database is down.
async function loadStatus(signal: AbortSignal): Promise<Health['status']> {
  try {
    return (await getHealth(signal)).status;
  } catch (error) {
    if (error instanceof ApiError && error.status === 503) return 'degraded';
    throw error;
  }
}

export function SiteFooter() {
  const { t } = useI18n();
  const health = useApi('health', loadStatus);
  const status: ServiceStatus =
    health.status === 'loading' ? 'loading' : health.status === 'error' ? 'unreachable' : health.data;
  return (
    <footer className="site-footer">
      <div className="container site-footer-inner">
        <p>{t('footer.about')}</p>
        <p>
          {t('footer.statusLabel')} <span className={`status status-${status}`}>{t(statusKey[status])}</span>
        </p>
        <p>
          <a href="/api/docs" hrefLang="en">
            {t('footer.apiDocs')}
          </a>
        </p>
      </div>
    </footer>
  );
}
