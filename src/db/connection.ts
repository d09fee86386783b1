import crypto from 'node:crypto';
import type pg from 'pg';
import { countStatement } from './statement-count.ts';

// Every connection of both engines' pools goes through here: each statement is counted
// (statement-count.ts) and, once its text has been seen before, sent as a named prepared statement, so
// PostgreSQL parses and plans it once per connection instead of on every request (after five runs it
// may keep a generic plan). Bounds: statements with parameters only; at most PREPARED_PER_CONNECTION
// per connection (a text that varies, such as an IN list of each length, cannot fill a connection's
// memory); texts counted in a map cleared when it reaches SEEN_LIMIT.

export const PREPARED_PER_CONNECTION = 250;
// A statement whose best plan depends on its values (a search near a point, with optional filters)
// carries this comment, and is never named: PostgreSQL plans it for the values given each time, since
// a generic plan, made without them, can be a hundred times slower (docs/directory.md, "Speed").
export const CUSTOM_PLAN = '/* custom plan */';
const SEEN_LIMIT = 10_000;

// A text's statement name once it has been seen twice (undefined after the first time).
const seen = new Map<string, string | undefined>();
const prepared = new WeakMap<pg.ClientBase, Set<string>>();
const instrumented = new WeakSet<pg.ClientBase>();

function statementName(text: string): string {
  return `s${crypto.createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
}

// The arguments to send: a named statement for a text seen before, otherwise as given.
function withName(client: pg.ClientBase, args: unknown[]): unknown[] {
  const [text, values] = args;
  if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || args.length !== 2) return args;
  if (text.endsWith(CUSTOM_PLAN)) return args;
  let name = seen.get(text);
  if (name === undefined) {
    if (!seen.has(text)) {
      if (seen.size >= SEEN_LIMIT) seen.clear();
      seen.set(text, undefined);
      return args;
    }
    name = statementName(text);
    seen.set(text, name);
  }
  let names = prepared.get(client);
  if (!names) {
    names = new Set<string>();
    prepared.set(client, names);
  }
  if (!names.has(name)) {
    if (names.size >= PREPARED_PER_CONNECTION) return args;
    names.add(name);
  }
  return [{ name, text, values }];
}

function instrument(client: pg.ClientBase): void {
  if (instrumented.has(client)) return;
  instrumented.add(client);
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    countStatement(client, args[0]);
    return query(...withName(client, args));
  };
}

export function instrumentPool(pool: pg.Pool): void {
  pool.on('connect', instrument);
}
