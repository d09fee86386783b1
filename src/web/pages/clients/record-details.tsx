import type { ReactNode } from 'react';

// A part of a client's file as label and value pairs (review step, client page).
export function Details({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="record-details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
