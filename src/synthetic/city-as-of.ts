import { addMonths, ageOn, isIsoDate } from '../lib/dates.ts';
import type { SyntheticCity, SyntheticClient } from './city.ts';
import { addDays, dayOf } from './days.ts';

// The generator dates a city at its reference date (REFERENCE_DATE), so its output never depends on
// the clock. The loader dates it at the day it is loaded instead: every date moves by the same
// number of days (the load day − the reference date), so ages, durations, "due in N days" and
// "overdue by N days" are on the load day exactly what they were on the reference date. Two
// values are calendar facts rather than events, and move otherwise:
// - A date of birth moves by whole years: the number that keeps the client's age on the load day
//   what it was on the reference date. A birthday stays on its calendar day, so a planted second
//   record's slip (day and month swapped, a year off) stays the same slip; a shift by days would
//   turn it into an unrelated date, and a leap day between would change some ages. A planted second
//   record's birth date moves with its first record's.
// - A year of arrival moves with the middle of that year.

type Shift = { from: string; to: string; days: number };

// The city as of `today` ('YYYY-MM-DD', the load day in the city's time zone).
export function cityAsOf(city: SyntheticCity, today: string): SyntheticCity {
  if (!isIsoDate(today)) throw new RangeError(`${today} is not a date as YYYY-MM-DD`);
  const shift: Shift = { from: city.referenceDate, to: today, days: dayOf(today) - dayOf(city.referenceDate) };
  if (shift.days === 0) return city;
  function* clients(): Generator<SyntheticClient, void, undefined> {
    // A city has a few thousand distinct dates and some 20,000 dates of birth, and each client
    // dozens of dates: each distinct one is worked out once per pass.
    const moved = new Map<string, string>();
    const move = (date: string) => {
      let to = moved.get(date);
      if (to === undefined) moved.set(date, (to = addDays(date, shift.days)));
      return to;
    };
    const births = new Map<string, { years: number; born: string }>();
    const birth = (dateOfBirth: string) => {
      let b = births.get(dateOfBirth);
      if (b === undefined) {
        const years = birthYearsShift(dateOfBirth, shift);
        births.set(dateOfBirth, (b = { years, born: moveYears(dateOfBirth, years) }));
      }
      return b;
    };
    // A planted second record comes right after its first record (near-duplicates.ts).
    let previous: { id: string; years: number } | undefined;
    for (const c of city.clients()) {
      const copyOf = c.plantedCopyOf?.originalId;
      const b =
        copyOf !== undefined && previous?.id === copyOf
          ? { years: previous.years, born: moveYears(c.dateOfBirth, previous.years) }
          : birth(c.dateOfBirth);
      yield clientAsOf(c, move, shift.days, b.born);
      previous = { id: c.id, years: b.years };
    }
  }
  return { ...city, referenceDate: today, clients };
}

// Whole years that move a date of birth so that the age on shift.to is the age on shift.from. One of
// three always does: shift.to less the years between the two dates' years is within a year of shift.from.
export function birthYearsShift(dateOfBirth: string, shift: Pick<Shift, 'from' | 'to'>): number {
  const age = ageOn(dateOfBirth, shift.from);
  const years = Number(shift.to.slice(0, 4)) - Number(shift.from.slice(0, 4));
  for (const y of [years, years - 1, years + 1]) if (ageOn(moveYears(dateOfBirth, y), shift.to) === age) return y;
  throw new Error(`no whole number of years keeps the age of someone born on ${dateOfBirth}`);
}

// 29 February moved to a common year is 28 February.
export function moveYears(date: string, years: number): string {
  return addMonths(date, 12 * years);
}

function arrivalYearAsOf(year: number | null, days: number): number | null {
  return year === null ? null : Number(addDays(`${year}-07-02`, days).slice(0, 4));
}

// Every date of a client, named one by one (city-as-of.test.ts walks a shifted client and fails on
// any date left behind, so a date added to the generator must be added here).
function clientAsOf(
  c: SyntheticClient,
  d: (date: string) => string,
  days: number,
  dateOfBirth: string,
): SyntheticClient {
  const dn = (date: string | null) => (date === null ? null : d(date));
  const plan = c.assessmentPlan;
  const w = c.caseWork;
  return {
    ...c,
    dateOfBirth,
    traits: { ...c.traits, arrivalYear: arrivalYearAsOf(c.traits.arrivalYear, days) },
    equity: { ...c.equity, arrivalYear: arrivalYearAsOf(c.equity.arrivalYear, days) },
    intakeDate: d(c.intakeDate),
    statusChanges: c.statusChanges.map((s) => ({ ...s, on: d(s.on) })),
    workHistory: c.workHistory.map((j) => ({ ...j, startDate: d(j.startDate), endDate: dn(j.endDate) })),
    assessmentPlan: plan && {
      initial: { ...plan.initial, on: d(plan.initial.on) },
      reassessment: plan.reassessment && { ...plan.reassessment, on: d(plan.reassessment.on) },
      override: plan.override && { ...plan.override, on: d(plan.override.on) },
    },
    consents: c.consents.map((k) => ({
      ...k,
      startsOn: d(k.startsOn),
      expiresOn: d(k.expiresOn),
      revocation: k.revocation && { ...k.revocation, on: d(k.revocation.on) },
    })),
    caseWork: {
      ...w,
      newStaff: w.newStaff.map((u) => ({ ...u, createdOn: d(u.createdOn) })),
      team: w.team.map((m) => ({
        ...m,
        addedOn: d(m.addedOn),
        removed: m.removed && { ...m.removed, on: d(m.removed.on) },
      })),
      notes: w.notes.map((n) => ({ ...n, contactOn: d(n.contactOn) })),
      tasks: w.tasks.map((t) => ({
        ...t,
        dueOn: d(t.dueOn),
        recurUntil: dn(t.recurUntil),
        completedOn: dn(t.completedOn),
        createdOn: d(t.createdOn),
        overdueNotice: t.overdueNotice && { ...t.overdueNotice, on: d(t.overdueNotice.on) },
      })),
      plan: w.plan && {
        goal: { ...w.plan.goal, targetDate: dn(w.plan.goal.targetDate), createdOn: d(w.plan.goal.createdOn) },
        steps: w.plan.steps.map((s) => ({
          ...s,
          startsOn: dn(s.startsOn),
          dueOn: dn(s.dueOn),
          completedOn: dn(s.completedOn),
          createdOn: d(s.createdOn),
          changes: s.changes.map((x) => ({ ...x, on: d(x.on) })),
        })),
        acknowledgement: w.plan.acknowledgement && { ...w.plan.acknowledgement, on: d(w.plan.acknowledgement.on) },
      },
      referrals: w.referrals.map((x) => ({
        ...x,
        sentOn: d(x.sentOn),
        acknowledgeDueOn: d(x.acknowledgeDueOn),
        firstServiceDueOn: dn(x.firstServiceDueOn),
        acknowledgeOverdueOn: dn(x.acknowledgeOverdueOn),
        firstServiceOverdueOn: dn(x.firstServiceOverdueOn),
        events: x.events.map((e) => ({ ...e, on: d(e.on) })),
        rating: x.rating && { ...x.rating, on: d(x.rating.on) },
      })),
    },
  };
}
