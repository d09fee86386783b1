import type { DbOrTrx } from '../../db/database.ts';
import type { AuditQuery, AuditRow } from './audit.ts';

export async function selectAuditByActor(db: DbOrTrx, query: AuditQuery): Promise<{ items: AuditRow[]; total: number }> {
  let base = db.selectFrom('auditLog').where('actorUserId', '=', query.actorUserId);
  if (query.action) {
    const action = query.action;
    base = base.where((eb) => eb.or([eb('action', '=', action), eb('action', 'like', `${action}.%`)]));
  }
  if (query.from) base = base.where('createdAt', '>=', new Date(query.from));
  if (query.to) base = base.where('createdAt', '<', new Date(query.to));
  const [rows, count] = await Promise.all([
    base
      .select([
        'id',
        'createdAt',
        'actorKind',
        'actorUserId',
        'actorName',
        'actorOrganizationId',
        'action',
        'outcome',
        'recordType',
        'recordId',
        'recordIds',
        'clientId',
        'purpose',
        'reason',
        'requestId',
      ])
      .orderBy('id', 'desc')
      .limit(query.perPage)
      .offset((query.page - 1) * query.perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(({ createdAt, id, ...r }) => ({ ...r, id: Number(id), at: new Date(createdAt).toISOString() })),
    total: Number(count.total),
  };
}
