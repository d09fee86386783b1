import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Actor } from '../access/actor.ts';
import { isAction, type Action } from '../access/permissions.ts';
import { defaultSessionPolicy, type SessionPolicy } from '../domain/accounts/account.service.ts';
import { registerAuth } from './auth.ts';
import { answerSerializerCompiler } from './answer-serializer.ts';
import type { DatabaseHandle, Db, Engine } from '../db/database.ts';
import { AppError, statusFor, toProblem, type FieldIssue } from '../lib/errors.ts';
import { registerRoutes } from './routes.ts';
import { securityHeaders } from './security-headers.ts';
import { DEFAULT_DECISION_CACHE_SIZE, DEFAULT_TIME_ZONE } from './config.ts';
import { APP_VERSION } from '../lib/version.ts';
import { serializeErrorForLog } from '../lib/log-safety.ts';
import { MAX_PATH_PARAM_LENGTH } from '../lib/params.ts';
import { MAX_INPUT_DEPTH, scanInput } from '../lib/nul.ts';
import { createSecretBox, type SecretBox } from '../lib/secret-box.ts';
import { readClock, systemClock, type Clock, type Moment } from '../lib/clock.ts';
import { getTransferPolicy, type TransferPolicy } from '../domain/transfers/transfer-policy.ts';
import { getReferralPolicy, type ReferralPolicy } from '../domain/referrals/referral-policy.ts';
import { getDecentWorkModel } from '../domain/jobs/decent-work.ts';
import type { DecentWorkModel } from '../domain/jobs/decent-work-model.ts';
import { getMatchModel } from '../domain/matching/match.ts';
import { getProgramMatchModel, type ProgramMatchModel } from '../domain/matching/program-match.ts';
import type { MatchModel } from '../domain/matching/match-model.ts';
import { pagePaths } from '../web/page-paths.ts';

// Each route declares the one action of docs/permissions.md it takes (src/access/permissions.ts).
export type Permission = Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    // Every API route declares who may call it; the trust layer enforces it.
    permission?: Permission;
    // Open to a user who must still set up two-step sign-in (enrolment, session, sign-out).
    duringMfaEnrolment?: boolean;
    // GET routes: the most SQL statements one authorized request may send, the session's included
    // (src/server/statement-budget.int.test.ts measures every GET route against it).
    statements?: number;
  }
  interface FastifyRequest {
    actor: Actor;
    // The clock read once as the request arrives: every rule and query of the request uses this
    // `now`, `today` (in the city's zone) and zone, so one request never straddles midnight.
    moment: Moment;
  }
  interface FastifyInstance {
    db: Db;
    engine: Engine;
    sessionPolicy: SessionPolicy;
    cookieSecure: boolean;
    publicUrl: string;
    secretBox: SecretBox;
    clock: Clock;
    // The transfer policy in force (TRANSFER_POLICY): the release limit, recorded on each transfer.
    transferPolicy: TransferPolicy;
    // The referral policy in force (REFERRAL_POLICY): the deadlines recorded on each referral.
    referralPolicy: ReferralPolicy;
    // The decent-work scorecard in force (DECENT_WORK_MODEL): scores new and changed job orders.
    decentWorkModel: DecentWorkModel;
    // The matching model in force (MATCH_MODEL).
    matchModel: MatchModel;
    // The program-matching model in force (PROGRAM_MATCH_MODEL).
    programMatchModel: ProgramMatchModel;
    // Every API route with its declared permission (the route-permission snapshot test reads it).
    routePermissions: { method: string; url: string; permission: Permission }[];
    // Every API route's statement budget, where it declares one (config.statements).
    statementBudgets: Map<string, number>;
  }
}

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type AppOptions = {
  database: DatabaseHandle;
  bodyLimitBytes?: number;
  logLevel?: string;
  // Directory of the built web UI; when absent the server answers the API only.
  webDir?: string | undefined;
  sessionPolicy?: SessionPolicy;
  // Secure cookies need HTTPS (browsers also accept them on http://localhost).
  cookieSecure?: boolean;
  trustProxyHops?: number;
  // Base of links sent by e-mail.
  publicUrl?: string;
  // Per signed-in user; 0 turns the limit off.
  requestsPerMinute?: number;
  // How many client-page decisions each process keeps as guesses (src/server/decision-cache.ts); 0: none.
  decisionCacheSize?: number;
  // Where `now` and `today` come from: the system clock in TIME_ZONE for the server; tests pass a
  // fixed clock (src/lib/clock.ts) instead of ageing rows.
  clock?: Clock;
  // The version of src/domain/transfers/policies/ in force (default: the default policy).
  transferPolicyVersion?: string;
  // The version of src/domain/referrals/policies/ in force (default: the default policy).
  referralPolicyVersion?: string;
  decentWorkModelVersion?: string;
  matchModelVersion?: string;
  programMatchModelVersion?: string;
  // Where log lines go (tests read them); standard output by default.
  logStream?: { write: (line: string) => void };
  // The key sealing two-step secrets (src/lib/secret-box.ts). startServer always passes the
  // configured one; without it (tests, benchmarks) a key lives for this process only.
  secretsKey?: Buffer;
};

const pagePatterns = pagePaths.map((p) => new RegExp(`^${p.replace(/:[a-zA-Z]+/g, '[^/]+').replace(/\/$/, '')}/?$`));

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export async function buildApp(options: AppOptions): Promise<AppInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      // No personal information in a log line: an error says where, never which values (src/lib/log-safety.ts).
      serializers: { err: serializeErrorForLog },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    logController: new LogController({ disableRequestLogging: true }),
    // An id longer than any of ours is still an id that matches nothing (see frameworkErrors).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PATH_PARAM_LENGTH },
    // The router's own refusals answer problem+json like every other error, and never echo the address.
    frameworkErrors: answerFrameworkError,
    // Trust the nearest N proxies for the client's address (as proxy-addr does with a hop count).
    ...(options.trustProxyHops
      ? { trustProxy: (_address: string, hop: number) => hop < (options.trustProxyHops ?? 0) }
      : {}),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(answerSerializerCompiler);
  app.decorate('db', options.database.db);
  app.decorate('engine', options.database.engine);
  app.decorate('sessionPolicy', options.sessionPolicy ?? defaultSessionPolicy);
  app.decorate('cookieSecure', options.cookieSecure ?? true);
  app.decorate('publicUrl', options.publicUrl ?? 'http://localhost:3000');
  app.decorate('clock', options.clock ?? systemClock(DEFAULT_TIME_ZONE));
  app.decorate('transferPolicy', getTransferPolicy(options.transferPolicyVersion));
  app.decorate('referralPolicy', getReferralPolicy(options.referralPolicyVersion));
  app.decorate('decentWorkModel', getDecentWorkModel(options.decentWorkModelVersion));
  app.decorate('matchModel', getMatchModel(options.matchModelVersion));
  app.decorate('programMatchModel', getProgramMatchModel(options.programMatchModelVersion));
  app.decorateRequest('moment', null as unknown as Moment);
  app.decorate('secretBox', createSecretBox(options.secretsKey ?? crypto.randomBytes(32)));

  app.decorate('routePermissions', []);
  app.decorate('statementBudgets', new Map<string, number>());
  app.addHook('onRoute', (route) => {
    const url = route.url;
    // The API and the public HSDS exchange (/hsds/) declare their permissions alike.
    const isApiRoute =
      (url.startsWith('/api/') && !url.startsWith('/api/docs')) || url === '/hsds' || url.startsWith('/hsds/');
    if (!isApiRoute) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${route.method} ${url} declares no permission (config.permission).`);
    if (!isAction(permission))
      throw new Error(
        `Route ${route.method} ${url} declares ${String(permission)}, which is no action of src/access/permissions.ts.`,
      );
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routePermissions.push({ method, url, permission });
      if (method !== 'HEAD' && route.config?.statements !== undefined)
        app.statementBudgets.set(`${method} ${url}`, route.config.statements);
    }
  });

  // Every answer: the request's clock, its id, the security headers (worked out once), and no-store
  // on API answers, which may carry personal information (never kept by browsers or proxies).
  app.addHook('onRequest', (request, reply, done) => {
    request.moment = readClock(app.clock);
    void reply.headers(securityHeaders);
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    done();
  });

  // A NUL character has no place in any text we keep (PostgreSQL refuses it), and no form nests deeper
  // than a few levels: both refused at the boundary, for every route, after the sign-in check and
  // before validation (src/lib/nul.ts).
  app.addHook('preValidation', (request, _reply, done) => {
    const scans = [
      scanInput(request.params, 'params'),
      scanInput(request.query, 'querystring'),
      scanInput(request.body, 'body'),
    ];
    if (scans.some((scan) => scan.tooDeep)) {
      done(
        new AppError(
          'invalid',
          `The request nests deeper than ${MAX_INPUT_DEPTH} levels, which no field needs.`,
        ).withReason('too_deep'),
      );
      return;
    }
    const fields = scans.flatMap((scan) => scan.nulFields);
    if (fields.length > 0) {
      done(
        new AppError(
          'invalid',
          `The request holds a NUL character (\\u0000), which no field accepts: ${fields.join(', ')}.`,
          fields.map((field) => ({ field, message: 'must not contain a NUL character', code: 'nul_character' })),
        ).withReason('nul_character'),
      );
      return;
    }
    done();
  });

  // One line per request at level info (a quieter level has no hook at all).
  if (['trace', 'debug', 'info'].includes(options.logLevel ?? 'info'))
    app.addHook('onResponse', (request, reply, done) => {
      request.log.info(
        {
          method: request.method,
          url: request.routeOptions.url ?? 'unmatched',
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
      done();
    });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.audit) {
      await appError.audit
        .write(app.db)
        .catch((auditError: unknown) => request.log.error({ err: auditError }, 'could not audit a denial'));
    }
    if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    if (appError.retryAfterSeconds !== undefined) void reply.header('retry-after', String(appError.retryAfterSeconds));
    return reply
      .status(statusFor(appError.code))
      .type('application/problem+json')
      .send(toProblem(appError, request.id, request.url.split('?')[0]));
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Continuum API',
        description: 'One employment service system for a city. Errors are RFC 9457 problem+json.',
        version: APP_VERSION,
      },
      tags: [
        { name: 'system', description: 'Health and metadata' },
        { name: 'directory', description: 'Organizations and sites of the employment service system' },
        { name: 'auth', description: 'Sign-in, sessions and sign-out' },
        { name: 'users', description: 'User administration' },
        { name: 'audit', description: 'The audit log' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  // The interactive page is a developer tool (exempt from the French and axe rules).
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { config: { permission: 'system.api_docs' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await registerAuth(app, {
    policy: app.sessionPolicy,
    cookieSecure: app.cookieSecure,
    requestsPerMinute: options.requestsPerMinute ?? 600,
    decisionCacheSize: options.decisionCacheSize ?? DEFAULT_DECISION_CACHE_SIZE,
  });
  registerRoutes(app);

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      // Our own cache headers below; the plugin's default would override them.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Vite fingerprints assets, so they can be cached for good; the page itself is not.
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const isApi =
      pathname === '/api' || pathname.startsWith('/api/') || pathname === '/hsds' || pathname.startsWith('/hsds/');
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !isApi;
    if (hasWeb && wantsPage && !path.extname(pathname) && !pathname.split('/').some((s) => s.startsWith('.'))) {
      // The web UI routes in the browser: page paths answer the app shell, and so do unknown
      // paths (the shell shows "page not found"), but with a 404 status.
      const known = pagePatterns.some((pattern) => pattern.test(pathname));
      return reply
        .status(known ? 200 : 404)
        .header('cache-control', 'no-cache')
        .sendFile('index.html', { cacheControl: false });
    }
    return reply
      .status(404)
      .type('application/problem+json')
      .send(toProblem(new AppError('not_found', `No route for ${request.method} ${pathname}.`), request.id, pathname));
  });

  return app;
}

// The router's own refusals (a malformed percent-encoding, a path parameter longer than any id) answer
// problem+json like every other error, and never echo the address.
function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const appError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('not_found', 'Not found.')
      : error.code === 'FST_ERR_BAD_URL'
        ? new AppError(
            'invalid',
            'The address is not valid: a % sign must be followed by two hexadecimal digits.',
          ).withReason('bad_url')
        : new AppError('internal', 'Something went wrong on the server. Quote the request id if you report it.');
  if (appError.code === 'internal') request.log.error({ err: error }, 'router error');
  void reply
    .status(statusFor(appError.code))
    .header('x-request-id', request.id)
    .header('cache-control', 'no-store')
    .type('application/problem+json')
    .send(toProblem(appError, request.id));
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'request';
    const parts: Record<string, string> = {
      body: 'request body',
      querystring: 'query string',
      params: 'path',
      headers: 'headers',
    };
    const part = parts[where] ?? where;
    const fields: FieldIssue[] = error.validation.map((v) => {
      const segments = v.instancePath.split('/').filter((p) => p !== '');
      const field = [where, ...segments].join('.');
      const keys = (v.params as { keys?: unknown }).keys;
      if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
        return { field, message: `unknown field(s): ${keys.join(', ')}`, code: 'unrecognized_keys' };
      }
      // A rule of our own names its reason in the refinement's params; zod's own checks give its issue code.
      const reason = (v.params as { params?: { reason?: unknown } }).params?.reason;
      return { field, message: v.message ?? 'is not valid', code: typeof reason === 'string' ? reason : v.keyword };
    });
    const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return new AppError('invalid', `The ${part} is not valid: ${summary}`, fields).withReason('validation');
  }
  if (isResponseSerializationError(error)) return new AppError('internal', 'The server could not form its answer.');
  // A unique constraint that a concurrent request won between our check and our insert.
  if (error.code === '23505')
    return new AppError('conflict', 'That already exists; reload and try again.').withReason('already_exists');
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is larger than this server accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the request body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid', 'The request body is empty; send a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('invalid', 'The request body is not valid JSON.');
    default:
      break;
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new AppError('invalid', 'The request body is not valid JSON.');
  }
  if (error.statusCode === 404) return new AppError('not_found', 'Not found.');
  if (error.statusCode === 413)
    return new AppError('payload_too_large', 'The request is larger than this server accepts.');
  if (error.statusCode === 415) return new AppError('unsupported_media_type', 'Unsupported media type.');
  if (error.statusCode === 429) return new AppError('rate_limited', 'Too many requests; try again later.');
  return new AppError('internal', 'Something went wrong on the server. Quote the request id if you report it.');
}
