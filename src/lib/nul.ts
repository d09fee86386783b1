// PostgreSQL text cannot hold a NUL character (U+0000), and no person types one: every boundary (HTTP
// in src/server/app.ts, files the CLI reads) refuses input that holds one, naming where. The walk is
// iterative and stops at MAX_INPUT_DEPTH, so a hostile body of thousands of nested arrays cannot
// exhaust the stack (the boundary refuses such a body before anything else reads it).

export const MAX_INPUT_DEPTH = 32;

export type InputScan = { nulFields: string[]; tooDeep: boolean };

export function scanInput(value: unknown, at: string): InputScan {
  const found: string[] = [];
  let tooDeep = false;
  const stack: { value: unknown; at: string; depth: number }[] = [{ value, at, depth: 0 }];
  while (stack.length > 0 && found.length < 20) {
    const next = stack.pop()!;
    if (typeof next.value === 'string') {
      if (next.value.includes('\u0000')) found.push(next.at);
      continue;
    }
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth >= MAX_INPUT_DEPTH) {
      tooDeep = true;
      continue;
    }
    const entries = Array.isArray(next.value)
      ? next.value.map((item, i) => [String(i), item] as const)
      : Object.entries(next.value);
    for (const [key, item] of entries.reverse()) {
      if (key.includes('\u0000')) found.push(`${next.at}.${key.replaceAll('\u0000', '\\u0000')}`);
      else stack.push({ value: item, at: `${next.at}.${key}`, depth: next.depth + 1 });
    }
  }
  return { nulFields: found, tooDeep };
}

// The paths (`body.goals.0.description`) of the strings, and keys, that hold a NUL character.
export function nulFields(value: unknown, at: string): string[] {
  return scanInput(value, at).nulFields;
}
