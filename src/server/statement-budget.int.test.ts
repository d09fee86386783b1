import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/db.ts';
import { testApp } from '../../test/app.ts';
import { makeClient, makeSession, makeUser, type TestUser } from '../../test/factories.ts';
import type { Db } from '../db/database.ts';
import { caseContext, expectedStatus, routes, setUpMatrix, type Column, type Matrix } from '../../test/route-matrix.ts';
import { countStatements, type StatementCount } from '../db/statement-count.ts';
import type { AppInstance } from './app.ts';

// Every GET route of the OpenAPI document declares how many SQL statements one authorized request may
// send (`config.statements`, the session's own included), and one such request, counted on the
// connection, keeps within it: the routes the next issues add stay fast by construction. The request is
// the route matrix's, made by the first role the permission table allows, on the caller's own records
// where the route has such a case. Measured after one unmeasured request (the steady state).

// Which of the matrix's cases to measure, in order of preference.
const preferred = ['own', 'self', 'none', 'consented', 'other'] as const;

// Routes the matrix reaches only with a refusal: the request an authorized caller makes.
const ownRequests: Record<string, (db: Db, matrix: Matrix) => Promise<{ url: string; user: TestUser }>> = {
  // A job seeker whose account is tied to their client record reads their own file.
  'GET /api/me/client': async (db, matrix) => {
    const client = await makeClient(db, { organizationId: matrix.other.id });
    const user = await makeUser(db, { organizationId: matrix.other.id, roles: ['job_seeker'] });
    await db.updateTable('users').set({ clientId: client.id }).where('id', '=', user.id).execute();
    return { url: '/api/me/client', user };
  },
};

describeEachEngine('statements per GET route', ({ handle }) => {
  let app: AppInstance;
  let matrix: Matrix;

  beforeAll(async () => {
    // The request limit writes its counts once a second, on nobody's request: off here, so a count
    // written by the timer never lands in a measured request. Its per-request cost is nil by design.
    app = await testApp(handle(), { requestsPerMinute: 0 });
    matrix = await setUpMatrix(handle().db);
  });
  afterAll(async () => app.close());

  it('every GET route keeps within its statement budget', { timeout: 300_000 }, async () => {
    const db = handle().db;
    const document = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const getRoutes = Object.entries(document.paths)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => `GET ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    expect(getRoutes.length).toBeGreaterThan(20);
    const problems: string[] = [];
    const table: string[] = [];
    for (const route of getRoutes) {
      const budget = app.statementBudgets.get(route);
      if (budget === undefined) problems.push(`${route}: declares no statement budget (config.statements)`);
      const matrixRoute = routes.find((r) => r.route === route);
      if (!matrixRoute) {
        problems.push(`${route}: not in the route matrix, so no request to measure`);
        continue;
      }
      let measured: { column: Column | { label: string }; count: StatementCount } | undefined;
      const own = ownRequests[route];
      if (own) {
        const { url, user } = await own(db, matrix);
        const headers = (await makeSession(db, user)).headers;
        await app.inject({ method: 'GET', url, headers });
        const { result, count } = await countStatements(() => app.inject({ method: 'GET', url, headers }));
        if (result.statusCode !== 200)
          problems.push(`${route}: got ${result.statusCode}: ${result.body.slice(0, 120)}`);
        measured = { column: { label: user.roles.join(', ') }, count };
      }
      search: for (const target of own ? [] : preferred) {
        for (const kase of matrixRoute.cases.filter((c) => c.target === target && c.ok === 200)) {
          for (const column of matrix.columns) {
            if (expectedStatus(column, matrixRoute.action, kase) !== 200) continue;
            if ((target === 'own' || target === 'consented') && !column.organization) continue;
            if (target === 'self' && !column.user) continue;
            const request = await kase.request(caseContext(db, matrix, column));
            const headers = column.user ? (await makeSession(db, column.user)).headers : {};
            await app.inject({ ...request, headers });
            const { result, count } = await countStatements(() => app.inject({ ...request, headers }));
            if (result.statusCode !== 200) {
              problems.push(`${route}: ${column.label} got ${result.statusCode}: ${result.body.slice(0, 120)}`);
            }
            measured = { column, count };
            break search;
          }
        }
      }
      if (!measured) {
        problems.push(`${route}: no role and case the table allows`);
        continue;
      }
      const { statements, transactions, texts } = measured.count;
      table.push(
        `${route.padEnd(58)} ${String(statements).padStart(3)} / ${String(budget ?? '-').padEnd(3)} ${transactions} xact  ${measured.column.label}`,
      );
      if (budget !== undefined && statements > budget) {
        problems.push(
          `${route}: ${statements} statements, over its budget of ${budget}:\n    ${texts.map((t) => t.replace(/\s+/g, ' ').slice(0, 140)).join('\n    ')}`,
        );
      }
    }
    if (process.env.STATEMENT_BUDGET_TABLE === '1') console.log(`\n${table.join('\n')}`);
    expect(problems).toEqual([]);
  });

  it('counts what is sent on the connection, transactions as PostgreSQL does', async () => {
    const { count } = await countStatements(async () => {
      await handle().pool.query('select 1');
      const client = await handle().pool.connect();
      try {
        await client.query('begin');
        await client.query('select 2');
        await client.query('select 3');
        await client.query('commit');
      } finally {
        client.release();
      }
    });
    expect(count.statements).toBe(5);
    expect(count.transactions).toBe(2);
  });
});
