import path from 'node:path';
import { z } from 'zod';
import { roleSchema, roles, type Role } from '../domain/accounts/account.ts';
import { defaultDecentWorkModel, findDecentWorkModel, listDecentWorkModels } from '../domain/jobs/decent-work.ts';
import { defaultMatchModel, findMatchModel, listMatchModels } from '../domain/matching/match.ts';
import {
  defaultProgramMatchModel,
  findProgramMatchModel,
  listProgramMatchModels,
} from '../domain/matching/program-match.ts';
import {
  defaultReferralPolicyVersion,
  findReferralPolicy,
  listReferralPolicies,
} from '../domain/referrals/referral-policy.ts';
import {
  defaultTransferPolicyVersion,
  findTransferPolicy,
  listTransferPolicies,
} from '../domain/transfers/transfer-policy.ts';
import { isTimeZone } from '../lib/clock.ts';

// The city Continuum was built for; a deployment elsewhere sets TIME_ZONE. The one place the zone is named.
export const DEFAULT_TIME_ZONE = 'America/Toronto';
export const DEFAULT_DECISION_CACHE_SIZE = 10_000;

// Every environment variable Continuum reads is declared here (and listed in the README).
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  CONTINUUM_DATA_DIR: z.string().min(1).default('./data/continuum'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Continuum <no-reply@continuum.local>'),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  OVERDUE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(300000),
  // off: this process serves requests only and runs no sweeps (the outbox, overdue tasks); another
  // process must run them. For a web process beside a worker, or a benchmark that must not write.
  BACKGROUND_SWEEPS: z.enum(['on', 'off']).default('on'),
  // The city's IANA time zone: where "today" is decided for due dates, consents and overdue work.
  TIME_ZONE: z
    .string()
    .refine(isTimeZone, {
      error: (issue) => `${String(issue.input)} is not an IANA time zone (e.g. ${DEFAULT_TIME_ZONE})`,
    })
    .default(DEFAULT_TIME_ZONE),
  // The transfer policy in force (src/domain/transfers/policies/): the release limit, as versioned data.
  TRANSFER_POLICY: z.string().min(1).default(defaultTransferPolicyVersion),
  REFERRAL_POLICY: z.string().min(1).default(defaultReferralPolicyVersion),
  DECENT_WORK_MODEL: z.string().min(1).default(defaultDecentWorkModel),
  MATCH_MODEL: z.string().min(1).default(defaultMatchModel),
  PROGRAM_MATCH_MODEL: z.string().min(1).default(defaultProgramMatchModel),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  COOKIE_SECURE: z.enum(['true', 'false']).default('true'),
  // Behind a reverse proxy: how many proxy hops to trust for the client's address (X-Forwarded-For).
  // The address people use to reach Continuum, for links in e-mail (default http://localhost:PORT).
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  USER_REQUESTS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  // Client-page decisions each server process keeps as guesses that one statement confirms (0: none).
  DECISION_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_DECISION_CACHE_SIZE),
  // Roles that must use two-step sign-in (comma-separated), e.g. system_administrator,agency_manager.
  MFA_REQUIRED_ROLES: z.string().default(''),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // 32 bytes (64 hex digits or base64) sealing two-step secrets; default: <data dir>/secrets.key.
  SECRETS_KEY: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  outboxIntervalMs: number;
  overdueSweepIntervalMs: number;
  backgroundSweeps: boolean;
  timeZone: string;
  transferPolicyVersion: string;
  // The referral policy in force (src/domain/referrals/policies/): the deadlines to answer and to start.
  referralPolicyVersion: string;
  // The decent-work scorecard in force (src/domain/jobs/decent-work-models/): new and changed job orders.
  decentWorkModelVersion: string;
  // The matching model in force (src/domain/matching/match-models/).
  matchModelVersion: string;
  programMatchModelVersion: string;
  bodyLimitBytes: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  databasePoolSize: number;
  session: { idleMinutes: number; absoluteHours: number };
  cookieSecure: boolean;
  trustProxyHops: number;
  publicUrl: string;
  mfaRequiredRoles: Role[];
  userRequestsPerMinute: number;
  decisionCacheSize: number;
  secretsKey: string | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const mfaRoles = z.array(roleSchema).safeParse(
    e.MFA_REQUIRED_ROLES.split(',')
      .map((r) => r.trim())
      .filter((r) => r !== ''),
  );
  if (!mfaRoles.success) {
    throw new ConfigError(`Invalid configuration:\n  MFA_REQUIRED_ROLES: give roles among ${roles.join(', ')}`);
  }
  // Replaced by TRANSFER_POLICY in issue 9: a number in the environment would decide transfers
  // without naming the policy it came from.
  const transferPolicies = listTransferPolicies()
    .map((p) => p.version)
    .join(', ');
  if (cleaned.TRANSFER_RELEASE_DAYS !== undefined) {
    throw new ConfigError(
      `Invalid configuration:\n  TRANSFER_RELEASE_DAYS: no longer read; the release limit is versioned policy data: set TRANSFER_POLICY (${transferPolicies})`,
    );
  }
  if (!findTransferPolicy(e.TRANSFER_POLICY)) {
    throw new ConfigError(
      `Invalid configuration:\n  TRANSFER_POLICY: no policy ${e.TRANSFER_POLICY}; available: ${transferPolicies}`,
    );
  }
  if (!findReferralPolicy(e.REFERRAL_POLICY)) {
    const referralPolicies = listReferralPolicies()
      .map((p) => p.version)
      .join(', ');
    throw new ConfigError(
      `Invalid configuration:\n  REFERRAL_POLICY: no policy ${e.REFERRAL_POLICY}; available: ${referralPolicies}`,
    );
  }
  if (!findDecentWorkModel(e.DECENT_WORK_MODEL)) {
    const available = listDecentWorkModels()
      .map((m) => m.version)
      .join(', ');
    throw new ConfigError(
      `Invalid configuration:\n  DECENT_WORK_MODEL: no model ${e.DECENT_WORK_MODEL}; available: ${available}`,
    );
  }
  if (!findMatchModel(e.MATCH_MODEL)) {
    const available = listMatchModels()
      .map((m) => m.version)
      .join(', ');
    throw new ConfigError(`Invalid configuration:\n  MATCH_MODEL: no model ${e.MATCH_MODEL}; available: ${available}`);
  }
  if (!findProgramMatchModel(e.PROGRAM_MATCH_MODEL)) {
    const available = listProgramMatchModels()
      .map((m) => m.version)
      .join(', ');
    throw new ConfigError(
      `Invalid configuration:\n  PROGRAM_MATCH_MODEL: no model ${e.PROGRAM_MATCH_MODEL}; available: ${available}`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.CONTINUUM_DATA_DIR),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
    overdueSweepIntervalMs: e.OVERDUE_SWEEP_INTERVAL_MS,
    backgroundSweeps: e.BACKGROUND_SWEEPS === 'on',
    timeZone: e.TIME_ZONE,
    transferPolicyVersion: e.TRANSFER_POLICY,
    referralPolicyVersion: e.REFERRAL_POLICY,
    decentWorkModelVersion: e.DECENT_WORK_MODEL,
    matchModelVersion: e.MATCH_MODEL,
    programMatchModelVersion: e.PROGRAM_MATCH_MODEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    logLevel: e.LOG_LEVEL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    cookieSecure: e.COOKIE_SECURE === 'true',
    trustProxyHops: e.TRUST_PROXY_HOPS,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    mfaRequiredRoles: mfaRoles.data,
    userRequestsPerMinute: e.USER_REQUESTS_PER_MINUTE,
    decisionCacheSize: e.DECISION_CACHE_SIZE,
    secretsKey: e.SECRETS_KEY,
  };
}
