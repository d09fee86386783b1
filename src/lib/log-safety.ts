// What an error may say in a log line. Log lines leave the system (to a terminal, a file, a log
// service) without the access rules, so they carry no personal information:
// - PostgreSQL errors: the SQLSTATE, the table, column and constraint, and the message with every
//   quoted value replaced ("Failing row contains (...)" in `detail` is never logged);
// - validation errors (zod): the paths and codes of the issues, never their messages, which quote input;
// - other errors: their class, message and stack, which come from our code, not from input.
export type LoggedError = {
  type: string;
  message: string;
  // Only the frames (`at …` lines); empty when the error has none.
  stack: string;
  code?: string;
  table?: string;
  column?: string;
  constraint?: string;
  issues?: { path: string; code: string }[];
};

const QUOTED = /"(?:[^"\\]|\\.)*"/g;

function isDatabaseError(error: Record<string, unknown>): boolean {
  // pg's DatabaseError and PGlite's both carry a five-character SQLSTATE and a severity.
  return typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code) && typeof error.severity === 'string';
}

// The frames of a stack without its first line (which repeats the message).
function framesOf(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.join('\n') : undefined;
}

export function serializeErrorForLog(error: unknown): LoggedError {
  if (typeof error !== 'object' || error === null)
    return { type: typeof error, message: 'a thrown non-error value', stack: '' };
  const e = error as Record<string, unknown>;
  const type = typeof e.name === 'string' ? e.name : (error.constructor?.name ?? 'Error');
  const frames = framesOf(e.stack);
  if (isDatabaseError(e)) {
    const pick = (key: 'table' | 'column' | 'constraint') => (typeof e[key] === 'string' ? { [key]: e[key] } : {});
    return {
      type: 'DatabaseError',
      code: e.code as string,
      message: String(e.message).replace(QUOTED, '"…"'),
      ...pick('table'),
      ...pick('column'),
      ...pick('constraint'),
      stack: frames ?? '',
    };
  }
  if (type === 'ZodError' && Array.isArray(e.issues)) {
    const issues = (e.issues as { path?: unknown[]; code?: unknown }[]).map((issue) => ({
      path: (issue.path ?? []).map(String).join('.'),
      code: String(issue.code),
    }));
    return { type, message: 'a value failed validation', issues, stack: frames ?? '' };
  }
  const cause = e.cause !== undefined ? ` (cause: ${serializeErrorForLog(e.cause).message})` : '';
  return {
    type,
    message: `${typeof e.message === 'string' ? e.message : ''}${cause}`,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    stack: frames ?? '',
  };
}

// The same, as text for a terminal: "TypeError: message" and the frames.
export function formatErrorForLog(error: unknown): string {
  const logged = serializeErrorForLog(error);
  const where = [logged.code, logged.table, logged.column, logged.constraint].filter(Boolean).join(', ');
  const issues = logged.issues?.map((i) => `${i.path || '(root)'}: ${i.code}`).join('; ');
  return [`${logged.type}: ${logged.message}${where ? ` (${where})` : ''}${issues ? ` [${issues}]` : ''}`, logged.stack]
    .filter(Boolean)
    .join('\n');
}
