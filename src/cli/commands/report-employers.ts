import type { Command } from 'commander';
import { systemActor } from '../../access/actor.ts';
import { withTransaction } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { loadConfig } from '../../server/config.ts';
import { getDecentWorkModel } from '../../domain/jobs/decent-work.ts';
import { employerReportQuerySchema, type EmployerReport } from '../../domain/reporting/employer-report.ts';
import { employerReport } from '../../domain/reporting/employer-report.service.ts';
import { openDatabaseFromConfig } from '../../server/main.ts';
import { readClock } from '../../lib/clock.ts';
import { commandClock } from '../clock.ts';
import { CliError } from '../errors.ts';
import { bar } from './report-assessments.ts';

// `continuum report employers`: the employer measures of GET /api/reports/employers (docs/jobs.md,
// "Measures") as tables with text bars, or as JSON. Counts of people under the minimum cell read "<10".

const show = (n: number | null) => (n === null ? '<10' : String(n));
const percent = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)} %`);
// A count as a bar beside the largest of its chart (a withheld count draws none).
const countBar = (n: number | null, largest: number) =>
  bar(n === null ? null : largest > 0 ? n / largest : 0, 24).padEnd(24);

const STEPS = [
  ['proposed', 'proposed'],
  ['shared', 'shared with the employer'],
  ['interviewed', 'interviewed'],
  ['offered', 'offered'],
  ['hired', 'hired'],
  ['notHired', 'not hired'],
  ['withdrawn', 'withdrawn'],
] as const;

export function formatEmployerReport(report: EmployerReport): string {
  const t = report.total;
  const lines = [
    `Employer measures (${report.scope}), ${report.from} to ${report.to}; generated ${report.generatedAt}; counts of people under ${report.minCell} withheld; decent-work model ${report.decentWorkModel}`,
    '',
    `Contacts logged ${t.engagements}, employers reached ${t.employersEngaged}, job orders posted ${t.jobOrders}, hire rate ${percent(t.hireRate)}`,
    '',
    'Job orders posted, by decent-work band',
  ];
  const bands = Math.max(0, ...t.jobOrdersByBand.map((b) => b.count));
  for (const b of t.jobOrdersByBand)
    lines.push(`  ${b.band.padEnd(8)} ${countBar(b.count, bands)} ${String(b.count).padStart(7)}`);
  lines.push('', 'Placements, by the furthest step reached');
  const steps = Math.max(0, ...STEPS.map(([key]) => t[key] ?? 0));
  for (const [key, words] of STEPS)
    lines.push(`  ${words.padEnd(26)} ${countBar(t[key], steps)} ${show(t[key]).padStart(7)}`);
  lines.push('', 'By agency');
  lines.push(
    `  ${'agency'.padEnd(44)} ${'contacts'.padStart(8)} ${'employers'.padStart(9)} ${'jobs'.padStart(6)} ${'proposed'.padStart(8)} ${'hired'.padStart(6)} ${'hire rate'.padStart(9)}`,
  );
  for (const a of report.byAgency)
    lines.push(
      `  ${a.organizationName.padEnd(44).slice(0, 44)} ${String(a.engagements).padStart(8)} ${String(a.employersEngaged).padStart(9)} ${String(a.jobOrders).padStart(6)} ${show(a.proposed).padStart(8)} ${show(a.hired).padStart(6)} ${percent(a.hireRate).padStart(9)}`,
    );
  lines.push('', 'Employer events held, judged by hires');
  if (report.events.length === 0) lines.push('  none in the period');
  const hires = Math.max(0, ...report.events.map((e) => e.hired ?? 0));
  for (const e of report.events)
    lines.push(
      `  ${e.startsAt.slice(0, 10)} ${e.title.padEnd(34).slice(0, 34)} registered ${show(e.registered).padStart(5)}  came ${show(e.came).padStart(5)}  proposed ${show(e.proposed).padStart(5)}  hired ${show(e.hired).padStart(5)} ${countBar(e.hired, hires)}`,
    );
  return lines.join('\n');
}

export function addEmployerReportCommand(report: Command): void {
  report
    .command('employers')
    .description(
      'Employer measures by agency: contacts, job orders by decent-work band, placements by step, events by hires',
    )
    .option('--from <date>', 'first day (YYYY-MM-DD); by default 364 days before --to')
    .option('--to <date>', 'last day (YYYY-MM-DD); by default today')
    .option('--organization <id>', 'one agency only')
    .option('--json', 'print JSON instead of tables and charts')
    .action(async (options: { from?: string; to?: string; organization?: string; json?: boolean }) => {
      const parsed = employerReportQuerySchema.safeParse({
        from: options.from,
        to: options.to,
        organizationId: options.organization,
      });
      if (!parsed.success)
        throw new CliError(
          `Check the options: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`,
        );
      const config = loadConfig();
      const moment = readClock(commandClock(config));
      const handle = await openDatabaseFromConfig(config, 'continuum report employers');
      try {
        await migrate(handle.db);
        const result = await withTransaction(handle.db, (trx) =>
          employerReport(trx, systemActor('cli'), parsed.data, {
            requestId: 'cli',
            decentWorkModel: getDecentWorkModel(config.decentWorkModelVersion),
            ...moment,
          }),
        );
        console.log(options.json ? JSON.stringify(result, null, 2) : formatEmployerReport(result));
      } finally {
        await handle.close();
      }
    });
}
