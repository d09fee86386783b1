import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCapturing as run } from '../../test/cli.ts';
import { decentWorkResultSchema } from '../domain/jobs/decent-work.ts';

const EXAMPLE = path.resolve('docs/examples/job-order.json');

describe('continuum decent-work', () => {
  it('scores the documented example with its reasons, the same every time', async () => {
    const first = await run(['decent-work', '--file', EXAMPLE]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const result = decentWorkResultSchema.parse(JSON.parse(first.stdout));
    expect(result).toMatchObject({ modelVersion: 'dw-2026.1', score: 68, band: 'fair' });
    expect(result.factors.map((f) => f.plain.en)).toContain('Permanent — 10 of 10 points.');
    const second = await run(['decent-work', '-f', EXAMPLE, '-m', 'dw-2026.1']);
    expect(second.stdout).toBe(first.stdout);
  });

  it('lists the model versions', async () => {
    const { code, stdout } = await run(['decent-work', '--list-models']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ version: 'dw-2026.1', livingWage: 27.2, default: true }),
    ]);
  });

  it('says what is wrong with a file it cannot score, and with an unknown model', async () => {
    const dir = fs.mkdtempSync(path.join(process.env['TMPDIR'] ?? '/tmp', 'continuum-dw-'));
    try {
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, JSON.stringify({ hourlyWage: 'twenty', schedule: 'sometimes' }));
      const refused = await run(['decent-work', '-f', bad]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/hourlyWage: Invalid input/);
      expect(refused.stderr).toMatch(/schedule: Invalid option/);
      const unknown = await run(['decent-work', '-f', EXAMPLE, '-m', 'dw-1999.1']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/Unknown decent-work model dw-1999.1; available: dw-2026.1/);
      const missing = await run(['decent-work']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/Give --file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
