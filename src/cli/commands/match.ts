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
import {
  defaultProgramMatchModel,
  findProgramMatchModel,
  listProgramMatchModels,
  matchProgramSchema,
  programClientSchema,
  programMatchModelChecksum,
  rankProgramsForClient,
} from '../../domain/matching/program-match.ts';
import { isoDateSchema, todayIn } from '../../lib/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../server/config.ts';
import { CliError } from '../errors.ts';
import { readJson } from '../json-file.ts';

type Options = { file?: string; model?: string; listModels?: boolean };

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
  // Programs of the directory for a client, on a day (ages, intake, a program's end): today in Toronto by default.
  z.strictObject({
    client: programClientSchema,
    programs: z.array(matchProgramSchema).max(100_000),
    today: isoDateSchema.optional(),
    limit,
  }),
]);

const unknownModel = (version: string) =>
  new CliError(
    `Unknown model ${version}; available: ${[...listMatchModels(), ...listProgramMatchModels()]
      .map((m) => m.version)
      .join(', ')}`,
  );

// Pure computation, no database: a worker or an auditor can check any ranking by hand.
export function matchCommand(): Command {
  return new Command('match')
    .description(
      'Rank job orders for a client ({"client", "jobs"}), clients for a job order ({"job", "clients"}) or the\n' +
        'directory\'s programs for a client ({"client", "programs", "today"}) from a JSON case file\n' +
        "(docs/examples/match-case.json, program-match-case.json) and print the ranking with every factor's\n" +
        'points and reasons as JSON. Needs no database. Example: continuum match --file case.json --model match-2026.1',
    )
    .option('-f, --file <path>', 'JSON case file ("-" reads standard input)')
    .option(
      '-m, --model <version>',
      `model version (default ${defaultMatchModel} for jobs and candidates, ${defaultProgramMatchModel} for programs)`,
    )
    .option('--list-models', 'list the available model versions as JSON')
    .action((options: Options) => {
      if (options.listModels) {
        console.log(
          JSON.stringify(
            [
              ...listMatchModels().map((m) => ({
                version: m.version,
                ranks: 'jobs and candidates',
                effectiveFrom: m.effectiveFrom,
                title: m.title.en,
                weights: m.weights,
                checksum: matchModelChecksum(m),
                default: m.version === defaultMatchModel,
              })),
              ...listProgramMatchModels().map((m) => ({
                version: m.version,
                ranks: 'programs',
                effectiveFrom: m.effectiveFrom,
                title: m.title.en,
                weights: m.weights,
                checksum: programMatchModelChecksum(m),
                default: m.version === defaultProgramMatchModel,
              })),
            ],
            null,
            2,
          ),
        );
        return;
      }
      if (!options.file)
        throw new CliError('Give --file with a match case as JSON ("-" for standard input), or --list-models.');
      const parsed = caseSchema.safeParse(readJson(options.file));
      if (!parsed.success) {
        const problems = parsed.error.issues.flatMap((issue) =>
          issue.code === 'invalid_union'
            ? issue.errors.flat().map((i) => `  ${i.path.join('.') || '(case)'}: ${i.message}`)
            : [`  ${issue.path.join('.') || '(case)'}: ${issue.message}`],
        );
        throw new CliError(
          `${options.file} is not a match case: give {"client", "jobs"}, {"job", "clients"} or {"client", "programs"}.\n${[...new Set(problems)].join('\n')}`,
        );
      }
      const c = parsed.data;
      if ('programs' in c) {
        const version = options.model ?? defaultProgramMatchModel;
        const model = findProgramMatchModel(version);
        if (!model) throw unknownModel(version);
        const today = c.today ?? todayIn(DEFAULT_TIME_ZONE);
        const ranking = rankProgramsForClient(model, c.client, c.programs, c.limit, today);
        console.log(
          JSON.stringify(
            { modelVersion: model.version, modelChecksum: programMatchModelChecksum(model), today, ...ranking },
            null,
            2,
          ),
        );
        return;
      }
      const version = options.model ?? defaultMatchModel;
      const model = findMatchModel(version);
      if (!model) throw unknownModel(version);
      const ranking =
        'jobs' in c
          ? rankJobsForClient(model, c.client, c.jobs, c.limit)
          : rankClientsForJob(model, c.job, c.clients, c.limit);
      console.log(JSON.stringify(ranking, null, 2));
    });
}
