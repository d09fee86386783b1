import { pathId } from '../../lib/params.ts';
import { z } from 'zod';
import { withTransaction } from '../../db/database.ts';
import type { AppInstance } from '../../server/app.ts';
import { digestSchema, notificationQuerySchema, notificationSchema, unreadGroupSchema } from './notification.ts';
import {
  getDigest,
  listNotifications,
  readAllNotifications,
  readNotification,
  setDigest,
  unreadCount,
} from './notification.service.ts';

export function notificationRoutes(app: AppInstance): void {
  app.get(
    '/api/notifications',
    {
      config: { permission: 'notification.read', statements: 5 },
      schema: {
        tags: ['notifications'],
        summary:
          "The caller's in-app notifications, newest first, each naming the client where the caller may see the name, with the unread ones counted by kind",
        querystring: notificationQuerySchema,
        response: {
          200: z.object({
            items: z.array(notificationSchema),
            total: z.number().int(),
            unread: z.number().int(),
            unreadByKind: z.array(unreadGroupSchema),
            page: z.number().int(),
            perPage: z.number().int(),
          }),
        },
      },
    },
    async (request) =>
      listNotifications(app.db, request.actor, request.query, { requestId: request.id, today: request.moment.today }),
  );

  app.get(
    '/api/notifications/unread-count',
    {
      config: { permission: 'notification.read', statements: 2 },
      schema: {
        tags: ['notifications'],
        summary: "How many of the caller's notifications are unread (the header's count: no names)",
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (request) => unreadCount(app.db, request.actor),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { permission: 'notification.read' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification read',
        params: z.strictObject({ id: pathId }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await withTransaction(app.db, (trx) => readNotification(trx, request.actor, request.params.id, request.id));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { permission: 'notification.read' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark every notification read',
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (request) => withTransaction(app.db, (trx) => readAllNotifications(trx, request.actor)),
  );

  app.get(
    '/api/notifications/digest',
    {
      config: { permission: 'notification.read', statements: 2 },
      schema: {
        tags: ['notifications'],
        summary: "The caller's choice of a daily e-mail digest of unread notifications (off or daily)",
        response: { 200: digestSchema },
      },
    },
    async (request) => getDigest(app.db, request.actor),
  );

  app.put(
    '/api/notifications/digest',
    {
      config: { permission: 'notification.read' },
      schema: {
        tags: ['notifications'],
        summary:
          'Choose a daily e-mail digest of unread notifications (counts by kind and a link, never a name), or none',
        body: digestSchema,
        response: { 200: digestSchema },
      },
    },
    async (request) => withTransaction(app.db, (trx) => setDigest(trx, request.actor, request.body, request.id)),
  );
}
