import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import { listEnvelopeSchema } from '../../lib/list.ts';
import type { AppInstance } from '../../server/app.ts';
import { idParams as clientIdParams, pathId } from '../../lib/params.ts';
import { clientTasksQuerySchema, completeTaskSchema, myTasksQuerySchema, newTaskSchema, taskSchema } from './task.ts';
import { completeTask, createTask, listClientTasks, listMyTasks } from './task.service.ts';

export function taskRoutes(app: AppInstance): void {
  app.post(
    '/api/clients/:id/tasks',
    {
      config: { permission: 'task.create' },
      schema: {
        tags: ['tasks'],
        summary: 'A follow-up or recurring check-in for a client, due on a date, assigned to the caller or a colleague',
        params: clientIdParams,
        body: newTaskSchema,
        response: { 201: taskSchema },
      },
    },
    async (request, reply) => {
      const task = await withTransaction(app.db, (trx) =>
        createTask(trx, request.actor, request.params.id, request.body, { requestId: request.id, ...request.moment }),
      );
      return reply.status(201).send(task);
    },
  );

  app.get(
    '/api/clients/:id/tasks',
    {
      config: { permission: 'task.read', statements: 5 },
      schema: {
        tags: ['tasks'],
        summary: "A client's tasks the caller may see, open ones first",
        params: clientIdParams,
        querystring: clientTasksQuerySchema,
        response: { 200: listEnvelopeSchema(taskSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listClientTasks(trx, request.actor, request.params.id, request.query, {
          requestId: request.id,
          ...request.moment,
        }),
      ),
  );

  app.get(
    '/api/tasks',
    {
      config: { permission: 'task.read', statements: 6 },
      schema: {
        tags: ['tasks'],
        summary: "The caller's tasks (or, for managers, the agency's), by due date; overdue=true for the overdue list",
        querystring: myTasksQuerySchema,
        response: { 200: listEnvelopeSchema(taskSchema) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        listMyTasks(trx, request.actor, request.query, { requestId: request.id, ...request.moment }),
      ),
  );

  app.post(
    '/api/tasks/:taskId/complete',
    {
      config: { permission: 'task.update' },
      schema: {
        tags: ['tasks'],
        summary: 'Mark a task done (a recurring one gets its next occurrence) or cancelled',
        params: z.strictObject({ taskId: pathId }),
        body: completeTaskSchema,
        response: { 200: z.object({ task: taskSchema, next: taskSchema.nullable() }) },
      },
    },
    async (request) =>
      withTransaction(app.db, (trx) =>
        completeTask(trx, request.actor, request.params.taskId, request.body.outcome, {
          requestId: request.id,
          ...request.moment,
        }),
      ),
  );
}
