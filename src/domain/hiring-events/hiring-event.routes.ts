import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import { idParams, pathId } from '../../lib/params.ts';
import type { AppInstance } from '../../server/app.ts';
import {
  hiringEventListQuerySchema,
  hiringEventPatchSchema,
  hiringEventSchema,
  hiringEventSummarySchema,
  newHiringEventSchema,
  newRegistrationSchema,
  participationSchema,
  registrationListQuerySchema,
  registrationPatchSchema,
  registrationSchema,
} from './hiring-event.ts';
import {
  createHiringEvent,
  getHiringEvent,
  listClientRegistrations,
  listEventRegistrations,
  listHiringEvents,
  registerClient,
  removeParticipation,
  setParticipation,
  updateHiringEvent,
  updateRegistrationOf,
} from './hiring-event.service.ts';

const eventParams = z.strictObject({ eventId: pathId });
const participantParams = z.strictObject({ eventId: pathId, employerId: pathId });
const registrationParams = z.strictObject({ eventId: pathId, registrationId: pathId });

// Employer events from the API (docs/hiring-events.md).
export function hiringEventRoutes(app: AppInstance): void {
  const ctx = (request: FastifyRequest) => ({ requestId: request.id, ...request.moment });
  app.get(
    '/api/hiring-events',
    {
      config: { permission: 'event.read', statements: 3 },
      schema: {
        tags: ['hiring events'],
        summary:
          'Job fairs, hiring events, networking and information sessions: those to come (soonest first), past or all',
        querystring: hiringEventListQuerySchema,
        response: { 200: listEnvelopeSchema(hiringEventSummarySchema) },
      },
    },
    async (request) => listHiringEvents(app.db, request.actor, request.query, ctx(request)),
  );
  app.get(
    '/api/hiring-events/:eventId',
    {
      config: { permission: 'event.read', statements: 4 },
      schema: {
        tags: ['hiring events'],
        summary:
          "One event: the employers taking part and the job orders they bring (for staff; an employer its own), its results for those who keep it, your agency's registrations counted",
        params: eventParams,
        response: { 200: hiringEventSchema },
      },
    },
    async (request) => getHiringEvent(app.db, request.actor, request.params.eventId, ctx(request)),
  );
  app.post(
    '/api/hiring-events',
    {
      config: { permission: 'event.manage' },
      schema: {
        tags: ['hiring events'],
        summary: 'List an event your organization hosts',
        body: newHiringEventSchema,
        response: { 201: hiringEventSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(app.db, (trx) => createHiringEvent(trx, request.actor, request.body, ctx(request))),
        ),
  );
  app.patch(
    '/api/hiring-events/:eventId',
    {
      config: { permission: 'event.manage' },
      schema: {
        tags: ['hiring events'],
        summary:
          'Change an event, mark it held once it has started, or cancel it (the workers who registered clients and the employers taking part are told)',
        params: eventParams,
        body: hiringEventPatchSchema,
        response: { 200: hiringEventSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        updateHiringEvent(trx, request.actor, request.params.eventId, request.body, ctx(request)),
      ),
  );
  app.put(
    '/api/hiring-events/:eventId/employers/:employerId',
    {
      config: { permission: 'event.manage' },
      schema: {
        tags: ['hiring events'],
        summary:
          "An employer takes part, with exactly these of its open job orders on offer (the event's keepers, or the employer's own staff); an employer put in by an agency is told",
        params: participantParams,
        body: participationSchema,
        response: { 200: hiringEventSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        setParticipation(
          trx,
          request.actor,
          request.params.eventId,
          request.params.employerId,
          request.body,
          ctx(request),
        ),
      ),
  );
  app.delete(
    '/api/hiring-events/:eventId/employers/:employerId',
    {
      config: { permission: 'event.manage' },
      schema: {
        tags: ['hiring events'],
        summary: 'An employer no longer takes part (before the event)',
        params: participantParams,
        response: { 200: hiringEventSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        removeParticipation(trx, request.actor, request.params.eventId, request.params.employerId, ctx(request)),
      ),
  );
  app.get(
    '/api/hiring-events/:eventId/registrations',
    {
      config: { permission: 'event.register', statements: 7 },
      schema: {
        tags: ['hiring events'],
        summary: "Your agency's registrations for the event, each client named where their file would name them",
        params: eventParams,
        querystring: registrationListQuerySchema,
        response: { 200: listEnvelopeSchema(registrationSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listEventRegistrations(trx, request.actor, request.params.eventId, request.query, ctx(request)),
      ),
  );
  app.patch(
    '/api/hiring-events/:eventId/registrations/:registrationId',
    {
      config: { permission: 'event.register' },
      schema: {
        tags: ['hiring events'],
        summary: 'Record whether the client came (once the event has started), or cancel the registration',
        params: registrationParams,
        body: registrationPatchSchema,
        response: { 200: registrationSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        updateRegistrationOf(
          trx,
          request.actor,
          request.params.eventId,
          request.params.registrationId,
          request.body,
          ctx(request),
        ),
      ),
  );
  app.get(
    '/api/clients/:id/hiring-events',
    {
      config: { permission: 'client.read', statements: 6 },
      schema: {
        tags: ['hiring events'],
        summary:
          "A client's registrations for employer events: all of them for the agency holding the file, your agency's otherwise",
        params: idParams,
        querystring: registrationListQuerySchema,
        response: { 200: listEnvelopeSchema(registrationSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listClientRegistrations(trx, request.actor, request.params.id, request.query, ctx(request)),
      ),
  );
  app.post(
    '/api/clients/:id/hiring-events',
    {
      config: { permission: 'event.register' },
      schema: {
        tags: ['hiring events'],
        summary: "Register the client for an event to come (needs the client's employment information)",
        params: idParams,
        body: newRegistrationSchema,
        response: { 201: registrationSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await withTransaction(app.db, (trx) =>
            registerClient(trx, request.actor, request.params.id, request.body, ctx(request)),
          ),
        ),
  );
}
