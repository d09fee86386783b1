import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { buildProgram, describeError, runCli } from './main.ts';
import { createProgress } from './progress.ts';
import { CliError } from './errors.ts';
import { AppError } from '../lib/errors.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { z } from 'zod';

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

describe('continuum CLI', () => {
  it('has the commands the platform promises, each with help', () => {
    const program = buildProgram();
    const names = allCommands(program).map((c) => {
      const parent = c.parent && c.parent !== program ? `${c.parent.name()} ` : '';
      return `${parent}${c.name()}`;
    });
    expect(names).toEqual(
      expect.arrayContaining([
        'start',
        'migrate',
        'demo',
        'org create',
        'org list',
        'backup',
        'restore',
        'outbox deliver',
        'user create',
        'report assessments',
        'report employers',
      ]),
    );
    for (const command of allCommands(program)) {
      expect(command.description().length, `${command.name()} needs a description`).toBeGreaterThan(10);
      expect(command.helpInformation()).toContain('--help');
    }
  });

  it('prints help from the real binary and exits 0', () => {
    const result = spawnSync(process.execPath, [path.resolve('bin/continuum.js'), 'demo', '--help'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/--clients <n>/);
    expect(result.stdout).toMatch(/--seed <s>/);
  });

  it('rejects bad arguments with a clear message and a non-zero exit', async () => {
    const errors: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      errors.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      expect(await runCli(['demo', '--clients', 'many'])).not.toBe(0);
      expect(await runCli(['org', 'create', '--type', 'bank', '--name', 'X'])).not.toBe(0);
    } finally {
      process.stderr.write = original;
    }
    expect(errors.join('')).toMatch(/must be a whole number/);
    expect(errors.join('')).toMatch(/Allowed choices are system_manager/);
  });

  it('refuses bad report options in one line, before any database is opened', async () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runCli(['report', 'employers', '--from', '2026-12-05', '--to', '2026-01-01'])).toBe(1);
      expect(await runCli(['report', 'employers', '--organization', 'agency-7'])).toBe(1);
      expect(await runCli(['report', 'employers', '--from', '2026-02-30'])).toBe(1);
      const lines = said.mock.calls.map((call) => String(call[0]));
      expect(lines).toHaveLength(3);
      expect(lines[0]).toBe('continuum: Check the options: to: from must not be after to');
      expect(lines[1]).toMatch(/^continuum: Check the options: organizationId: /);
      expect(lines[2]).toMatch(/^continuum: Check the options: from: /);
    } finally {
      said.mockRestore();
    }
  });

  it('turns known failures into one line and leaves bugs to a stack trace', () => {
    expect(describeError(new CliError('Give --name'))).toBe('Give --name');
    expect(describeError(new AppError('conflict', 'Already exists', [{ field: 'name', message: 'taken' }]))).toBe(
      'Already exists\n  name: taken',
    );
    const zodError = z.object({ name: z.string() }).safeParse({}).error!;
    expect(describeError(zodError)).toMatch(/^Invalid input:\n {2}name: /);
    expect(
      describeError(
        new DataDirLockedError('/d', { pid: 1, hostname: 'h', command: 'continuum start', startedAt: 't', token: 'x' }),
      ),
    ).toMatch(/Stop the server first/);
    expect(describeError(new TypeError('x is undefined'))).toBeUndefined();
  });
});

describe('progress bar', () => {
  it('prints a line per tenth when not on a terminal', () => {
    const lines: string[] = [];
    const stream = { isTTY: false, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream;
    const progress = createProgress('clients', 1000, stream);
    for (let i = 0; i <= 1000; i += 10) progress.update(i);
    progress.done('done');
    expect(lines.filter((l) => l.startsWith('clients'))).toHaveLength(11);
    expect(lines.at(-2)).toMatch(/100% 1,000\/1,000/);
    expect(lines.at(-1)).toBe('done\n');
  });

  it('redraws one line on a terminal', () => {
    const writes: string[] = [];
    const stream = { isTTY: true, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream;
    const progress = createProgress('sites', 10, stream);
    progress.update(10);
    expect(writes[0]).toMatch(/^\rsites █+ 100%/);
  });
});
