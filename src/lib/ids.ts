const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A malformed id is simply an id that matches nothing: callers answer 404, as for a random one.
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
