import { useLayoutEffect, useRef, type ReactNode } from 'react';

// For a table that becomes one card per row on a phone (`stack-on-phone` in styles.css): each data
// cell takes its column's heading as `data-label`, which the phone layout writes beside the value.
// Read from the table's own <thead> after every render, so a table's headings are written once.
export function useStackedLabels<T extends HTMLTableElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table) return;
    const headings = [...table.querySelectorAll('thead tr:last-child th')].map((th) => th.textContent?.trim() ?? '');
    for (const row of table.querySelectorAll('tbody tr, tfoot tr')) {
      [...row.children].forEach((cell, i) => {
        const label = headings[i];
        if (cell.tagName === 'TD' && label) cell.setAttribute('data-label', label);
      });
    }
  });
  return ref;
}

// A data table that stacks on a phone, its cells labelled from its headings.
export function StackedTable({ children }: { children: ReactNode }) {
  const ref = useStackedLabels<HTMLTableElement>();
  return (
    <table ref={ref} className="data-table stack-on-phone">
      {children}
    </table>
  );
}
