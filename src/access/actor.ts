// Who is acting. The trust-layer issue adds signed-in users with roles; until then the only
// actors are the anonymous public (reading the public directory) and named system actors (CLI, sweeps).
export type Actor = { kind: 'anonymous' } | { kind: 'system'; name: string };

export const anonymous: Actor = { kind: 'anonymous' };

export function systemActor(name: string): Actor {
  return { kind: 'system', name };
}
