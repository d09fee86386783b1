import { weightedTable, type Random, type WeightedTable } from './random.ts';
import type { SyntheticJob } from './city.ts';
import { dayOf, dayString } from './days.ts';
import type { EducationLevel, IncomeSource } from './distributions.ts';
import { occupationTable } from './occupations.ts';
import {
  CURRENT_JOB,
  EMPLOYER_NAMED,
  HOURS_PER_WEEK,
  JOB_COUNT,
  JOB_MONTHS,
  MONTHS_SINCE_LAST_JOB,
  NO_WORK_HISTORY_BY_AGE,
} from './record-distributions.ts';

const DAYS_PER_MONTH = 30.44;
// Nobody's recorded work starts before their fifteenth birthday.
const FIRST_WORK_AGE_DAYS = Math.round(15 * 365.25);

const jobCounts = weightedTable(JOB_COUNT);
const jobMonths = weightedTable(JOB_MONTHS.map(([from, to, w]) => [[from, to] as const, w] as const));
const hours = weightedTable(HOURS_PER_WEEK);
const monthsSince = Object.fromEntries(
  Object.entries(MONTHS_SINCE_LAST_JOB).map(([source, rows]) => [
    source,
    weightedTable(rows.map(([from, to, w]) => [[from, to] as const, w] as const)),
  ]),
) as Record<IncomeSource, WeightedTable<readonly [number, number]>>;

function months(r: Random, span: readonly [number, number]): number {
  return span[0] + r.float() * (span[1] - span[0]);
}

export type WorkHistoryInput = {
  dateOfBirth: string;
  age: number;
  educationLevel: EducationLevel;
  incomeSource: IncomeSource;
  intakeDay: number;
  employerNames: readonly string[];
};

// Jobs before intake, newest drawn first (backwards from intake), returned oldest first.
export function drawWorkHistory(r: Random, c: WorkHistoryInput): SyntheticJob[] {
  const none = NO_WORK_HISTORY_BY_AGE.find((b) => c.age <= b.toAge)?.share ?? 0;
  if (r.bool(none)) return [];
  const cap = c.age <= 19 ? 1 : c.age <= 24 ? 2 : 4;
  const count = Math.min(cap, r.weightedPick(jobCounts));
  const earliest = dayOf(c.dateOfBirth) + FIRST_WORK_AGE_DAYS;
  const table = occupationTable(c.educationLevel);
  const jobs: SyntheticJob[] = [];
  const current = r.bool(CURRENT_JOB[c.incomeSource]);
  // The end of the job being drawn (null: still held), and the day it must end by.
  let end: number | null = null;
  if (!current) {
    const drawn = c.intakeDay - Math.round(months(r, r.weightedPick(monthsSince[c.incomeSource])) * DAYS_PER_MONTH);
    // A young client's last job cannot have ended before they could work: it ended since.
    end = Math.max(drawn, Math.min(c.intakeDay - 1, earliest + 30 + r.int(0, 90)));
  }
  let endBy = end ?? c.intakeDay;
  for (let k = 0; k < count; k++) {
    const length = Math.max(1, Math.round(months(r, r.weightedPick(jobMonths)) * DAYS_PER_MONTH));
    const start = Math.max(earliest, endBy - length);
    if (start >= endBy) break;
    const occupation = r.weightedPick(table);
    jobs.push({
      id: r.uuid(),
      nocCode: occupation.code,
      jobTitle: occupation.title,
      employerName: c.employerNames.length > 0 && r.bool(EMPLOYER_NAMED) ? r.pick(c.employerNames) : null,
      startDate: dayString(start),
      endDate: end === null ? null : dayString(end),
      hoursPerWeek: r.weightedPick(hours),
    });
    // The job before this one ended a few weeks or months before it started.
    end = start - 1 - Math.round(r.float() * 9 * DAYS_PER_MONTH);
    endBy = end;
    if (end <= earliest) break;
  }
  return jobs.reverse();
}
