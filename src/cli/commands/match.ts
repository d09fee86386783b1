import { Command } from 'commander';
import { z } from 'zod';
import { decentWorkInputSchema, getDecentWorkModel, scoreDecentWork } from '../../domain/jobs/decent-work.ts';
import {
  defaultMatchModel,
  findMatchModel,
  listMatchModels,
  matchClientSchema,
  matchJobSchema,
  matchModelChecksum,
  rankClientsForJob,
  rankJobsForClient,
} from '../../domain/matching/match.ts';
import { CliError } from '../errors.ts';
import { readJson } from '../json-file.ts';

type Options = { file?: string; model: string; listModels?: boolean };

// A job as the case file gives it: its decent-work score, or the job order as the API returns it
// (decentWork.score), or the job order's fields, which the decent-work model in force scores.
const jobInCase = z.preprocess((raw) => {
  if (raw === null || typeof raw !== 'object') return raw;
  const job = raw as Record<string, unknown>;
  if (job['decentWorkScore'] !== undefined) return job;
  const nested = (job['decentWork'] as { score?: unknown } | undefined)?.score;
  if (typeof nested === 'number') return { ...job, decentWorkScore: nested };
  const attributes = decentWorkInputSchema.safeParse(job);
  return attributes.success
    ? { ...job, decentWorkScore: scoreDecentWork(getDecentWorkModel(), attributes.data).score }
    : job;
}, matchJobSchema);

const limit = z.number().int().min(1).max(1000).default(20);
const caseSchema = z.union([
  z.strictObject({ client: matchClientSchema, jobs: z.array(jobInCase).max(100_000), limit }),
  z.strictObject({ job: jobInCase, clients: z.array(matchClientSchema).max(100_000), limit }),
]);

// Pure computation, no database: a worker or an auditor can check any ranking by hand.
export function matchCommand(): Command {
  return new Command('match')
    .description(
      'Rank job orders for a client ({"client", "jobs"}) or clients for a job order ({"job", "clients"}) from a\n' +
        "JSON case file (docs/examples/match-case.json) and print the ranking with every factor's points and\n" +
        'reasons as JSON. Needs no database. Example: continuum match --file case.json --model match-2026.1',
    )
    .option('-f, --file <path>', 'JSON case file ("-" reads standard input)')
    .option('-m, --model <version>', 'matching model version', defaultMatchModel)
    .option('--list-models', 'list the available model versions as JSON')
    .action((options: Options) => {
      if (options.listModels) {
        console.log(
          JSON.stringify(
            listMatchModels().map((m) => ({
              version: m.version,
              effectiveFrom: m.effectiveFrom,
              title: m.title.en,
              weights: m.weights,
              checksum: matchModelChecksum(m),
              default: m.version === defaultMatchModel,
            })),
            null,
            2,
          ),
        );
        return;
      }
      if (!options.file)
        throw new CliError('Give --file with a match case as JSON ("-" for standard input), or --list-models.');
      const model = findMatchModel(options.model);
      if (!model) {
        throw new CliError(
          `Unknown matching model ${options.model}; available: ${listMatchModels()
            .map((m) => m.version)
            .join(', ')}`,
        );
      }
      const parsed = caseSchema.safeParse(readJson(options.file));
      if (!parsed.success) {
        const problems = parsed.error.issues.flatMap((issue) =>
          issue.code === 'invalid_union'
            ? issue.errors.flat().map((i) => `  ${i.path.join('.') || '(case)'}: ${i.message}`)
            : [`  ${issue.path.join('.') || '(case)'}: ${issue.message}`],
        );
        throw new CliError(
          `${options.file} is not a match case: give {"client", "jobs"} or {"job", "clients"}.\n${[...new Set(problems)].join('\n')}`,
        );
      }
      const c = parsed.data;
      const ranking =
        'client' in c
          ? rankJobsForClient(model, c.client, c.jobs, c.limit)
          : rankClientsForJob(model, c.job, c.clients, c.limit);
      console.log(JSON.stringify(ranking, null, 2));
    });
}
