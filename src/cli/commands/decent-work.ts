import { Command } from 'commander';
import {
  decentWorkChecksum,
  decentWorkInputSchema,
  defaultDecentWorkModel,
  findDecentWorkModel,
  listDecentWorkModels,
  scoreDecentWork,
} from '../../domain/jobs/decent-work.ts';
import { CliError } from '../errors.ts';
import { readJson } from '../json-file.ts';

type Options = { file?: string; model: string; listModels?: boolean };

// Pure computation, no database: an employer, a job developer or an auditor can check any score by hand.
export function decentWorkCommand(): Command {
  return new Command('decent-work')
    .description(
      'Score a job order (JSON, as in docs/examples/job-order.json, or a job order as the API returns it)\n' +
        'against the decent-work scorecard and print the score with its factor-by-factor reasons.\n' +
        'Needs no database. Example: continuum decent-work --file job.json --model dw-2026.1',
    )
    .option('-f, --file <path>', 'JSON file with the job order ("-" reads standard input)')
    .option('-m, --model <version>', 'decent-work model version', defaultDecentWorkModel)
    .option('--list-models', 'list the available model versions as JSON')
    .action((options: Options) => {
      if (options.listModels) {
        const models = listDecentWorkModels().map((m) => ({
          version: m.version,
          effectiveFrom: m.effectiveFrom,
          title: m.title.en,
          livingWage: m.livingWage.hourly,
          checksum: decentWorkChecksum(m),
          default: m.version === defaultDecentWorkModel,
        }));
        console.log(JSON.stringify(models, null, 2));
        return;
      }
      if (!options.file)
        throw new CliError('Give --file with a job order as JSON ("-" for standard input), or --list-models.');
      const model = findDecentWorkModel(options.model);
      if (!model) {
        throw new CliError(
          `Unknown decent-work model ${options.model}; available: ${listDecentWorkModels()
            .map((m) => m.version)
            .join(', ')}`,
        );
      }
      const parsed = decentWorkInputSchema.safeParse(readJson(options.file));
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(job order)'}: ${i.message}`);
        throw new CliError(`${options.file} is not a job order the scorecard can read:\n${problems.join('\n')}`);
      }
      console.log(JSON.stringify(scoreDecentWork(model, parsed.data), null, 2));
    });
}
