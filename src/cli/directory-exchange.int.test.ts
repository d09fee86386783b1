import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../db/database.ts';

const cli = path.resolve('bin/continuum.js');

function run(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [cli, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

// `continuum directory import|export` on each engine: the report, the exit status, the files.
for (const engine of ['pglite', 'postgres'] as const) {
  describe.skipIf(engine === 'postgres' && !inject('postgresUrl'))(`continuum directory [${engine}]`, () => {
    let dir: string;
    let env: Record<string, string>;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-cli-directory-'));
      env =
        engine === 'postgres'
          ? { DATABASE_URL: inject('postgresUrl')! }
          : { DATABASE_URL: '', CONTINUUM_DATA_DIR: path.join(dir, 'data') };
      if (engine === 'pglite') {
        const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
        const handle = await openDatabase({ dataDir: path.join(dir, 'data'), loadDataDir: template });
        await handle.close();
      }
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('imports the official CSV example with a JSON report, and exits 2 when it rejects a record', () => {
      const good = run(['directory', 'import', 'vendor/hsds-3.0/examples/csv', '--report', '-'], env);
      expect(good.status).toBe(0);
      const report = JSON.parse(good.stdout) as { format: string; rejected: unknown[]; services: { rejected: number } };
      expect(report).toMatchObject({ format: 'csv', rejected: [] });

      const file = path.join(dir, 'bad.json');
      const id = crypto.randomUUID();
      fs.writeFileSync(file, JSON.stringify([{ id, status: 'active', organization_id: crypto.randomUUID() }]));
      const bad = run(['directory', 'import', file], env);
      expect(bad.status).toBe(2);
      expect(bad.stdout).toContain(`service ${id}`);
      expect(bad.stdout).toContain("must have required property 'name'");

      const missing = run(['directory', 'import', path.join(dir, 'nowhere.json')], env);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/^continuum: Cannot read /);
    });

    it('exports the directory as CSV files with their datapackage', () => {
      const out = path.join(dir, 'export');
      const result = run(['directory', 'export', '--format', 'csv', '--out', out], env);
      expect(result.stderr).not.toMatch(/error/i);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^Exported \d+ organizations, \d+ locations and \d+ services \(HSDS 3\.0, csv\)/);
      expect(fs.readdirSync(out)).toContain('datapackage.json');
      expect(fs.readFileSync(path.join(out, 'services.csv'), 'utf8')).toMatch(/^id,organization_id,program_id,name,/);
    });
  });
}
