import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCapturing as run } from '../../test/cli.ts';

const EXAMPLE = path.resolve('docs/examples/match-case.json');

describe('continuum match', () => {
  it('ranks the documented example’s jobs for the client, with every factor’s points and reasons', async () => {
    const { code, stdout, stderr } = await run(['match', '--file', EXAMPLE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const ranking = JSON.parse(stdout);
    expect(ranking).toMatchObject({ modelVersion: 'match-2026.1', considered: 4, leftOut: { occupation_too_far: 1 } });
    expect(ranking.results.map((r: { jobId: string }) => r.jobId)).toEqual([
      'job-pastry-cook',
      'job-counter-attendant',
      'job-line-cook',
    ]);
    const best = ranking.results[0];
    expect(best.score).toBe(94.3);
    expect(best.factors[0].plain.en).toBe("The job's occupation, Bakers (63202), is one of the client's goals.");
    // The line cook gives its job order's fields rather than a score: the decent-work model scores it.
    expect(ranking.results[2].factors.find((f: { code: string }) => f.code === 'decentWork').plain.en).toBe(
      'The job scores 25 of 100 for decent work.',
    );
    expect((await run(['match', '-f', EXAMPLE, '-m', 'match-2026.1'])).stdout).toBe(stdout);
  });

  it('ranks candidates for a job order the other way round', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-match-'));
    try {
      const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
      const file = path.join(dir, 'job.json');
      fs.writeFileSync(
        file,
        JSON.stringify({
          job: { ...example.jobs[0], postalCode: 'M9W 5L7' },
          clients: [example.client, { ...example.client, id: 'client-far', postalCode: 'M1B 1A1' }],
        }),
      );
      const { code, stdout } = await run(['match', '-f', file]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({
        results: [{ clientId: 'client-amina' }],
        leftOut: { too_far_to_commute: 1 },
      });

      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, JSON.stringify({ client: { id: 'x', targetNocCodes: ['99999'] }, jobs: [] }));
      const refused = await run(['match', '-f', bad]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/is not a match case/);
      expect(refused.stderr).toMatch(/client\.targetNocCodes\.0/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the models and refuses an unknown one', async () => {
    const listed = await run(['match', '--list-models']);
    expect(JSON.parse(listed.stdout)[0]).toMatchObject({
      version: 'match-2026.1',
      default: true,
      weights: { occupation: 30 },
    });
    const unknown = await run(['match', '-f', EXAMPLE, '-m', 'match-1999.1']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown model match-1999.1; available: match-2026.1, program-match-2026.1/);
    expect(JSON.parse(listed.stdout).map((m: { version: string }) => m.version)).toContain('program-match-2026.1');
  });

  it('ranks the directory’s programs for a client from the documented example, with the reasons', async () => {
    const example = path.resolve('docs/examples/program-match-case.json');
    const { code, stdout, stderr } = await run(['match', '--file', example]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const ranking = JSON.parse(stdout);
    expect(ranking).toMatchObject({
      modelVersion: 'program-match-2026.1',
      today: '2026-12-03',
      considered: 5,
      leftOut: { not_taking_people: 1, outside_ages: 1 },
    });
    expect(ranking.results.map((r: { programId: string; score: number }) => [r.programId, r.score])).toEqual([
      ['program-masonry-pre-apprenticeship', 100],
      ['program-housing-help', 89.3],
      ['program-newcomer-bridging', 50],
    ]);
    expect(ranking.results[2].factors.find((f: { code: string }) => f.code === 'population').plain.fr).toBe(
      'Le programme s’adresse aux personnes nouvellement arrivées\u00a0: le dossier ne le dit pas; posez la question au client.',
    );
    // A programs case under a job-matching model is refused in words.
    const wrong = await run(['match', '-f', example, '-m', 'match-2026.1']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Unknown model match-2026.1/);
  });
});
