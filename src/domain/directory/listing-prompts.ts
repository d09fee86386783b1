import { sql } from 'kysely';
import { systemActor } from '../../access/actor.ts';
import { writeAudit } from '../../access/audit.ts';
import { sweepInBatches, type Db, type DbOrTrx, type Trx } from '../../db/database.ts';
import { addBusinessDays } from '../../lib/business-days.ts';
import { readClock, type Clock } from '../../lib/clock.ts';
import { activeManagersOf } from '../accounts/user-admin.service.ts';
import { notify } from '../notifications/notification.service.ts';
import { closeProgramTasks, openProgramTask } from '../tasks/task.service.ts';
import { LISTING_STALE_AFTER_DAYS } from './listing.ts';

// Listings confirmed on a schedule (issue 13, point 2; docs/directory.md, "Fresh listings"). A listing
// whose oldest part will be stale within LISTING_PROMPT_AHEAD_DAYS prompts its agency: the first
// active manager gets a task to confirm it, every manager a notification naming the program. The task
// closes by itself when every part is confirmed; a prompt closed otherwise (cancelled) comes back after
// LISTING_REPROMPT_DAYS if the listing is still due.

export const LISTING_PROMPT_AHEAD_DAYS = 14;
export const LISTING_REPROMPT_DAYS = 30;
// Business days to confirm a listing once prompted.
export const LISTING_CONFIRM_BUSINESS_DAYS = 10;

const DAY = 86_400_000;

// The oldest confirmation among the listing `s`'s parts, capacity included (least() skips nulls).
const oldestConfirmation = sql<Date>`least(s.details_verified_at, s.capacity_verified_at, (select min(t) from (
    select least(x.verified_at, y.verified_at) t from service_sites x join sites y on y.id = x.site_id where x.service_id = s.id
    union all select x.verified_at from service_schedules x where x.service_id = s.id
    union all select x.verified_at from service_intake_windows x where x.service_id = s.id
    union all select x.verified_at from service_contacts x where x.service_id = s.id) parts))`;

// Confirmed before this, a listing is due a prompt.
export function promptBefore(now: Date): Date {
  return new Date(now.getTime() - (LISTING_STALE_AFTER_DAYS - LISTING_PROMPT_AHEAD_DAYS) * DAY);
}

// Listings running and due, not prompted lately, with no prompt open: claimed with SKIP LOCKED, so
// several server processes can sweep at once; each claimed one is stamped as prompted.
async function claimDueListings(db: DbOrTrx, now: Date, today: string, limit: number) {
  const { rows } = await sql<{ id: string; organizationId: string; name: string }>`
    update services s set confirm_prompted_at = ${now}
    where s.id in (
      select s.id from services s
      where s.status = 'active' and (s.ends_on is null or s.ends_on >= ${today}::date)
        and (s.confirm_prompted_at is null or s.confirm_prompted_at < ${new Date(now.getTime() - LISTING_REPROMPT_DAYS * DAY)})
        and ${oldestConfirmation} < ${promptBefore(now)}
        and not exists (select from tasks t where t.service_id = s.id and t.status = 'open' and t.kind = 'listing_confirm')
      order by s.id limit ${limit} for update of s skip locked)
    returning s.id, s.organization_id as "organizationId", s.name`.execute(db);
  return rows;
}

export async function promptListingConfirmations(db: Db, clock: Clock, batch = 200): Promise<number> {
  const actor = systemActor('listing-confirmation-sweep');
  return sweepInBatches(db, batch, async (trx) => {
    const { now, today } = readClock(clock);
    const due = await claimDueListings(trx, now, today, batch);
    const prompted: string[] = [];
    for (const listing of due) {
      const managers = await activeManagersOf(trx, listing.organizationId);
      // No manager to ask: stamped all the same, and asked again after the re-prompt interval.
      if (managers.length === 0) continue;
      await openProgramTask(trx, {
        serviceId: listing.id,
        organizationId: listing.organizationId,
        assignedTo: managers[0]!,
        kind: 'listing_confirm',
        title: `Confirm the listing of ${listing.name}`.slice(0, 200),
        dueOn: addBusinessDays(today, LISTING_CONFIRM_BUSINESS_DAYS),
      });
      await notify(trx, actor, managers, 'listing_confirm', { clientId: null, subjectId: listing.id });
      prompted.push(listing.id);
    }
    if (prompted.length > 0)
      await writeAudit(trx, actor, {
        action: 'service.manage',
        outcome: 'succeeded',
        recordType: 'service',
        recordIds: prompted,
        reason: 'prompted to confirm the listing',
      });
    return due.length;
  });
}

// After a change or a confirmation: once no part is due any more, the open prompt closes as done by
// whoever confirmed it, and the next cycle starts from this confirmation.
export async function settleListingPrompt(trx: Trx, serviceId: string, by: string | null, now: Date) {
  const { rows } = await sql<{ due: boolean }>`select ${oldestConfirmation} < ${promptBefore(now)} as due
    from services s where s.id = ${serviceId}`.execute(trx);
  if (rows[0]?.due !== false) return;
  if ((await closeProgramTasks(trx, serviceId, 'listing_confirm', by, now)) > 0)
    await trx.updateTable('services').set({ confirmPromptedAt: null }).where('id', '=', serviceId).execute();
}
