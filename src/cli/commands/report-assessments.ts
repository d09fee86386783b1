import { Command } from 'commander';
import { z } from 'zod';
import { systemActor } from '../../access/actor.ts';
import { withTransaction } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { loadConfig } from '../../server/config.ts';
import type { AssessmentReport } from '../../domain/reporting/assessment-report.ts';
import { assessmentReport } from '../../domain/reporting/assessment-report.service.ts';
import { openDatabaseFromConfig } from '../../server/main.ts';
import { commandClock } from '../clock.ts';

const show = (n: number | null) => (n === null ? '<10' : String(n));
const percent = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)} %`);

// A text bar for a share, so groups can be compared at a glance.
export function bar(share: number | null, width = 30): string {
  if (share === null) return '(withheld)';
  const cells = Math.round(share * width);
  return `${'█'.repeat(cells)}${'·'.repeat(width - cells)}`;
}

export function formatReport(report: AssessmentReport): string {
  const lines: string[] = [
    `Common Assessment report (${report.scope}), ${report.generatedAt}; counts under ${report.minCell} withheld`,
    '',
  ];
  lines.push('Reassessment and override rates by agency');
  for (const a of report.byAgency) {
    lines.push(
      `  ${a.organizationName.padEnd(40).slice(0, 40)} clients ${show(a.clientsAssessed).padStart(7)}  reassessed ${percent(a.reassessmentRate).padStart(8)}  overridden ${percent(a.overrideRate).padStart(8)}`,
    );
  }
  lines.push('', 'How streams moved (reassessments and overrides)');
  for (const m of report.streamMoves)
    lines.push(`  ${m.from} → ${m.to} by ${m.kind.padEnd(12)} ${show(m.count).padStart(7)}`);
  lines.push(
    '',
    `Share in Stream C by self-identified group (all clients: ${show(report.overall.clients)}); ratio to everyone else, flagged at ${report.disparityRatio} or more, or ${(1 / report.disparityRatio).toFixed(2)} or less (policy ${report.policyVersion})`,
  );
  let dimension = '';
  for (const g of report.streamsByGroup) {
    if (g.dimension !== dimension) {
      dimension = g.dimension;
      lines.push(`  ${dimension}`);
    }
    lines.push(
      `    ${g.group.padEnd(22).slice(0, 22)} ${show(g.clients).padStart(7)}  ${bar(g.shareC)} ${percent(g.shareC).padStart(8)}  others ${percent(g.shareCElsewhere).padStart(8)}  ratio ${(g.ratioC === null ? '—' : g.ratioC.toFixed(2)).padStart(5)}${g.flagged ? '  ← look into this' : ''}`,
    );
  }
  return lines.join('\n');
}

export function reportCommand(): Command {
  const report = new Command('report').description('Aggregate reports (small cells withheld)');
  report
    .command('assessments')
    .description('Reassessment and override rates by agency, stream moves, and stream rates by self-identified group')
    .option('--organization <id>', 'one agency only')
    .option('--json', 'print JSON instead of tables and charts')
    .action(async (options: { organization?: string; json?: boolean }) => {
      const organizationId =
        options.organization === undefined
          ? undefined
          : z.uuid({ error: '--organization must be an organization id' }).parse(options.organization);
      const config = loadConfig();
      const now = commandClock(config).now();
      const handle = await openDatabaseFromConfig(config, 'continuum report assessments');
      try {
        await migrate(handle.db);
        const result = await withTransaction(handle.db, (trx) =>
          assessmentReport(trx, systemActor('cli'), { requestId: 'cli', now, organizationId }),
        );
        console.log(options.json ? JSON.stringify(result, null, 2) : formatReport(result));
      } finally {
        await handle.close();
      }
    });
  return report;
}
