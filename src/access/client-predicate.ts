import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import type { Actor } from './actor.ts';
import type { Action } from './authorize.ts';
import { decideClient, type ClientAccess } from './client-access.ts';
import {
  clientRow,
  consentExists,
  isClientAccount,
  teamPlaceExists,
  type ClientFacts,
  type ClientRef,
} from './facts/client-facts.ts';
import type { ConsentCategory } from './roles.ts';

// The rule for a list is the rule for a record (issue 9, point 2). `decideClient` decides one file on
// five facts about it: whether the viewer's organization holds it, whether a consent in force names
// the viewer's organization, whether one of them names the category asked about, whether the viewer
// has a place on its case team, and whether the viewer is the client's own account. Each fact is one
// SQL expression (./facts/client-facts.ts). For a list, this module asks `decideClient` itself about
// every combination of the five, keeps the combinations it allows, and writes them as one SQL
// condition over the facts' expressions: the list and the record are the same decision, evaluated
// once in TypeScript and once in the database, and a change to the rules reaches both.

// What a list shows of a client: the file at all (`record`), a category of it, the stream (shown to
// job developers without the assessment, 2.2), or a case-team place that counts (2.1).
export type Reach = ConsentCategory | 'record' | 'stream' | 'team';

const facts = ['holder', 'consent', 'consentWithCategory', 'teamPlace', 'account'] as const;
type Fact = (typeof facts)[number];
type Bits = Record<Fact, boolean>;

// A term over the five facts: true, false, or either ('-').
type Term = ('0' | '1' | '-')[];

const categoryOf = (reach: Reach): ConsentCategory | undefined =>
  reach === 'record' || reach === 'team' ? undefined : reach === 'stream' ? 'assessment' : reach;

export function reaches(access: ClientAccess, reach: Reach): boolean {
  if (reach === 'record') return true;
  if (reach === 'team') return access.onTeam;
  if (reach === 'stream') return access.categories.has('assessment') || access.streamOnly;
  return access.categories.has(reach);
}

// Facts for one combination, as the one-record load would read them for this actor.
function factsFor(actor: Actor, bits: Bits, category: ConsentCategory | undefined): ClientFacts {
  const user = actor.kind === 'user' ? actor : undefined;
  const elsewhere = '00000000-0000-4000-8000-000000000000';
  const other: ConsentCategory = category === 'identity_contact' ? 'employment' : 'identity_contact';
  return {
    clientId: elsewhere,
    holderOrganizationId: bits.holder && user ? user.organizationId : elsewhere,
    status: 'active',
    consents: bits.consent
      ? [
          {
            id: elsewhere,
            categories: [bits.consentWithCategory && category ? category : other],
            purpose: 'any',
            expiresOn: '9999-12-31',
          },
        ]
      : [],
    teamMemberId: bits.teamPlace ? elsewhere : undefined,
    accountUserId: bits.account && user ? user.userId : undefined,
  };
}

// The combinations the database can present for this actor: only a signed-in user's organization can
// hold a file, have consents or a team place; a consent never names the holder (the fact excludes it);
// a category is named only by a consent that exists; and the category fact exists only when asked.
// Whatever else the decision ignores (the account of a staff member, say) is enumerated both ways and
// merges away.
function feasible(actor: Actor, bits: Bits, category: ConsentCategory | undefined): boolean {
  if (actor.kind !== 'user' && (bits.holder || bits.consent || bits.teamPlace || bits.account)) return false;
  if (bits.holder && bits.consent) return false;
  if (bits.consentWithCategory && (!bits.consent || !category)) return false;
  return true;
}

function allBits(): Bits[] {
  const out: Bits[] = [];
  for (let n = 0; n < 1 << facts.length; n++) {
    out.push(Object.fromEntries(facts.map((f, i) => [f, (n & (1 << i)) !== 0])) as Bits);
  }
  return out;
}

const termOf = (bits: Bits): Term => facts.map((f) => (bits[f] ? '1' : '0'));
const covers = (term: Term, minterm: Term) => term.every((t, i) => t === '-' || t === minterm[i]);

// The smallest sum of products we can find quickly (Quine–McCluskey over five facts, with the
// combinations the database cannot present as don't-cares): a short condition for the planner.
function minimize(on: Term[], dontCare: Term[]): Term[] {
  if (on.length === 0) return [];
  let current = [...on, ...dontCare].map((t) => t.join(''));
  const primes = new Set<string>();
  while (current.length > 0) {
    const merged = new Set<string>();
    const used = new Set<string>();
    for (let i = 0; i < current.length; i++) {
      for (let j = i + 1; j < current.length; j++) {
        const a = current[i]!;
        const b = current[j]!;
        let diff = -1;
        let count = 0;
        for (let k = 0; k < a.length; k++) {
          if (a[k] !== b[k]) {
            count++;
            diff = k;
          }
        }
        if (count === 1 && a[diff] !== '-' && b[diff] !== '-') {
          merged.add(`${a.slice(0, diff)}-${a.slice(diff + 1)}`);
          used.add(a);
          used.add(b);
        }
      }
    }
    for (const t of current) if (!used.has(t)) primes.add(t);
    current = [...merged];
  }
  // Greedy cover of the combinations allowed: the prime covering most of those left, each time.
  const left = on.map((t) => t.join(''));
  const chosen: Term[] = [];
  const primeTerms = [...primes].map((p) => p.split('') as Term);
  while (left.length > 0) {
    let best = primeTerms[0]!;
    let bestCount = -1;
    for (const p of primeTerms) {
      const n = left.filter((m) => covers(p, m.split('') as Term)).length;
      if (n > bestCount) {
        best = p;
        bestCount = n;
      }
    }
    chosen.push(best);
    for (let i = left.length - 1; i >= 0; i--) if (covers(best, left[i]!.split('') as Term)) left.splice(i, 1);
  }
  return chosen;
}

export type PredicateOptions = {
  // The day consents are in force on: the request's today, in the city's time zone.
  today: string;
  // Only consents for this purpose count (2.3: a caller may narrow the route's purpose).
  purpose?: string;
  // The `clients` row of the query (default: alias `c`).
  client?: ClientRef;
};

// The combinations of facts `decideClient` allows, grouped by what `classify` makes of the access it
// grants (undefined: left out), each group as a condition over the facts' SQL expressions.
// The combinations of facts grouped and minimized once per kind of actor (roles), action, category and
// question: they depend on the rules, not on who the actor is. Each group keeps one of its combinations,
// from which the value for the actual actor is read (one decision per group instead of 32).
type Shape = { sample: Bits; terms: Term[] }[];
const shapes = new Map<string, Shape>();

function shapeOf<K>(
  actor: Actor,
  action: Action,
  classify: (access: ClientAccess) => K | undefined,
  key: (k: K) => string,
  category: ConsentCategory | undefined,
  question: string,
): Shape {
  const id = JSON.stringify([
    actor.kind,
    actor.kind === 'user' ? [...actor.roles].sort() : [],
    action,
    category ?? '',
    question,
  ]);
  const known = shapes.get(id);
  if (known) return known;
  const groups = new Map<string, { sample: Bits; on: Term[] }>();
  const dontCare: Term[] = [];
  for (const bits of allBits()) {
    if (!feasible(actor, bits, category)) {
      dontCare.push(termOf(bits));
      continue;
    }
    const decision = decideClient(actor, factsFor(actor, bits, category), action);
    const value = decision.allowed ? classify(decision.access) : undefined;
    if (value === undefined) continue;
    const k = key(value);
    const group = groups.get(k) ?? { sample: bits, on: [] };
    group.on.push(termOf(bits));
    groups.set(k, group);
  }
  // Cheap comparisons first: a term that needs the caller's organization to hold the file leads (one
  // column compared, and for the holder's own files the `or` stops there before any subquery).
  const holderFirst = (a: Term, b: Term) => Number(b[0] === '1') - Number(a[0] === '1');
  const shape = [...groups.values()].map(({ sample, on }) => ({
    sample,
    terms: minimize(on, dontCare).sort(holderFirst),
  }));
  shapes.set(id, shape);
  return shape;
}

// The combinations of facts `decideClient` allows, grouped by what `classify` makes of the access it
// grants (undefined: left out), each group as a condition over the facts' SQL expressions. `question`
// names what `classify` asks, for the cache of shapes (the same name must always mean the same question).
export function clientGroups<K>(
  actor: Actor,
  action: Action,
  classify: (access: ClientAccess) => K | undefined,
  key: (k: K) => string,
  options: PredicateOptions & { category?: ConsentCategory; question: string },
): { value: K; where: RawBuilder<boolean> }[] {
  const client = options.client ?? clientRow('c');
  const today = options.today;
  const shape = shapeOf(actor, action, classify, key, options.category, options.question);
  const user = actor.kind === 'user' ? actor : undefined;
  const literal = (fact: Fact, positive: boolean): RawBuilder<boolean> => {
    const expression = ((): RawBuilder<boolean> => {
      if (!user) return sql<boolean>`false`;
      switch (fact) {
        case 'holder':
          return sql<boolean>`${client.organizationId} = ${user.organizationId}`;
        case 'consent':
          return consentExists(client, user.organizationId, today, { purpose: options.purpose });
        case 'consentWithCategory':
          return consentExists(client, user.organizationId, today, {
            purpose: options.purpose,
            category: options.category,
          });
        case 'teamPlace':
          return teamPlaceExists(client, user.userId);
        case 'account':
          return isClientAccount(client, user.userId);
      }
    })();
    return positive ? expression : sql<boolean>`not ${expression}`;
  };
  return shape.map(({ sample, terms }) => {
    const decision = decideClient(actor, factsFor(actor, sample, options.category), action);
    const value = decision.allowed ? classify(decision.access) : undefined;
    if (value === undefined) throw new Error('access shape out of step with the rules');
    const sqlTerms = terms.map((term) => {
      const parts = term.flatMap((t, i) => (t === '-' ? [] : [literal(facts[i]!, t === '1')]));
      return parts.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(parts, sql` and `)})`;
    });
    return {
      value,
      where: sqlTerms.length === 0 ? sql<boolean>`false` : sql<boolean>`(${sql.join(sqlTerms, sql` or `)})`,
    };
  });
}

// Clients whose `reach` this actor may see through `action`, as a condition any query over `clients`
// can use: true for a row exactly when the one-record check (`accessClient`) would grant it.
export function clientVisible(
  actor: Actor,
  action: Action,
  reach: Reach,
  options: PredicateOptions,
): RawBuilder<boolean> {
  const category = categoryOf(reach);
  const [group] = clientGroups(
    actor,
    action,
    (access) => (reaches(access, reach) ? true : undefined),
    () => 'yes',
    { ...options, category, question: `reach:${reach}` },
  );
  return group ? group.where : sql<boolean>`false`;
}

// Whether the actor reaches `reach` of a file whatever the facts other than who holds it: true or false
// where knowing the holder settles it (a counsellor and their own agency's client), undefined where the
// consents, the team or the account still matter. Lets a caller skip the database for such files.
const settled = new Map<string, boolean | undefined>();

export function settledByHolder(actor: Actor, action: Action, reach: Reach, holder: boolean): boolean | undefined {
  const id = JSON.stringify([actor.kind, actor.kind === 'user' ? [...actor.roles].sort() : [], action, reach, holder]);
  if (settled.has(id)) return settled.get(id);
  const category = categoryOf(reach);
  const answers = new Set<boolean>();
  for (const bits of allBits()) {
    if (bits.holder !== holder || !feasible(actor, bits, category)) continue;
    const decision = decideClient(actor, factsFor(actor, bits, category), action);
    answers.add(decision.allowed && reaches(decision.access, reach));
  }
  const answer = answers.size === 1 ? [...answers][0] : answers.size === 0 ? false : undefined;
  settled.set(id, answer);
  return answer;
}

// Of these clients, the ids whose `reach` the actor may see (one query for a whole page of results;
// none for files whose holder settles it).
export async function clientsReached(
  db: DbOrTrx,
  actor: Actor,
  clients: readonly { id: string; organizationId: string }[],
  action: Action,
  reach: Reach,
  options: Omit<PredicateOptions, 'client'>,
): Promise<Set<string>> {
  const reached = new Set<string>();
  const open: string[] = [];
  for (const c of clients) {
    const holder = actor.kind === 'user' && c.organizationId === actor.organizationId;
    const settled = settledByHolder(actor, action, reach, holder);
    if (settled === true) reached.add(c.id);
    else if (settled === undefined) open.push(c.id);
  }
  if (open.length === 0) return reached;
  const rows = await db
    .selectFrom('clients as c')
    .select('c.id')
    .where('c.id', 'in', open)
    .where(clientVisible(actor, action, reach, options))
    .execute();
  for (const r of rows) reached.add(r.id);
  return reached;
}
