import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentResultSchema } from '../domain/assessment/score.ts';
import { runCliCapturing as run } from '../../test/cli.ts';
import { testClock } from '../../test/clock.ts';

const EXAMPLE = path.resolve('docs/examples/assessment-input.json');

describe('continuum assess', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-assess-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('scores the documented example: Stream C, with its reasons', async () => {
    const { code, stdout, stderr } = await run(['assess', '--file', EXAMPLE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = assessmentResultSchema.parse(JSON.parse(stdout));
    expect(result).toMatchObject({
      modelVersion: 'ca-2026.1',
      assessedOn: '2026-12-01',
      age: 40,
      stream: 'C',
      score: 10,
    });
    expect(result.reasons.at(-1)).toBe('score 10 ≥ 7 (Stream C threshold)');
    expect(stdout).toContain('\n  "modelVersion"');
  });

  it('scores with a named model, and the same input twice gives the same output', async () => {
    const first = await run(['assess', '--file', EXAMPLE, '--model', 'ca-2026.1']);
    const second = await run(['assess', '-f', EXAMPLE, '-m', 'ca-2026.1']);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  // fs.readFileSync(0) reads the process's real standard input, so this runs the binary.
  it('reads standard input with -f -', () => {
    const result = spawnSync(process.execPath, [path.resolve('bin/continuum.js'), 'assess', '-f', '-'], {
      input: fs.readFileSync(EXAMPLE),
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ stream: 'C' });
  });

  it('assesses an undated input on --today, or on today in TIME_ZONE', async () => {
    const { assessedOn: _omit, ...undated } = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    const undatedFile = file('undated.json', JSON.stringify(undated));
    const asOf = await run(['assess', '--file', undatedFile, '--today', '2027-03-01']);
    expect(asOf.stderr).toBe('');
    expect(JSON.parse(asOf.stdout)).toMatchObject({ assessedOn: '2027-03-01' });
    // A dated input keeps its own date.
    expect(JSON.parse((await run(['assess', '--file', EXAMPLE, '--today', '2027-03-01'])).stdout)).toMatchObject({
      assessedOn: '2026-12-01',
    });
    const now = await run(['assess', '--file', undatedFile]);
    expect(JSON.parse(now.stdout).assessedOn).toBe(testClock().today());
  });

  it('lists the models as JSON', async () => {
    const { code, stdout } = await run(['assess', '--list-models']);
    expect(code).toBe(0);
    const models = JSON.parse(stdout) as { version: string; checksum: string; default: boolean }[];
    expect(models).toContainEqual(expect.objectContaining({ version: 'ca-2026.1', default: true }));
    expect(models.every((m) => /^[0-9a-f]{64}$/.test(m.checksum))).toBe(true);
  });

  it.each([
    ['bad JSON', () => ['--file', file('bad.json', '{"dateOfBirth": ')], /^continuum: .*bad\.json is not valid JSON: /],
    [
      'a missing file',
      () => ['--file', path.join(dir, 'missing.json')],
      /^continuum: Cannot read .*missing\.json: ENOENT/,
    ],
    [
      'an invalid input',
      () => [
        '--file',
        file(
          'invalid.json',
          JSON.stringify({ dateOfBirth: '2023-02-30', educationLevel: 'college', incomeSource: 'none' }),
        ),
      ],
      /^continuum: Invalid input:\n {2}dateOfBirth: 2023-02-30 is not a real date\n$/,
    ],
    [
      'an equity field',
      () => {
        const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
        return ['--file', file('equity.json', JSON.stringify({ ...example, racializedGroup: 'yes' }))];
      },
      /racializedGroup: self-identified equity information is never part of an assessment/,
    ],
    [
      'an unknown model',
      () => ['--file', EXAMPLE, '--model', 'ca-1999.1'],
      /^continuum: Unknown assessment model ca-1999\.1; available: ca-2026\.1\n$/,
    ],
    ['no file', () => [], /^continuum: Give --file with a JSON assessment input/],
    [
      'a --today that is not a date',
      () => ['--file', EXAMPLE, '--today', '2027-02-30'],
      /^continuum: Invalid input:\n {2}\(input\): 2027-02-30 is not a real date\n$/,
    ],
    [
      'an undated input born after --today',
      () => {
        const { assessedOn: _omit, ...undated } = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as Record<
          string,
          unknown
        >;
        return [
          '--file',
          file('unborn.json', JSON.stringify({ ...undated, dateOfBirth: '2027-01-01', workHistory: [] })),
          '--today',
          '2026-12-31',
        ];
      },
      /dateOfBirth: 2027-01-01 is after today \(2026-12-31\)/,
    ],
  ])('refuses %s with one clear line and exit 1', async (_name, args, message) => {
    const { code, stdout, stderr } = await run(['assess', ...args()]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
