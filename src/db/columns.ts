import type { Insertable } from 'kysely';
import type { Database } from './schema.ts';

// The column lists a bulk load (COPY) writes, checked against the table as `schema.ts` describes it
// (itself checked against the migrations by schema.int.test.ts), so a table is described once: a
// misspelt column, or a new column that must be given on insert and is missing, fails type-checking.

type Snake<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${Snake<T>}`
  : S;
type Row<T extends keyof Database> = Insertable<Database[T]>;
export type ColumnOf<T extends keyof Database> = Snake<keyof Database[T] & string>;
type RequiredOf<T extends keyof Database> = Snake<
  { [K in keyof Row<T>]-?: object extends Pick<Row<T>, K> ? never : K }[keyof Row<T>] & string
>;
type Complete<T extends keyof Database, C extends readonly string[]> = [Exclude<RequiredOf<T>, C[number]>] extends [
  never,
]
  ? unknown
  : { missingColumns: Exclude<RequiredOf<T>, C[number]> };

export function copyColumns<T extends keyof Database, const C extends readonly ColumnOf<T>[]>(
  _table: T,
  columns: C & Complete<T, C>,
): C {
  return columns;
}
