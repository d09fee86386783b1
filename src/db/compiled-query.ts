import type { Compilable, CompiledQuery, Kysely, RawBuilder } from 'kysely';
import type { Database } from './schema.ts';
import type { DbOrTrx } from './database.ts';

// A query of the request path built and compiled once, not on every request. Kysely builds a tree for
// each query, runs the plugins over it (CamelCasePlugin) and compiles it to SQL on every execution, which
// for a query with several subqueries costs more of the server's time than PostgreSQL spends running it.
// Here the query is built once with a placeholder for each parameter, compiled, and each run only puts
// the parameters where the placeholders were; results still go through the plugins (snake_case columns
// become camelCase), so a compiled query answers exactly as the built one would.
//
// The build function must give the same SQL whatever its parameters: it may pass them to Kysely as
// values (never branch on them, never put them in `sql.lit` or `sql.raw`). Each parameter given must come
// out as a parameter of the compiled query, or the first run throws.

const PLACEHOLDER = '\u0000continuum-compiled-query-parameter:';

export function compiledQuery<Params extends Record<string, unknown>, Row>(
  // A query builder, or raw SQL (`sql`) that embeds builders: a statement the builder cannot spell.
  build: (db: Kysely<Database>, params: Params) => Compilable<Row> | RawBuilder<Row>,
): (db: DbOrTrx, params: Params) => Promise<Row[]> {
  let compiled: { query: CompiledQuery<Row>; slots: (string | undefined)[] } | undefined;
  return async (db, params) => {
    if (!compiled) {
      // Every parameter read while building stands for itself: a marked string the compiled query carries.
      const placeholders = new Proxy({} as Params, { get: (_target, key) => `${PLACEHOLDER}${String(key)}` });
      // A raw builder compiles against the database (for its plugins); a query builder ignores the argument.
      const query = (build(db, placeholders) as { compile(db: Kysely<Database>): CompiledQuery<Row> }).compile(db);
      const slots = query.parameters.map((value) =>
        typeof value === 'string' && value.startsWith(PLACEHOLDER) ? value.slice(PLACEHOLDER.length) : undefined,
      );
      for (const key of Object.keys(params)) {
        if (!slots.includes(key)) throw new Error(`compiledQuery: ${key} is not a parameter of the query`);
      }
      compiled = { query, slots };
    }
    const { query, slots } = compiled;
    const parameters = query.parameters.map((value, i) => {
      const key = slots[i];
      return key === undefined ? value : params[key];
    });
    const result = await db.executeQuery<Row>({ ...query, parameters });
    return result.rows;
  };
}
