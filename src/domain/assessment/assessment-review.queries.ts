import type { DbOrTrx } from '../../db/database.ts';
import type { Review } from './assessment-review.ts';

const columns = [
  'id',
  'clientId',
  'assessmentId',
  'requestedVia',
  'reason',
  'status',
  'answer',
  'outcome',
  'answeredBy',
  'answeredAt',
  'createdAt',
] as const;
const normalize = (
  r: Omit<Review, 'answeredAt' | 'createdAt'> & { answeredAt: Date | null; createdAt: Date },
): Review => ({
  ...r,
  answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
  createdAt: r.createdAt.toISOString(),
});

export async function selectReviews(db: DbOrTrx, clientId: string): Promise<Review[]> {
  const rows = await db
    .selectFrom('assessmentReviews')
    .select(columns)
    .where('clientId', '=', clientId)
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map(normalize);
}

export async function selectReviewForUpdate(db: DbOrTrx, clientId: string, id: string) {
  return db
    .selectFrom('assessmentReviews')
    .select(['id', 'status', 'assessmentId', 'taskId'])
    .where('id', '=', id)
    .where('clientId', '=', clientId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertReview(
  db: DbOrTrx,
  row: {
    clientId: string;
    assessmentId: string;
    requestedBy: string | null;
    requestedVia: 'client_account' | 'staff';
    reason: string;
  },
): Promise<string> {
  return (await db.insertInto('assessmentReviews').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function setReviewTask(db: DbOrTrx, id: string, taskId: string): Promise<void> {
  await db.updateTable('assessmentReviews').set({ taskId }).where('id', '=', id).execute();
}

export async function answerReview(
  db: DbOrTrx,
  id: string,
  row: { answeredBy: string | null; answer: string; outcome: 'upheld' | 'changed' },
): Promise<void> {
  await db
    .updateTable('assessmentReviews')
    .set({ ...row, status: 'answered', answeredAt: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function selectReview(db: DbOrTrx, id: string): Promise<Review> {
  return normalize(
    await db.selectFrom('assessmentReviews').select(columns).where('id', '=', id).executeTakeFirstOrThrow(),
  );
}
