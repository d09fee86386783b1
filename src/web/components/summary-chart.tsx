import { useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export type ChartItem = { label: string; value: number };

// Bars are SVG rects sized by attribute: the CSP forbids style attributes, and attributes are not styles.
// The chart is one image with a text alternative that carries every number; the table beside it
// carries them too, so nothing is conveyed by bar length alone.
export function SummaryChart({ caption, items }: { caption: string; items: ChartItem[] }) {
  const { t, n } = useI18n();
  const captionId = useId();
  const max = Math.max(1, ...items.map((i) => i.value));
  const description = items.map((i) => t('home.chart.item', { label: i.label, count: i.value })).join('; ');
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-caption">
        {caption}
      </figcaption>
      <div role="img" aria-label={t('home.chart.alt', { values: description })} className="chart-body">
        {items.map((item) => (
          <div className="chart-row" key={item.label}>
            <span className="chart-label">{item.label}</span>
            <svg className="chart-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect className="chart-track" x="0" y="0" width="100" height="10" />
              <rect className="chart-fill" x="0" y="0" width={(item.value / max) * 100} height="10" />
            </svg>
            <span className="chart-value">{n(item.value)}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}
