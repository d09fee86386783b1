import { z } from 'zod';
import type { AppInstance } from '../../server/app.ts';
import { pathId } from '../../lib/params.ts';
import { clientJobMatches, clientJobMatchesQuerySchema, clientJobMatchesSchema } from './client-matches.service.ts';
import {
  clientProgramMatches,
  clientProgramMatchesQuerySchema,
  clientProgramMatchesSchema,
} from './program-matches.service.ts';
import { jobCandidates, jobCandidatesQuerySchema, jobCandidatesSchema } from './job-candidates.service.ts';

const idParams = z.strictObject({ id: pathId });

// Matching from the API (docs/matching.md): for the worker to review; nothing is sent by itself.
export function matchingRoutes(app: AppInstance): void {
  app.get(
    '/api/clients/:id/job-matches',
    {
      config: { permission: 'match.jobs_for_client', statements: 8 },
      schema: {
        tags: ['matching'],
        summary:
          "A client's best open job orders under the matching model in force, each with its score and every factor's points and reasons (needs the client's employment information)",
        params: idParams,
        querystring: clientJobMatchesQuerySchema,
        response: { 200: clientJobMatchesSchema },
      },
    },
    async (request) =>
      clientJobMatches(app.db, request.actor, request.params.id, request.query, {
        requestId: request.id,
        model: app.matchModel,
        ...request.moment,
      }),
  );

  app.get(
    '/api/clients/:id/program-matches',
    {
      config: { permission: 'match.programs_for_client', statements: 6 },
      schema: {
        tags: ['matching'],
        summary:
          "The directory's programs that best fit a client now (taking people within 30 days, for the client's ages), each with its score and every factor's points and reasons (needs the client's employment information)",
        params: idParams,
        querystring: clientProgramMatchesQuerySchema,
        response: { 200: clientProgramMatchesSchema },
      },
    },
    async (request) =>
      clientProgramMatches(app.db, request.actor, request.params.id, request.query, {
        requestId: request.id,
        model: app.programMatchModel,
        ...request.moment,
      }),
  );

  app.get(
    '/api/jobs/:id/candidates',
    {
      config: { permission: 'match.candidates_for_job', statements: 4 },
      schema: {
        tags: ['matching'],
        summary:
          "A job order's best candidates among the clients the worker may offer (their agency's, their case teams', others' through a consent), each with its score and every factor's points and reasons",
        params: idParams,
        querystring: jobCandidatesQuerySchema,
        response: { 200: jobCandidatesSchema },
      },
    },
    async (request) =>
      jobCandidates(app.db, request.actor, request.params.id, request.query, {
        requestId: request.id,
        model: app.matchModel,
        ...request.moment,
      }),
  );
}
