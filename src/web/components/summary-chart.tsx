import { useId } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

// A value of null is withheld (a small cell): it draws no bar and says why in words.
export type ChartItem = { label: string; value: number | null };

// Bars are SVG rects sized by attribute: the CSP forbids style attributes, and attributes are not styles.
// The chart is one image with a text alternative that carries every number; the table beside it
// carries them too, so nothing is conveyed by bar length alone.
export function SummaryChart({
  caption,
  items,
  format,
  withheld,
  alt,
  max: fixedMax,
}: {
  caption: string;
  items: ChartItem[];
  // How a value is written (a count by default; a rate as a percentage).
  format?: (value: number) => string;
  // The words for a withheld value ("withheld").
  withheld?: string;
  // The text alternative around the list of values; the home page's words by default.
  alt?: (values: string) => string;
  // The value a full bar stands for (1 for rates); the largest value by default.
  max?: number;
}) {
  const { t, n } = useI18n();
  const captionId = useId();
  const write = format ?? n;
  const max = fixedMax ?? Math.max(1, ...items.map((i) => i.value ?? 0));
  const shown = (value: number | null) => (value === null ? (withheld ?? '') : write(value));
  const description = items.map((i) => t('home.chart.item', { label: i.label, count: shown(i.value) })).join('; ');
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-caption">
        {caption}
      </figcaption>
      <div
        role="img"
        aria-label={alt ? alt(description) : t('home.chart.alt', { values: description })}
        className="chart-body"
      >
        {items.map((item) => (
          <div className="chart-row" key={item.label}>
            <span className="chart-label">{item.label}</span>
            <svg
              className="chart-bar"
              viewBox="0 0 100 10"
              preserveAspectRatio="none"
              aria-hidden="true"
              focusable="false"
            >
              <rect className="chart-track" x="0" y="0" width="100" height="10" />
              <rect className="chart-fill" x="0" y="0" width={((item.value ?? 0) / max) * 100} height="10" />
            </svg>
            <span className={item.value === null ? 'chart-value chart-withheld' : 'chart-value'}>
              {shown(item.value)}
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}
