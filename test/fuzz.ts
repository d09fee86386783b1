import crypto from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { DatabaseHandle, Engine } from '../src/db/database.ts';
import { buildApp, type AppInstance } from '../src/server/app.ts';
import { rolesAllowedFor } from '../src/access/authorize.ts';
import { roles, type Role } from '../src/access/roles.ts';
import { linkClientAccount } from '../src/domain/accounts/account.queries.ts';
import { organizationTypes, type Organization } from '../src/domain/organizations/organization.ts';
import { openIsolatedEngine } from './db.ts';
import {
  makeAccessRequest,
  makeAssessment,
  makeAttachment,
  makeClient,
  makeConsent,
  makeNote,
  makeNotification,
  makeOrganization,
  makePlanItem,
  makeReview,
  makeSession,
  makeTask,
  makeTeamMember,
  makeTransfer,
  makeUser,
  type TestSession,
} from './factories.ts';

// Fuzzing every route of the OpenAPI document (issue 10): inputs generated from each operation's own
// schemas, valid and mutated (hostile strings, impossible dates, wrong types, unknown and missing
// fields, broken encodings), sent as every role and as a visitor. Each answer must be below 500, an
// error must be problem+json, and a refused request must leave no write behind but its audit row.

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

type Parameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: JsonSchema };
export type Operation = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
};

export type FuzzRequest = {
  caller: number;
  method: Operation['method'];
  url: string;
  payload?: string;
  contentType?: string;
  mutation: string;
};

// Tables a refused request may write: its own denial's audit row and the rate counters (per user, and
// sign-in attempts). A write inside the request's transaction rolls back with it, trigger row and all,
// so what this catches is a write that outlived its refusal.
const WRITES_ALLOWED_WHEN_REFUSED = new Set(['audit_log', 'rate_limits']);

export const hostileStrings = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '0000-01-01',
  '1899-12-31',
  '2200-01-01',
  '2024-02-30',
  '9999-99-99',
  "x' or '1'='1",
  '%00',
  '%',
  '%E0%A4%A',
  '\uD800',
  '\u202Egnp.exe',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'NaN',
  '-1',
  '1e309',
  'null',
  '__proto__',
  'é'.repeat(300),
  'x'.repeat(5_000),
  '00000000-0000-0000-0000-000000000000',
];

// A date's place: impossible, out of range, or not a date.
const hostileDates = ['0000-01-01', '1899-12-31', '2200-01-01', '2024-02-30', '10000-01-01', 'a\u0000', ''];

const hostileValues: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  [],
  {},
  [null],
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  ...hostileStrings,
];

// The records a request may name, by kind (`clients`, `notes`, …), and a random id.
export type Ids = Record<string, string[]>;

// The kind of record a path parameter or body field names, from its name and the route.
export function kindOf(name: string, route = ''): string | undefined {
  const base = name.replace(/Ids?$/, '').toLowerCase();
  const byName: Record<string, string> = {
    client: 'clients',
    note: 'notes',
    task: 'tasks',
    consent: 'consents',
    member: 'members',
    item: 'items',
    review: 'reviews',
    attachment: 'attachments',
    request: 'requests',
    transfer: 'transfers',
    assessment: 'assessments',
    site: 'sites',
    organization: 'organizations',
    user: 'users',
    fromuser: 'users',
    touser: 'users',
    worker: 'users',
    actoruser: 'users',
    record: 'clients',
  };
  if (base !== 'id') return byName[base];
  const match = /^\/api\/([a-z-]+)\/\{id\}/.exec(route);
  const collection = match?.[1] ?? '';
  return { clients: 'clients', organizations: 'organizations', users: 'users', notifications: 'notifications' }[
    collection
  ];
}

// Mostly an id of the kind the name asks for, sometimes any.
function idArb(ids: Ids, name: string, route = ''): fc.Arbitrary<string> {
  const all = Object.values(ids).flat();
  const kind = kindOf(name, route);
  const fitting = kind ? ids[kind] : undefined;
  return fitting && fitting.length > 0
    ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...fitting) }, { weight: 1, arbitrary: fc.constantFrom(...all) })
    : fc.constantFrom(...all);
}

export type FuzzWorld = {
  app: AppInstance;
  handle: DatabaseHandle;
  operations: Operation[];
  callers: { label: string; headers: Record<string, string> }[];
  ids: Ids;
  // Makes the callers' sessions again (after a sign-out, say).
  refreshSessions: () => Promise<void>;
  clearWrites: () => Promise<void>;
  writes: () => Promise<{ table: string; op: string }[]>;
  close: () => Promise<void>;
};

// Every row written anywhere is noted (table and operation) by a trigger, so a refused request that
// wrote is caught whatever it wrote.
async function traceWrites(handle: DatabaseHandle): Promise<void> {
  await sql`create table fuzz_writes (table_name text not null, op text not null)`.execute(handle.db);
  await sql`create function fuzz_note_write() returns trigger language plpgsql as $$
    begin insert into fuzz_writes values (tg_table_name, tg_op); return null; end $$`.execute(handle.db);
  const { rows } = await sql<{ tableName: string }>`select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'fuzz_writes'`.execute(handle.db);
  for (const { tableName } of rows) {
    await sql`create trigger fuzz_note_write after insert or update or delete on ${sql.table(tableName)}
      for each row execute function fuzz_note_write()`.execute(handle.db);
  }
}

function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [route, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as {
        parameters?: Parameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      };
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        route,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return operations.sort((a, b) => `${a.route} ${a.method}`.localeCompare(`${b.route} ${b.method}`));
}

export async function fuzzWorld(engine: Engine): Promise<FuzzWorld> {
  // A database of its own: on PostgreSQL, triggers on the shared one would see other suites' writes.
  const handle = await openIsolatedEngine(engine, 'continuum_fuzz');
  const db = handle.db;
  const app = await buildApp({ database: handle, logLevel: 'silent', webDir: undefined, requestsPerMinute: 0 });
  await app.ready();

  // One organization of every type, records of every kind at two agencies, users to act on.
  const organizations = new Map<string, Organization>();
  for (const type of organizationTypes) organizations.set(type, await makeOrganization(db, { type }));
  const agency = organizations.get('employment_service_provider')!;
  const office = organizations.get('social_assistance_office')!;
  const targetA = await makeUser(db, { organizationId: agency.id, roles: ['employment_counsellor'] });
  const targetB = await makeUser(db, { organizationId: office.id, roles: ['caseworker'] });
  const ids: Ids = {
    users: [targetA.id, targetB.id],
    organizations: [...organizations.values()].map((o) => o.id),
    sites: [...organizations.values()].flatMap((o) => o.sites.map((site) => site.id)),
  };
  const add = (kind: string, id: string) => (ids[kind] ??= []).push(id);
  const clients: { id: string }[] = [];
  for (const [holder, other, worker] of [
    [agency, office, targetA],
    [office, agency, targetB],
  ] as const) {
    const client = await makeClient(db, { organizationId: holder.id });
    clients.push(client);
    await makeConsent(db, { clientId: client.id, organizationId: other.id, recordedByOrganizationId: holder.id });
    const assessment = await makeAssessment(db, client.id);
    add('clients', client.id);
    add('assessments', assessment);
    add(
      'consents',
      await makeConsent(db, {
        clientId: client.id,
        organizationId: other.id,
        recordedByOrganizationId: holder.id,
        categories: ['employment'],
      }),
    );
    add('notes', await makeNote(db, { clientId: client.id, organizationId: holder.id, authorId: worker.id }));
    add('tasks', await makeTask(db, { clientId: client.id, organizationId: holder.id, assignedTo: worker.id }));
    add('members', await makeTeamMember(db, { clientId: client.id, userId: worker.id, organizationId: holder.id }));
    add('items', await makePlanItem(db, 'goals', client.id, holder.id));
    add('items', await makePlanItem(db, 'steps', client.id, holder.id));
    add('reviews', await makeReview(db, client.id, assessment));
    add('attachments', await makeAttachment(db, client.id, holder.id));
    add('requests', await makeAccessRequest(db, client.id, other.id));
    add('transfers', await makeTransfer(db, { clientId: client.id, from: holder.id, to: other.id, accepted: false }));
    add('notifications', await makeNotification(db, worker.id));
  }
  add('random', crypto.randomUUID());

  // The callers: a visitor, and a user of every role at an organization type that may hold it (the
  // job seeker is the first client's own account). Their ids are not in the pool, so no fuzzed
  // request disables a caller or changes their roles.
  const callerUsers: { label: string; id: string }[] = [];
  for (const role of roles) {
    const type = organizationTypes.find((t) => rolesAllowedFor(t).includes(role)) ?? 'employment_service_provider';
    const user = await makeUser(db, { organizationId: organizations.get(type)!.id, roles: [role as Role] });
    if (role === 'job_seeker') await linkClientAccount(db, user.id, clients[0]!.id);
    callerUsers.push({ label: role, id: user.id });
  }
  const callers: FuzzWorld['callers'] = [{ label: 'visitor', headers: {} }];
  const sessions: TestSession[] = [];
  const refreshSessions = async () => {
    sessions.length = 0;
    for (const user of callerUsers) sessions.push(await makeSession(db, user));
    callers.length = 1;
    callerUsers.forEach((user, i) => callers.push({ label: user.label, headers: sessions[i]!.headers }));
  };
  await refreshSessions();
  await traceWrites(handle);

  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  return {
    app,
    handle,
    operations: operationsOf(doc),
    callers,
    ids,
    refreshSessions,
    clearWrites: async () => {
      await sql`delete from fuzz_writes`.execute(db);
    },
    writes: async () =>
      (await sql<{ tableName: string; op: string }>`select table_name, op from fuzz_writes`.execute(db)).rows.map(
        (r) => ({ table: r.tableName, op: r.op }),
      ),
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

// ---- Inputs from schemas ----

const typesOf = (schema: JsonSchema): string[] =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];

const datePattern = '^\\d{4}-\\d{2}-\\d{2}$';

const dateArb = fc.oneof(
  { weight: 8, arbitrary: fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }) },
);

function stringArb(schema: JsonSchema, ids: Ids, name: string): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return idArb(ids, name);
  if (schema.format === 'email') return fc.constantFrom('someone@example.org', 'A.B+c@agency.example', 'x@y');
  if (schema.format === 'date' || schema.pattern === datePattern)
    return dateArb.map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return dateArb.map((d) => d.toISOString());
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern), { size: 'small' })
        .map((s) => (schema.maxLength !== undefined ? s.slice(0, schema.maxLength) : s));
    } catch {
      // A pattern JavaScript cannot compile: plain strings.
    }
  }
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40));
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1) }) },
    { weight: 1, arbitrary: idArb(ids, name) },
  );
}

export function valueArb(schema: JsonSchema | undefined, ids: Ids, depth = 0, name = ''): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant(undefined);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0)
    return fc.oneof(...alternatives.map((s) => valueArb(s, ids, depth, name)));
  if (schema.allOf && schema.allOf.length > 0) return valueArb(schema.allOf[0], ids, depth, name);
  const types = typesOf(schema);
  const arbs: fc.Arbitrary<unknown>[] = [];
  for (const type of types.length > 0 ? types : ['string']) {
    switch (type) {
      case 'null':
        arbs.push(fc.constant(null));
        break;
      case 'boolean':
        arbs.push(fc.boolean());
        break;
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
        const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1000);
        const low = Math.max(min, -1e9);
        const high = Math.max(Math.min(max, 1e9), low + 1);
        arbs.push(
          type === 'integer'
            ? fc.integer({ min: Math.ceil(low), max: Math.floor(high) })
            : fc.double({ min: low, max: high, noNaN: true }),
        );
        break;
      }
      case 'array':
        arbs.push(
          depth > 3
            ? fc.constant([])
            : fc.array(valueArb(schema.items, ids, depth + 1, name), {
                minLength: schema.minItems ?? 0,
                maxLength: Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, 3)),
              }),
        );
        break;
      case 'object': {
        const properties = schema.properties ?? {};
        const keys = Object.keys(properties);
        if (depth > 3 || keys.length === 0) {
          arbs.push(fc.constant({}));
          break;
        }
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const key of keys) model[key] = valueArb(properties[key], ids, depth + 1, key);
        arbs.push(fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => keys.includes(k)) }));
        break;
      }
      default:
        arbs.push(stringArb(schema, ids, name));
    }
  }
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

// ---- Mutations ----

type Mutation = { name: string; apply: (value: unknown, pick: number, hostile: unknown) => unknown };

// The paths to every value inside a JSON value.
function pathsOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

function setAt(value: unknown, at: (string | number)[], next: unknown): unknown {
  if (at.length === 0) return next;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = at;
  copy[head!] = setAt(copy[head!], rest, next);
  return copy;
}

function removeAt(value: unknown, at: (string | number)[]): unknown {
  if (at.length === 0) return value;
  if (at.length === 1 && value && typeof value === 'object' && !Array.isArray(value)) {
    const copy = { ...(value as Record<string, unknown>) };
    delete copy[String(at[0])];
    return copy;
  }
  const [head, ...rest] = at;
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = removeAt(copy[head!], rest);
  return copy;
}

const mutations: Mutation[] = [
  {
    // A leaf (mostly) takes a hostile value: a string's place gets a hostile string, so the rest of an
    // otherwise valid request carries it as far as it goes.
    name: 'a value replaced',
    apply: (value, pick, hostile) => {
      const all = pathsOf(value);
      const leaves = all.filter((p) => p.length > 0);
      const paths = leaves.length > 0 && pick % 10 !== 0 ? leaves : all;
      const at = paths[pick % paths.length]!;
      const current = at.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value);
      const replacement =
        typeof current === 'string' && /^\d{4}-\d{2}-\d{2}/.test(current)
          ? hostileDates[pick % hostileDates.length]
          : typeof current === 'string' && typeof hostile !== 'string'
            ? hostileStrings[pick % hostileStrings.length]
            : hostile;
      return setAt(value, at, replacement);
    },
  },
  {
    name: 'a field removed',
    apply: (value, pick) => {
      const paths = pathsOf(value).filter((p) => p.length > 0);
      return paths.length === 0 ? value : removeAt(value, paths[pick % paths.length]!);
    },
  },
  {
    name: 'an unknown field',
    apply: (value, pick, hostile) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? { ...(value as object), [['extra', 'constructor', 'a\u0000', 'id'][pick % 4]!]: hostile }
        : value,
  },
];

// A lone surrogate cannot be percent-encoded as UTF-8: sent as the bytes a careless client would send.
function encodePathPart(part: string): string {
  try {
    return encodeURIComponent(part);
  } catch {
    return encodeURIComponent(part.replace(/[\uD800-\uDFFF]/g, '\uFFFD')).replace(/%EF%BF%BD/g, '%ED%A0%80');
  }
}

function queryString(params: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, typeof v === 'string' ? v : JSON.stringify(v));
    else search.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// A request for one operation: valid parts from its schemas, then (mostly) one mutation of the path,
// the query or the body, or a body that is not JSON at all.
export function requestArb(operation: Operation, world: Pick<FuzzWorld, 'ids' | 'callers'>): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const querySchema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema ?? { type: 'string' }])),
    required: queryParams.filter((p) => p.required).map((p) => p.name),
  };
  const pathArb = fc.tuple(...pathParams.map((p) => idArb(world.ids, p.name, operation.route)));
  const bodyArb = operation.body ? valueArb(operation.body, world.ids) : fc.constant(undefined);
  const hasBody = operation.method !== 'GET';
  const target = fc.oneof(
    { weight: 2, arbitrary: fc.constant('none') },
    { weight: pathParams.length > 0 ? 1 : 0, arbitrary: fc.constant('path') },
    { weight: hasBody ? 1 : 4, arbitrary: fc.constant('query') },
    { weight: hasBody ? 5 : 0, arbitrary: fc.constant('body') },
    { weight: hasBody ? 1 : 0, arbitrary: fc.constant('raw') },
  );
  return fc
    .record({
      caller: fc.integer({ min: 0, max: world.callers.length - 1 }),
      path: pathParams.length > 0 ? pathArb : fc.constant([] as string[]),
      query: valueArb(querySchema, world.ids),
      body: bodyArb,
      target,
      // Replacing a value finds the most (weight 3 of 5).
      mutation: fc.constantFrom(0, 0, 0, 1, 2),
      pick: fc.nat(),
      hostile: fc.constantFrom(...hostileValues),
      raw: fc.constantFrom(
        { payload: '{"a":', contentType: 'application/json' },
        { payload: '', contentType: 'application/json' },
        { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
        { payload: 'hello', contentType: 'text/plain' },
        { payload: '{"a":"\\ud800"}', contentType: 'application/json' },
        { payload: `{"x":${'['.repeat(2000)}${']'.repeat(2000)}}`, contentType: 'application/json' },
        { payload: '{"__proto__":{"admin":true}}', contentType: 'application/json' },
      ),
    })
    .map((r) => {
      let path = [...r.path];
      let query = r.query as Record<string, unknown>;
      let body = r.body;
      let mutation = 'valid';
      const m = mutations[r.mutation]!;
      if (r.target === 'path' && path.length > 0) {
        const i = r.pick % path.length;
        const hostile = typeof r.hostile === 'string' ? r.hostile : JSON.stringify(r.hostile);
        path[i] = hostile;
        mutation = `path parameter ${i} replaced`;
      } else if (r.target === 'query') {
        query = m.apply(query, r.pick, r.hostile) as Record<string, unknown>;
        if (!query || typeof query !== 'object' || Array.isArray(query)) query = { q: query };
        mutation = `query: ${m.name}`;
      } else if (r.target === 'body' && operation.method !== 'GET') {
        body = m.apply(body ?? {}, r.pick, r.hostile);
        mutation = `body: ${m.name}`;
      }
      // Path values go in percent-encoded, except the ones that test a broken encoding itself.
      path = path.map((p) => (p === '%' || p === '%E0%A4%A' ? p : encodePathPart(p)));
      let i = 0;
      const url = operation.route.replace(/\{[^}]+\}/g, () => path[i++] ?? 'x') + queryString(query);
      const request: FuzzRequest = { caller: r.caller, method: operation.method, url, mutation };
      if (r.target === 'raw' && operation.method !== 'GET') {
        return { ...request, payload: r.raw.payload, contentType: r.raw.contentType, mutation: 'raw body' };
      }
      if (operation.method !== 'GET' && operation.method !== 'DELETE')
        return { ...request, payload: JSON.stringify(body ?? {}), contentType: 'application/json' };
      return request;
    });
}

// One request, and what is wrong with its answer (nothing: undefined).
export async function sendAndCheck(world: FuzzWorld, request: FuzzRequest): Promise<string | undefined> {
  const caller = world.callers[request.caller]!;
  await world.clearWrites();
  const response = await world.app.inject({
    method: request.method,
    url: request.url,
    headers: { ...caller.headers, ...(request.contentType ? { 'content-type': request.contentType } : {}) },
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  const body =
    request.payload === undefined
      ? ''
      : ` body ${request.payload.slice(0, 120)}${request.payload.length > 120 ? '…' : ''}`;
  const where = `${request.method} ${request.url.slice(0, 200)}${body} as ${caller.label} (${request.mutation})`;
  if (response.statusCode >= 500) return `${where}: ${response.statusCode} ${response.body.slice(0, 300)}`;
  if (response.statusCode >= 400) {
    const type = String(response.headers['content-type'] ?? '');
    if (!type.startsWith('application/problem+json'))
      return `${where}: ${response.statusCode} answered ${type}, not problem+json: ${response.body.slice(0, 200)}`;
    const problem = JSON.parse(response.body) as { status?: number; code?: string };
    if (problem.status !== response.statusCode || typeof problem.code !== 'string')
      return `${where}: the problem's status or code is wrong: ${response.body.slice(0, 200)}`;
    const written = (await world.writes()).filter((w) => !WRITES_ALLOWED_WHEN_REFUSED.has(w.table));
    if (written.length > 0)
      return `${where}: refused with ${response.statusCode} yet wrote ${written.map((w) => `${w.op} ${w.table}`).join(', ')}`;
  } else if (request.url.startsWith('/api/auth/')) {
    // A sign-out (or a password change) ends the callers' sessions: they get new ones.
    await world.refreshSessions();
  }
  return undefined;
}
