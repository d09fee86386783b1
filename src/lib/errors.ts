import type { Db } from '../db/database.ts';

export type ErrorCode =
  | 'not_found'
  | 'invalid'
  | 'conflict'
  | 'unauthenticated'
  | 'forbidden'
  | 'rate_limited'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'internal';

// `code`: a stable, machine-readable reason for this field (zod's issue code for a validation error,
// or the rule's own, e.g. `sin_not_allowed`); the web UI translates it, never the English message.
export type FieldIssue = { field: string; message: string; code?: string };

// A denial to record in the audit log. It is written after the request's transaction has rolled
// back, so the record of the attempt survives the failed attempt.
export type PendingAudit = { write: (db: Db) => Promise<void> };

export class AppError extends Error {
  audit: PendingAudit | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldIssue[] = [],
    // For rate_limited: sent as the Retry-After header.
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  // A stable, machine-readable reason within the code (docs/api.md, "Reason codes"), e.g.
  // `consent_holder` for an invalid consent naming the holding agency; defaults to the code.
  reason: string | undefined;

  withReason(reason: string): this {
    this.reason = reason;
    return this;
  }
}

const statusByCode: Record<ErrorCode, number> = {
  not_found: 404,
  invalid: 400,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
  internal: 500,
};

const titleByCode: Record<ErrorCode, string> = {
  not_found: 'Not found',
  invalid: 'Invalid request',
  conflict: 'Conflict',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  rate_limited: 'Too many requests',
  payload_too_large: 'Request too large',
  unsupported_media_type: 'Unsupported media type',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
};

export function statusFor(code: ErrorCode): number {
  return statusByCode[code];
}

// RFC 9457 problem details. `type` is a stable URN per code so clients can branch on it.
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  reason: string;
  instance?: string;
  requestId: string;
  errors?: FieldIssue[];
};

export function toProblem(error: AppError, requestId: string, instance?: string): Problem {
  return {
    type: `urn:continuum:problem:${error.code}`,
    title: titleByCode[error.code],
    status: statusByCode[error.code],
    detail: error.message,
    code: error.code,
    reason: error.reason ?? error.code,
    ...(instance ? { instance } : {}),
    requestId,
    ...(error.fields.length > 0 ? { errors: error.fields } : {}),
  };
}
