import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';

// `src/db/schema.ts` (Kysely's types) against the migrated database (issue 9, point 5): every table and
// column, each column's nullability, and, for every column a CHECK constraint limits to a list of
// values, a TypeScript union of exactly those values, so status, kind and role columns are typed as
// what the database accepts instead of `string`.

type Column = { nullable: boolean; literals: string[] | undefined; text: string };

const schemaFile = fileURLToPath(new URL('./schema.ts', import.meta.url));
// As Kysely's CamelCasePlugin writes it: an underscore before each capital, none before digits.
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// The select type of a column: Generated<T> and ColumnType<S, I, U> give T and S.
function selectType(node: ts.TypeNode): ts.TypeNode {
  if (
    ts.isTypeReferenceNode(node) &&
    ts.isIdentifier(node.typeName) &&
    ['Generated', 'ColumnType'].includes(node.typeName.text) &&
    node.typeArguments?.[0]
  ) {
    return selectType(node.typeArguments[0]);
  }
  return node;
}

function describeColumn(node: ts.TypeNode, source: ts.SourceFile): Column {
  const type = selectType(node);
  const members = ts.isUnionTypeNode(type) ? [...type.types] : [type];
  const nullable = members.some((m) => ts.isLiteralTypeNode(m) && m.literal.kind === ts.SyntaxKind.NullKeyword);
  const rest = members.filter((m) => !(ts.isLiteralTypeNode(m) && m.literal.kind === ts.SyntaxKind.NullKeyword));
  const literals = rest.every((m) => ts.isLiteralTypeNode(m) && ts.isStringLiteral(m.literal))
    ? rest.map((m) => ((m as ts.LiteralTypeNode).literal as ts.StringLiteral).text).sort()
    : undefined;
  return { nullable, literals, text: type.getText(source) };
}

// Table name (snake_case) → column name (snake_case) → what schema.ts says.
function readSchema(): Map<string, Map<string, Column>> {
  const source = ts.createSourceFile(schemaFile, fs.readFileSync(schemaFile, 'utf8'), ts.ScriptTarget.Latest, true);
  const aliases = new Map<string, ts.TypeNode>();
  source.forEachChild((n) => {
    if (ts.isTypeAliasDeclaration(n)) aliases.set(n.name.text, n.type);
  });
  // The members of an object type, following intersections and named aliases (Timestamps & { … }).
  const membersOf = (node: ts.TypeNode): ts.PropertySignature[] => {
    if (ts.isIntersectionTypeNode(node)) return node.types.flatMap(membersOf);
    if (ts.isTypeLiteralNode(node)) return node.members.filter(ts.isPropertySignature);
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && aliases.has(node.typeName.text))
      return membersOf(aliases.get(node.typeName.text)!);
    throw new Error(`schema.ts: cannot read ${node.getText(source)}`);
  };
  const tables = new Map<string, Map<string, Column>>();
  for (const table of membersOf(aliases.get('Database')!)) {
    const columns = new Map<string, Column>();
    for (const column of membersOf(table.type!))
      columns.set(snake((column.name as ts.Identifier).text), describeColumn(column.type!, source));
    tables.set(snake((table.name as ts.Identifier).text), columns);
  }
  return tables;
}

describeEachEngine('db/schema.ts against the migrations', ({ handle }) => {
  it('has every table and column, their nullability, and the CHECK lists as string unions', async () => {
    const db = handle().db;
    const declared = readSchema();
    const { rows: columns } = await sql<{ table: string; column: string; nullable: string }>`
      select table_name as table, column_name as column, is_nullable as nullable from information_schema.columns
      where table_schema = 'public' order by 1, 2`.execute(db);
    // Single-column CHECKs of the form col = ANY (ARRAY['a'::text, …]) or col = 'a' — what `in (…)` becomes.
    const { rows: checks } = await sql<{ table: string; definition: string }>`
      select c.relname as table, pg_get_constraintdef(k.oid) as definition from pg_constraint k join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace where k.contype = 'c' and n.nspname = 'public'`.execute(db);
    const enumerated = new Map<string, string[]>();
    for (const { table, definition } of checks) {
      const m = /^CHECK \(\(\(?([a-z_]+)\)?(?:::text)? = ANY \(\(?ARRAY\[(.*)\]\)?(?:::text\[\])?\)\)\)$/.exec(
        definition,
      );
      if (!m) continue;
      const values = [...m[2]!.matchAll(/'([^']*)'::(?:text|character varying)/g)].map((v) => v[1]!).sort();
      enumerated.set(`${table}.${m[1]}`, values);
    }
    expect(enumerated.size).toBeGreaterThan(30);

    const problems: string[] = [];
    const live = new Map<string, Map<string, boolean>>();
    for (const { table, column, nullable } of columns) {
      if (!live.has(table)) live.set(table, new Map());
      live.get(table)!.set(column, nullable === 'YES');
    }
    for (const table of live.keys())
      if (!declared.has(table)) problems.push(`table ${table} is missing from schema.ts`);
    for (const [table, cols] of declared) {
      const real = live.get(table);
      if (!real) {
        problems.push(`schema.ts declares ${table}, which no migration creates`);
        continue;
      }
      for (const column of real.keys())
        if (!cols.has(column)) problems.push(`${table}.${column} is missing from schema.ts`);
      for (const [column, type] of cols) {
        if (!real.has(column)) {
          problems.push(`schema.ts declares ${table}.${column}, which the table does not have`);
          continue;
        }
        if (real.get(column) !== type.nullable)
          problems.push(
            `${table}.${column}: ${real.get(column) ? 'nullable' : 'not null'} in the database, ${type.text} in schema.ts`,
          );
        const values = enumerated.get(`${table}.${column}`);
        if (values && JSON.stringify(values) !== JSON.stringify(type.literals))
          problems.push(`${table}.${column}: the database allows ${values.join(' | ')}; schema.ts says ${type.text}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
