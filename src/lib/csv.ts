// RFC 4180 CSV with the usual real-world slack: a UTF-8 byte order mark, CRLF or LF line ends,
// quoted fields holding commas, doubled quotes and newlines, and a missing final newline.

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
    this.name = 'CsvError';
  }
}

export type CsvOptions = { delimiter?: string };

export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new Error(`Unusable CSV delimiter: ${JSON.stringify(delimiter)}`);
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = source.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let line = 1;
  let i = 0;

  while (i < n) {
    let field: string;
    let quoted = false;
    if (source[i] === '"') {
      // Quoted field: runs to the closing quote; "" is a literal quote.
      quoted = true;
      const startLine = line;
      field = '';
      i++;
      for (;;) {
        const q = source.indexOf('"', i);
        if (q === -1) throw new CsvError('Unterminated quoted field', startLine);
        const chunk = source.slice(i, q);
        line += countNewlines(chunk);
        field += chunk;
        if (source[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (i < n && source[i] !== delimiter && source[i] !== '\n' && source[i] !== '\r') {
        throw new CsvError('Unexpected character after a closing quote', line);
      }
    } else {
      const start = i;
      while (i < n && source[i] !== delimiter && source[i] !== '\n' && source[i] !== '\r') {
        if (source[i] === '"') throw new CsvError('Quote inside an unquoted field', line);
        i++;
      }
      field = source.slice(start, i);
    }
    row.push(field);
    if (i < n && source[i] === delimiter) {
      i++;
      // A delimiter at the very end still opens one last (empty) field.
      if (i === n) row.push('');
      continue;
    }
    // End of row: newline or end of input. A blank line is not a row with one empty field.
    if (!(row.length === 1 && field === '' && !quoted)) rows.push(row);
    row = [];
    if (i < n) {
      i += source[i] === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

function countNewlines(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

// Rows as objects keyed by the header row; every row must have exactly the header's width.
export function parseCsvRecords(text: string, options: CsvOptions = {}): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, options);
  if (!header) return [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new CsvError(`Duplicate column "${name}"`, 1);
    seen.add(name);
  }
  return rows.map((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`CSV record ${index + 1}: expected ${header.length} fields, found ${row.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((name, j) => {
      record[name] = row[j] ?? '';
    });
    return record;
  });
}

// Quotes a field only when it must be quoted.
export function formatCsvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((row) => row.map(formatCsvField).join(',')).join('\n') + (rows.length > 0 ? '\n' : '');
}
