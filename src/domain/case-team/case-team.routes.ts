import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import type { AppInstance } from '../../server/app.ts';
import { idParams as clientIdParams } from '../../lib/params.ts';
import { candidateSchema, memberParams, memberSchema, newMemberSchema } from './case-team.ts';
import { addMember, listCandidates, listTeam, removeMember } from './case-team.service.ts';

export function caseTeamRoutes(app: AppInstance): void {
  app.get(
    '/api/clients/:id/team',
    {
      config: { permission: 'case_team.read', statements: 5 },
      schema: {
        tags: ['case team'],
        summary: "The client's case team across agencies (former members too, for the holding agency)",
        params: clientIdParams,
        response: { 200: listEnvelopeSchema(memberSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listTeam(trx, request.actor, request.params.id, { requestId: request.id, ...request.moment }),
      ),
  );

  app.get(
    '/api/clients/:id/team/candidates',
    {
      config: { permission: 'case_team.add', statements: 5 },
      schema: {
        tags: ['case team'],
        summary:
          "Who may join the client's case team: the holding agency's staff, and staff of agencies named in an active consent",
        params: clientIdParams,
        response: { 200: listEnvelopeSchema(candidateSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listCandidates(trx, request.actor, request.params.id, { requestId: request.id, ...request.moment }),
      ),
  );

  app.post(
    '/api/clients/:id/team',
    {
      config: { permission: 'case_team.add' },
      schema: {
        tags: ['case team'],
        summary: 'Add a worker to the case team (from another agency: with an active consent naming it)',
        params: clientIdParams,
        body: newMemberSchema,
        response: { 201: memberSchema },
      },
    },
    async (request, reply) => {
      const member = await withTransaction(app.db, (trx) =>
        addMember(trx, request.actor, request.params.id, request.body, { requestId: request.id, ...request.moment }),
      );
      return reply.status(201).send(member);
    },
  );

  app.post(
    '/api/clients/:id/team/:memberId/remove',
    {
      config: { permission: 'case_team.remove' },
      schema: {
        tags: ['case team'],
        summary: 'Leave the team, or remove a member (holding agency)',
        params: memberParams,
        response: { 200: memberSchema },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        removeMember(trx, request.actor, request.params.id, request.params.memberId, {
          requestId: request.id,
          ...request.moment,
        }),
      ),
  );
}
