import type { UserActor } from './actor.ts';

// A decision made again on the same actor object gives the same answer: `decideClient`, `clientCan` and
// the audit reason are pure functions of the actor (with the client's facts it carries) and the
// purpose. The client page on a guess (src/server/decision-cache.ts) keeps one actor object for as long
// as the session and facts read back have the digest it was decided on, so its decision is worked out
// once per guess instead of on every read. Nothing here outlives the actor object (a WeakMap), and a
// new digest makes a new actor: a changed consent, role or session is decided afresh.
const memos = new WeakMap<UserActor, Map<string, unknown>>();

export function onceForActor<T>(actor: UserActor, key: string, make: () => T): T {
  let memo = memos.get(actor);
  if (!memo) {
    memo = new Map();
    memos.set(actor, memo);
  }
  if (memo.has(key)) return memo.get(key) as T;
  const value = make();
  memo.set(key, value);
  return value;
}
