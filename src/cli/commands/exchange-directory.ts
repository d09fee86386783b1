import fs from 'node:fs';
import { Command, Option } from 'commander';
import { migrate } from '../../db/migrate.ts';
import { checkpointAfterBulkLoad } from '../../db/database.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabaseFromConfig } from '../../server/main.ts';
import { exportHsdsDataset, type ExportFormat } from '../../domain/directory/hsds-export.ts';
import { importHsdsDataset, readHsdsDataset, type ImportReport } from '../../domain/directory/hsds-import.ts';
import { commandClock } from '../clock.ts';
import { CliError, CliExit } from '../errors.ts';
import { createProgress } from '../progress.ts';

// `continuum directory import|export`: the directory as an Open Referral HSDS 3.0 dataset
// (docs/directory.md, "Exchange").

const line = (label: string, t: ImportReport['services']) =>
  `  ${label.padEnd(14)} ${String(t.created).padStart(7)} new  ${String(t.updated).padStart(7)} changed  ${String(t.unchanged).padStart(7)} unchanged  ${String(t.rejected).padStart(7)} rejected`;

export function formatImportReport(report: ImportReport, limit = 50): string {
  const lines = [
    `HSDS import (${report.format})${report.dryRun ? ', a dry run: nothing was saved' : ''}`,
    line('organizations', report.organizations),
    line('locations', report.locations),
    line('services', report.services),
  ];
  if (report.rejected.length > 0) {
    lines.push('', `Rejected (${report.rejected.length}):`);
    for (const r of report.rejected.slice(0, limit))
      lines.push(
        `  ${r.kind} ${r.id ?? '(no id)'}${r.name ? ` "${r.name}"` : ''}`,
        ...r.reasons.map((x) => `    - ${x}`),
      );
    if (report.rejected.length > limit) lines.push(`  … and ${report.rejected.length - limit} more (see --report)`);
  }
  if (report.notes.length > 0) {
    lines.push('', `Notes (${report.notes.length}):`);
    for (const n of report.notes.slice(0, limit)) lines.push(`  ${n.kind} ${n.id}: ${n.note}`);
    if (report.notes.length > limit) lines.push(`  … and ${report.notes.length - limit} more (see --report)`);
  }
  if (report.notKept.length > 0) {
    lines.push('', 'HSDS fields the directory does not keep (records with a value):');
    for (const f of report.notKept.slice(0, limit))
      lines.push(`  ${f.field.padEnd(40)} ${String(f.records).padStart(7)}`);
  }
  return lines.join('\n');
}

export function directoryCommand(): Command {
  const directory = new Command('directory').description(
    'Exchange the directory of programs as an Open Referral HSDS 3.0 dataset',
  );
  directory
    .command('import')
    .description(
      'Import an HSDS 3.0 dataset: a JSON file (records nested as the HSDS API answers, a list, an API page,\n' +
        'or an export of this command) or a folder of HSDS CSV files (the tabular form, with or without\n' +
        "datapackage.json). Each record is checked against the HSDS schemas and the directory's rules; a\n" +
        'rejected record leaves nothing and is reported with its reasons. Importing again changes nothing.\n' +
        'Exit status 2 when any record was rejected.\n' +
        'Example: continuum directory import ./211-toronto/ --report import-report.json',
    )
    .argument('<source>', 'HSDS JSON file, or folder of HSDS CSV files')
    .option('--dry-run', 'check and count everything, save nothing')
    .option('--report <file>', 'write the whole report as JSON to this file ("-" prints it instead of the summary)')
    .action(async (source: string, options: { dryRun?: boolean; report?: string }) => {
      const dataset = readHsdsDataset(source);
      const config = loadConfig();
      const handle = await openDatabaseFromConfig(config, 'continuum directory import');
      let report: ImportReport;
      try {
        await migrate(handle.db);
        const total = dataset.organizations.length + dataset.services.length;
        const progress = createProgress('Importing', total);
        report = await importHsdsDataset(handle.db, dataset, {
          dryRun: options.dryRun === true,
          now: commandClock(config).now(),
          onProgress: (done) => progress.update(done),
        });
        progress.done();
        if (!report.dryRun && report.services.created + report.services.updated > 1000)
          await checkpointAfterBulkLoad(handle);
      } finally {
        await handle.close();
      }
      if (options.report === '-') console.log(JSON.stringify(report, null, 2));
      else {
        if (options.report) fs.writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);
        console.log(formatImportReport(report));
      }
      if (report.rejected.length > 0) throw new CliExit(2);
    });
  directory
    .command('export')
    .description(
      'Export the whole directory as an HSDS 3.0 dataset: one JSON file, or a folder of CSV files with\n' +
        'datapackage.json. Public listings only: no capacity, nothing about people.\n' +
        'Example: continuum directory export --format csv --out ./directory-hsds/',
    )
    .addOption(new Option('--format <format>', 'json or csv').choices(['json', 'csv']).default('json'))
    .requiredOption('--out <path>', 'the JSON file, or the folder for the CSV files')
    .action(async (options: { format: ExportFormat; out: string }) => {
      if (options.format === 'csv' && fs.existsSync(options.out) && !fs.statSync(options.out).isDirectory())
        throw new CliError(`${options.out} is a file: give a folder for the CSV files.`);
      const config = loadConfig();
      const clock = commandClock(config);
      const handle = await openDatabaseFromConfig(config, 'continuum directory export');
      try {
        await migrate(handle.db);
        const progress = createProgress('Exporting', 0);
        const summary = await exportHsdsDataset(handle.db, {
          format: options.format,
          out: options.out,
          today: clock.today(),
          now: clock.now(),
          onProgress: (done, total) => progress.update(done, total),
        });
        progress.done();
        console.log(
          `Exported ${summary.organizations} organizations, ${summary.locations} locations and ${summary.services} services (HSDS 3.0, ${summary.format}) to ${options.out}`,
        );
      } finally {
        await handle.close();
      }
    });
  return directory;
}
