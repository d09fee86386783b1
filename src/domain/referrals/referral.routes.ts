import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import { idParams as clientIdParams, pathId } from '../../lib/params.ts';
import type { AppInstance } from '../../server/app.ts';
import {
  newReferralSchema,
  referralDetailSchema,
  referralIssueSchema,
  referralListQuerySchema,
  referralRatingSchema,
  referralSchema,
  referralStepSchema,
  specialistQuerySchema,
  specialistSchema,
} from './referral.ts';
import {
  findSpecialists,
  getReferral,
  listAgencyReferrals,
  listClientReferrals,
  rateReferral,
  referralIssue,
  sendReferral,
  stepReferral,
} from './referral.service.ts';
import { candidatesQuerySchema, candidatesSchema } from './recruitment.ts';
import { programCandidates } from './recruitment.service.ts';

const referralParams = z.strictObject({ referralId: pathId });

export function referralRoutes(app: AppInstance): void {
  // The request's moment, and the referral policy in force (REFERRAL_POLICY), which each referral records.
  const ctx = (request: FastifyRequest) => ({ requestId: request.id, ...request.moment, policy: app.referralPolicy });
  app.post(
    '/api/clients/:id/referrals',
    {
      config: { permission: 'referral.create' },
      schema: {
        tags: ['referrals'],
        summary:
          "Refer the client to a program or a named specialist (checks the program's intake and ages, and the client's consent, recorded in the same step when missing)",
        params: clientIdParams,
        body: newReferralSchema,
        response: { 201: referralSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(app.db, (trx) =>
            sendReferral(trx, request.actor, request.params.id, request.body, ctx(request)),
          ),
        ),
  );
  app.get(
    '/api/clients/:id/referrals',
    {
      config: { permission: 'client.read', statements: 6 },
      schema: {
        tags: ['referrals'],
        summary:
          "A client's referrals, newest first: all of them for the agency holding the file and the client, those it sent or received for another agency reaching the file",
        params: clientIdParams,
        response: { 200: listEnvelopeSchema(referralSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) => listClientReferrals(trx, request.actor, request.params.id, ctx(request))),
  );
  app.get(
    '/api/referrals/specialists',
    {
      config: { permission: 'referral.create', statements: 5 },
      schema: {
        tags: ['referrals'],
        summary:
          "Find a named specialist to refer a client to: active staff of other agencies who take referrals, by words in their name or their agency's, or by agency (names, roles and agencies only)",
        querystring: specialistQuerySchema,
        response: { 200: listEnvelopeSchema(specialistSchema) },
      },
    },
    async (request) => withTransaction(app.db, (trx) => findSpecialists(trx, request.actor, request.query, request.id)),
  );
  app.get(
    '/api/services/:id/candidates',
    {
      config: { permission: 'referral.create', statements: 5 },
      schema: {
        tags: ['referrals'],
        summary:
          "Recruitment: the program's eligibility, and the clients you may refer (your case teams, or your agency's files) who fit it, best fit first, with the reasons",
        params: clientIdParams,
        querystring: candidatesQuerySchema,
        response: { 200: candidatesSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        programCandidates(trx, request.actor, request.params.id, request.query, ctx(request)),
      ),
  );
  app.get(
    '/api/referrals',
    {
      config: { permission: 'referral.read', statements: 5 },
      schema: {
        tags: ['referrals'],
        summary:
          "Your agency's referral inbox (sent to it) or outbox (sent by it), with the client's name where your access shows it; a client's own referrals from their account",
        querystring: referralListQuerySchema,
        response: { 200: listEnvelopeSchema(referralSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) => listAgencyReferrals(trx, request.actor, request.query, ctx(request))),
  );
  app.get(
    '/api/referrals/:referralId',
    {
      config: { permission: 'referral.read', statements: 7 },
      schema: {
        tags: ['referrals'],
        summary: 'One referral: where it stands, its history, the fit ratings, and the steps you may take next',
        params: referralParams,
        response: { 200: referralDetailSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) => getReferral(trx, request.actor, request.params.referralId, ctx(request))),
  );
  app.post(
    '/api/referrals/:referralId/status',
    {
      config: { permission: 'referral.respond' },
      schema: {
        tags: ['referrals'],
        summary:
          'Move the referral on: the receiving agency receives, accepts, declines or waitlists it and records the service; the sender may withdraw',
        params: referralParams,
        body: referralStepSchema,
        response: { 200: referralDetailSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        stepReferral(trx, request.actor, request.params.referralId, request.body, ctx(request)),
      ),
  );
  app.post(
    '/api/referrals/:referralId/issues',
    {
      config: { permission: 'referral.respond' },
      schema: {
        tags: ['referrals'],
        summary: 'Raise an issue on the referral, or resolve the open one (either agency)',
        params: referralParams,
        body: referralIssueSchema,
        response: { 200: referralDetailSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        referralIssue(trx, request.actor, request.params.referralId, request.body, ctx(request)),
      ),
  );
  app.put(
    '/api/referrals/:referralId/rating',
    {
      config: { permission: 'referral.rate' },
      schema: {
        tags: ['referrals'],
        summary: 'Rate how well the referral fit (the receiving worker, or the client from their account)',
        params: referralParams,
        body: referralRatingSchema,
        response: { 200: referralDetailSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        rateReferral(trx, request.actor, request.params.referralId, request.body, ctx(request)),
      ),
  );
}
