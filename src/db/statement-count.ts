import type pg from 'pg';

// Counts the SQL statements and transactions sent on our connections (every pool of both engines is
// instrumented when it is made, src/db/connection.ts) while a piece of work runs: the statement budget
// of each route (src/server/statement-budget.int.test.ts) is measured this way. Everything sent in that
// time counts, whoever sends it, so measure with nothing else running (a request's own statements
// cannot be told apart by async context: Fastify's inject runs the request outside the caller's).
// Outside `countStatements` the cost is one comparison per statement.

export type StatementCount = {
  statements: number;
  // As PostgreSQL counts them: each BEGIN … COMMIT once, each statement outside one once.
  transactions: number;
  // The statements' text, in order (for a failing budget's message).
  texts: string[];
};

let active: StatementCount | undefined;
// Which connections are inside BEGIN … COMMIT, as seen while counting (connections are idle between
// requests, so none is inside one when a count starts).
let inTransaction = new WeakSet<pg.ClientBase>();

export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; count: StatementCount }> {
  if (active) throw new Error('countStatements does not nest');
  const count: StatementCount = { statements: 0, transactions: 0, texts: [] };
  inTransaction = new WeakSet<pg.ClientBase>();
  active = count;
  try {
    return { result: await work(), count };
  } finally {
    active = undefined;
  }
}

function textOf(query: unknown): string {
  if (typeof query === 'string') return query;
  if (query && typeof query === 'object' && 'text' in query && typeof query.text === 'string') return query.text;
  return '';
}

function record(count: StatementCount, client: pg.ClientBase, text: string): void {
  const word = /^\s*(\w+)/.exec(text)?.[1]?.toLowerCase();
  const opens = word === 'begin' || (word === 'start' && /^\s*start\s+transaction/i.test(text));
  const closes = word === 'commit' || word === 'rollback' || word === 'end';
  count.statements++;
  count.texts.push(text);
  if (opens || !inTransaction.has(client)) count.transactions += closes ? 0 : 1;
  if (opens) inTransaction.add(client);
  if (closes) inTransaction.delete(client);
}

// Called for every statement a connection of ours sends (src/db/connection.ts).
export function countStatement(client: pg.ClientBase, query: unknown): void {
  if (active) record(active, client, textOf(query));
}
