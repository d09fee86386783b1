import { Command } from 'commander';
import { assessmentInputSchemaOn } from '../../domain/assessment/assessment-input.ts';
import { defaultModelVersion, findModel, listModels, modelChecksum } from '../../domain/assessment/models.ts';
import { scoreAssessment } from '../../domain/assessment/score.ts';
import { loadConfig } from '../../server/config.ts';
import { commandClock } from '../clock.ts';
import { CliError } from '../errors.ts';
import { readJson } from '../json-file.ts';

type AssessOptions = { file?: string; model: string; listModels?: boolean; today?: string };

// Pure computation, no database: a caseworker or an auditor can check any result by hand.
export function assessCommand(): Command {
  return new Command('assess')
    .description(
      'Score a Common Assessment input (JSON, as in docs/examples/assessment-input.json) and print the\n' +
        'stream with its factor-by-factor explanation. Needs no database.\n' +
        'Example: continuum assess --file client.json --model ca-2026.1',
    )
    .option('-f, --file <path>', 'JSON file with the assessment input ("-" reads standard input)')
    .option('-m, --model <version>', 'assessment model version', defaultModelVersion)
    .option('--list-models', 'list the available model versions as JSON')
    .option(
      '--today <date>',
      'the date (YYYY-MM-DD) an input without assessedOn is assessed on (default: today in TIME_ZONE)',
    )
    .action((options: AssessOptions) => {
      if (options.listModels) {
        const models = listModels().map((m) => ({
          version: m.version,
          effectiveFrom: m.effectiveFrom,
          title: m.title.en,
          checksum: modelChecksum(m),
          default: m.version === defaultModelVersion,
        }));
        console.log(JSON.stringify(models, null, 2));
        return;
      }
      if (!options.file)
        throw new CliError('Give --file with a JSON assessment input ("-" for standard input), or --list-models.');
      const model = findModel(options.model);
      if (!model) {
        throw new CliError(
          `Unknown assessment model ${options.model}; available: ${listModels()
            .map((m) => m.version)
            .join(', ')}`,
        );
      }
      const today = commandClock(loadConfig(), options.today).today();
      const input = assessmentInputSchemaOn(today).parse(readJson(options.file));
      console.log(JSON.stringify(scoreAssessment(model, input, { today }), null, 2));
    });
}
