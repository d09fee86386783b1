import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, openIsolatedEngine } from '../../test/db.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { ageOn } from '../lib/dates.ts';
import { addDays, dayOf } from './days.ts';
import { REFERENCE_DATE } from './distributions.ts';
import { generateCity } from './generate-city.ts';
import { loadSyntheticCity } from './load-city.ts';

// A small city loaded as of a fixed day far from the generator's reference date, and again as of a
// second day: what a new user sees on the day they load the demo is what the generator made around
// its reference date, moved to that day.
const CITY = { seed: 5, clients: 400, duplicateEvery: 25 };
const LOAD_DAY = '2026-12-03';
const SECOND_DAY = '2027-03-15';
const SHIFT = dayOf(LOAD_DAY) - dayOf(REFERENCE_DATE);
const daysFrom = (from: string, to: string) => dayOf(to) - dayOf(from);

// Every table whose dates the loader writes, with a column of each kind: dates and timestamps.
const DATED_COLUMNS: readonly (readonly [table: string, key: string, column: string, kind: 'date' | 'timestamp'])[] = [
  ['clients', 'id', 'created_at', 'timestamp'],
  ['client_status_changes', 'id', 'created_at', 'timestamp'],
  ['client_work_history', 'id', 'start_date', 'date'],
  ['client_work_history', 'id', 'end_date', 'date'],
  ['users', 'id', 'created_at', 'timestamp'],
  ['user_roles', 'user_id', 'created_at', 'timestamp'],
  ['assessments', 'id', 'assessed_on', 'date'],
  ['assessments', 'id', 'created_at', 'timestamp'],
  ['consents', 'id', 'starts_on', 'date'],
  ['consents', 'id', 'expires_on', 'date'],
  ['consents', 'id', 'created_at', 'timestamp'],
  ['consent_revocations', 'consent_id', 'created_at', 'timestamp'],
  ['case_team_members', 'id', 'created_at', 'timestamp'],
  ['case_team_members', 'id', 'removed_at', 'timestamp'],
  ['case_notes', 'id', 'contact_on', 'date'],
  ['case_notes', 'id', 'created_at', 'timestamp'],
  ['tasks', 'id', 'due_on', 'date'],
  ['tasks', 'id', 'recur_until', 'date'],
  ['tasks', 'id', 'completed_at', 'timestamp'],
  ['tasks', 'id', 'overdue_notified_at', 'timestamp'],
  ['tasks', 'id', 'created_at', 'timestamp'],
  ['notifications', 'id', 'read_at', 'timestamp'],
  ['notifications', 'id', 'created_at', 'timestamp'],
  ['plan_goals', 'id', 'target_date', 'date'],
  ['plan_goals', 'id', 'created_at', 'timestamp'],
  ['plan_steps', 'id', 'starts_on', 'date'],
  ['plan_steps', 'id', 'due_on', 'date'],
  ['plan_steps', 'id', 'completed_on', 'date'],
  ['plan_steps', 'id', 'created_at', 'timestamp'],
  ['plan_step_changes', 'id', 'created_at', 'timestamp'],
  ['plan_acknowledgements', 'id', 'created_at', 'timestamp'],
  ['referrals', 'id', 'acknowledge_due_on', 'date'],
  ['referrals', 'id', 'first_service_due_on', 'date'],
  ['referrals', 'id', 'received_at', 'timestamp'],
  ['referrals', 'id', 'closed_at', 'timestamp'],
  ['referrals', 'id', 'created_at', 'timestamp'],
  ['referral_events', 'id', 'created_at', 'timestamp'],
  ['referral_ratings', 'id', 'created_at', 'timestamp'],
  ['services', 'id', 'starts_on', 'date'],
  ['services', 'id', 'ends_on', 'date'],
  ['services', 'id', 'details_verified_at', 'timestamp'],
  ['services', 'id', 'capacity_verified_at', 'timestamp'],
  ['employer_engagements', 'id', 'occurred_on', 'date'],
  ['job_orders', 'id', 'closing_on', 'date'],
  ['job_orders', 'id', 'created_at', 'timestamp'],
  ['hiring_events', 'id', 'starts_at', 'timestamp'],
  ['hiring_events', 'id', 'created_at', 'timestamp'],
  ['hiring_event_registrations', 'id', 'registered_at', 'timestamp'],
  ['hiring_event_registrations', 'id', 'attendance_recorded_at', 'timestamp'],
  ['placements', 'id', 'created_at', 'timestamp'],
  ['placements', 'id', 'shared_at', 'timestamp'],
  ['placements', 'id', 'interview_at', 'timestamp'],
  ['placement_events', 'id', 'at', 'timestamp'],
  ['employments', 'id', 'start_date', 'date'],
  ['employments', 'id', 'created_at', 'timestamp'],
];

// Each row's value as a day number (days since 2000-01-01; a timestamp's fraction kept), by key.
async function dayNumbers(
  db: DatabaseHandle,
  [table, key, column, kind]: (typeof DATED_COLUMNS)[number],
): Promise<Map<string, number | null>> {
  const value =
    kind === 'date'
      ? sql.raw(`(${column} - date '2000-01-01')::float8`)
      : sql.raw(`(extract(epoch from ${column}) / 86400 - ${dayOf('2000-01-01')})::float8`);
  const { rows } = await sql<{ key: string; day: number | null }>`
    select ${sql.raw(key)}::text as key, ${value} as day from ${sql.raw(table)}`.execute(db.db);
  return new Map(rows.map((r) => [r.key, r.day]));
}

async function clientsBorn(db: DatabaseHandle): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; born: string }>`
    select id::text as id, to_char(date_of_birth, 'YYYY-MM-DD') as born from clients`.execute(db.db);
  return new Map(rows.map((r) => [r.id, r.born]));
}

describeEachEngine('a synthetic city dated at the day it is loaded', ({ engine }) => {
  let db: DatabaseHandle;
  let second: DatabaseHandle;
  const generated = [...generateCity(CITY).clients()];

  beforeAll(async () => {
    // One city per database, and the shared test database must not hold one: databases of their own.
    db = await openIsolatedEngine(engine, 'continuum_load_day');
    second = await openIsolatedEngine(engine, 'continuum_load_day2');
    const result = await loadSyntheticCity(db, { ...CITY, today: LOAD_DAY });
    expect(result.today).toBe(LOAD_DAY);
    await loadSyntheticCity(second, { ...CITY, today: SECOND_DAY });
  });

  afterAll(async () => {
    await db?.close();
    await second?.close();
  });

  it('lists a directory around the load day: intakes open and soon, full cohorts, listings to confirm', async () => {
    const { rows } = await sql<{ services: number; openNow: number; soon: number; full: number; stale: number }>`
      select count(*)::int as services,
        count(*) filter (where exists (select from service_intake_windows w where w.service_id = s.id
          and w.opens_on <= ${LOAD_DAY}::date and (w.closes_on is null or w.closes_on >= ${LOAD_DAY}::date)))::int as "openNow",
        count(*) filter (where exists (select from service_intake_windows w where w.service_id = s.id
          and w.opens_on > ${LOAD_DAY}::date and w.opens_on <= ${LOAD_DAY}::date + 30))::int as soon,
        count(*) filter (where seats_open = 0)::int as full,
        count(*) filter (where details_verified_at < ${LOAD_DAY}::date - 180)::int as stale
      from services s`.execute(db.db);
    const counts = rows[0]!;
    expect(counts.services).toBeGreaterThan(40);
    for (const kind of ['openNow', 'soon', 'full', 'stale'] as const) expect(counts[kind], kind).toBeGreaterThan(0);
    expect(counts.stale / counts.services).toBeGreaterThan(0.08);
    expect(counts.stale / counts.services).toBeLessThan(0.35);
    const search = await sql<{ n: number }>`select count(*)::int as n from services
      where search_document @@ websearch_to_tsquery('french', client_search_key('formation'))`.execute(db.db);
    expect(search.rows[0]!.n).toBeGreaterThan(0);
  });

  it('loads the employer side: one profile per employer, the engagement log, open job orders, events to come', async () => {
    const { rows } = await sql<{
      employers: number;
      profiles: number;
      engagements: number;
      open: number;
      upcoming: number;
      offered: number;
    }>`select
        (select count(*)::int from organizations where type = 'employer') as employers,
        (select count(*)::int from employer_profiles) as profiles,
        (select count(*)::int from employer_engagements where occurred_on <= ${LOAD_DAY}::date) as engagements,
        (select count(*)::int from job_orders where status = 'open') as open,
        (select count(*)::int from hiring_events where status = 'planned' and starts_at > ${LOAD_DAY}::date) as upcoming,
        (select count(*)::int from hiring_event_jobs) as offered`.execute(db.db);
    const counts = rows[0]!;
    expect(counts.employers).toBeGreaterThan(0);
    expect(counts.profiles).toBe(counts.employers);
    expect(counts.engagements).toBeGreaterThan(0);
    expect(counts.open).toBeGreaterThan(0);
    const events = await sql<{ n: number }>`select count(*)::int as n from hiring_events`.execute(db.db);
    expect(events.rows[0]!.n).toBeGreaterThanOrEqual(2);
    expect(counts.upcoming + counts.offered).toBeGreaterThanOrEqual(0);
  });

  it('loads the pipelines: registrations and attendance, placements shared under consent, hires with their job', async () => {
    const { rows } = await sql<{
      registered: number;
      attendedUnheld: number;
      overCapacity: number;
      statuses: string[];
      sharedWithoutConsent: number;
      hiresWithoutJob: number;
      jobsWithoutHire: number;
      fromEvents: number;
      stepsOutOfOrder: number;
    }>`select
        (select count(*)::int from hiring_event_registrations) as registered,
        (select count(*)::int from hiring_event_registrations r join hiring_events e on e.id = r.event_id
          where r.attended is not null and e.status <> 'held') as "attendedUnheld",
        (select count(*)::int from hiring_events e where e.capacity <
          (select count(*) from hiring_event_registrations r where r.event_id = e.id)) as "overCapacity",
        array(select distinct status from placements order by status) as statuses,
        (select count(*)::int from placements p where p.shared_at is not null and not exists (
          select 1 from consents c where c.id = p.consent_id and c.client_id = p.client_id
            and c.organization_id = p.employer_id and c.purpose = 'placement'
            and c.starts_on <= (p.shared_at at time zone 'America/Toronto')::date
            and 'employment' = any(c.categories))) as "sharedWithoutConsent",
        (select count(*)::int from placements p where p.status = 'hired'
          and not exists (select 1 from employments e where e.placement_id = p.id)) as "hiresWithoutJob",
        (select count(*)::int from employments e join placements p on p.id = e.placement_id
          where p.status <> 'hired') as "jobsWithoutHire",
        (select count(*)::int from placements p where p.hiring_event_id is not null and not exists (
          select 1 from hiring_event_jobs j where j.event_id = p.hiring_event_id and j.job_order_id = p.job_order_id))
          as "fromEvents",
        (select count(*)::int from placements p where p.status <>
          (select e.status from placement_events e where e.placement_id = p.id order by e.seq desc limit 1))
          as "stepsOutOfOrder"`.execute(db.db);
    const r = rows[0]!;
    expect(r.registered).toBeGreaterThan(0);
    expect(r.attendedUnheld).toBe(0);
    expect(r.overCapacity).toBe(0);
    // Every stage of the pipeline is there, hires among them.
    expect(r.statuses).toEqual(expect.arrayContaining(['hired', 'not_hired', 'proposed', 'shared']));
    expect(r.sharedWithoutConsent).toBe(0);
    expect(r.hiresWithoutJob).toBe(0);
    expect(r.jobsWithoutHire).toBe(0);
    // A placement from an event is for a job order on offer there.
    expect(r.fromEvents).toBe(0);
    // The placement's status is its last step's.
    expect(r.stepsOutOfOrder).toBe(0);
  });

  it('spreads the open tasks around the load day exactly as around the reference date', async () => {
    const generatedDue = new Map(
      generated.flatMap((c) =>
        c.caseWork.tasks.filter((t) => t.status === 'open').map((t) => [t.id, daysFrom(REFERENCE_DATE, t.dueOn)]),
      ),
    );
    const { rows } = await sql<{ id: string; dueOn: string; noticed: boolean }>`
      select id::text as id, to_char(due_on, 'YYYY-MM-DD') as "dueOn", overdue_notified_at is not null as noticed
      from tasks where status = 'open'`.execute(db.db);
    expect(rows).toHaveLength(generatedDue.size);
    for (const row of rows) expect(daysFrom(LOAD_DAY, row.dueOn), row.id).toBe(generatedDue.get(row.id));

    const dueIn = rows.map((r) => daysFrom(LOAD_DAY, r.dueOn));
    const overdue = dueIn.filter((d) => d < 0);
    expect(overdue.length).toBeGreaterThan(0);
    expect(dueIn.filter((d) => d >= 0).length).toBeGreaterThan(overdue.length);
    // Some overdue by days or weeks, none by more than the generator made.
    expect(overdue.some((d) => d >= -28)).toBe(true);
    expect(Math.min(...dueIn)).toBe(Math.min(...generatedDue.values()));
    // Each overdue task's notice already went out, so the first sweep has nothing to announce.
    expect(rows.filter((r) => r.dueOn < LOAD_DAY && !r.noticed)).toEqual([]);
  });

  it('keeps in force on the load day exactly the consents in force on the reference date', async () => {
    const inForce = (startsOn: string, expiresOn: string, revoked: boolean, on: string) =>
      !revoked && startsOn <= on && expiresOn >= on;
    const generatedInForce = generated
      .flatMap((c) => c.consents)
      .filter((k) => inForce(k.startsOn, k.expiresOn, k.revocation !== null, REFERENCE_DATE))
      .map((k) => k.id)
      .sort();
    const { rows } = await sql<{ id: string; startsOn: string; expiresOn: string; revoked: boolean }>`
      select k.id::text as id, to_char(k.starts_on, 'YYYY-MM-DD') as "startsOn",
        to_char(k.expires_on, 'YYYY-MM-DD') as "expiresOn", r.consent_id is not null as revoked
      from consents k left join consent_revocations r on r.consent_id = k.id
      -- A placement's consent is drawn at load, from the employer side (placements.ts), not with the client.
      where k.purpose <> 'placement'`.execute(db.db);
    expect(generatedInForce.length).toBeGreaterThan(10);
    expect(
      rows
        .filter((r) => inForce(r.startsOn, r.expiresOn, r.revoked, LOAD_DAY))
        .map((r) => r.id)
        .sort(),
    ).toEqual(generatedInForce);
  });

  it('dates no intake, note or other event after the load day', async () => {
    const latestIntake = generated.map((c) => c.intakeDate).reduce((a, b) => (a > b ? a : b));
    const { rows } = await sql<{ latest: string }>`
      select to_char(max(created_at) at time zone 'UTC', 'YYYY-MM-DD') as latest from clients`.execute(db.db);
    expect(rows[0]!.latest <= LOAD_DAY).toBe(true);
    expect(rows[0]!.latest).toBe(addDays(latestIntake, SHIFT));
    const lastDay = dayOf(LOAD_DAY) - dayOf('2000-01-01');
    for (const dated of DATED_COLUMNS) {
      // Due dates, plan targets, check-in chains, consents' expiry and programs' dates lie ahead;
      // everything else happened.
      if (dated[0] === 'services' && ['starts_on', 'ends_on'].includes(dated[2])) continue;
      // Job orders close and employer events are held in the weeks ahead; a new hire may start next week.
      if (dated[2] === 'closing_on' || (dated[0] === 'hiring_events' && dated[2] === 'starts_at')) continue;
      if (dated[0] === 'employments' && dated[2] === 'start_date') continue;
      if (
        [
          'due_on',
          'recur_until',
          'target_date',
          'expires_on',
          'end_date',
          'acknowledge_due_on',
          'first_service_due_on',
        ].includes(dated[2])
      )
        continue;
      const days = [...(await dayNumbers(db, dated)).values()].filter((d): d is number => d !== null);
      expect(Math.max(...days), dated.join('.')).toBeLessThan(lastDay + 1);
    }
  });

  it('gives every client on the load day the age generated on the reference date', async () => {
    const born = await clientsBorn(db);
    expect(born.size).toBe(generated.length);
    const mismatches = generated
      .filter((c) => !c.plantedCopyOf)
      .filter((c) => ageOn(born.get(c.id)!, LOAD_DAY) !== ageOn(c.dateOfBirth, REFERENCE_DATE))
      .map((c) => `${c.dateOfBirth} → ${born.get(c.id)}`);
    expect(mismatches).toEqual([]);
  });

  it('loads the same rows on another day, every date moved by the days between', async () => {
    const step = daysFrom(LOAD_DAY, SECOND_DAY);
    for (const dated of DATED_COLUMNS) {
      const first = await dayNumbers(db, dated);
      const later = await dayNumbers(second, dated);
      expect([...later.keys()].sort(), dated.join('.')).toEqual([...first.keys()].sort());
      const off = [...first].filter(([key, day]) => {
        const moved = later.get(key) ?? null;
        return day === null ? moved !== null : moved === null || Math.abs(moved - day - step) > 1e-6;
      });
      expect(off.slice(0, 5), dated.join('.')).toEqual([]);
    }
    const bornFirst = await clientsBorn(db);
    const bornLater = await clientsBorn(second);
    const aged = generated
      .filter((c) => !c.plantedCopyOf)
      .filter((c) => ageOn(bornLater.get(c.id)!, SECOND_DAY) !== ageOn(bornFirst.get(c.id)!, LOAD_DAY));
    expect(aged).toEqual([]);
  });
});
