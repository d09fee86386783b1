import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatErrorForLog, serializeErrorForLog } from './log-safety.ts';

describe('serializeErrorForLog', () => {
  it('keeps where a database error happened and drops every value it quotes', () => {
    const error = Object.assign(new Error('invalid input syntax for type date: "0000-01-01 Jane"'), {
      name: 'error',
      severity: 'ERROR',
      code: '22008',
      table: 'clients',
      constraint: 'clients_interpreter_check',
      detail: 'Failing row contains (Jane, Doe, 1990-04-01).',
    });
    const logged = serializeErrorForLog(error);
    expect(logged).toMatchObject({
      type: 'DatabaseError',
      code: '22008',
      table: 'clients',
      constraint: 'clients_interpreter_check',
      message: 'invalid input syntax for type date: "…"',
    });
    const text = JSON.stringify(logged);
    for (const secret of ['Jane', '1990-04-01', '0000-01-01', 'Failing row']) expect(text).not.toContain(secret);
    expect(logged.stack).toMatch(/^\s+at /);
  });

  it('gives a validation error’s paths and codes, never its messages', () => {
    const result = z
      .object({ dateOfBirth: z.string().refine(() => false, '1990-04-01 is after 1980-01-01') })
      .safeParse({ dateOfBirth: '1990-04-01' });
    const logged = serializeErrorForLog(result.error);
    expect(logged.issues).toEqual([{ path: 'dateOfBirth', code: 'custom' }]);
    expect(JSON.stringify(logged)).not.toContain('1990');
  });

  it('keeps the message and frames of a programming error, and says what a thrown non-error was', () => {
    const logged = serializeErrorForLog(new TypeError('Cannot read properties of undefined'));
    expect(logged).toMatchObject({ type: 'TypeError', message: 'Cannot read properties of undefined' });
    expect(serializeErrorForLog('Jane Doe')).toEqual({
      type: 'string',
      message: 'a thrown non-error value',
      stack: '',
    });
  });
});

describe('formatErrorForLog', () => {
  it('prints a database error for a terminal with where, not what', () => {
    const error = Object.assign(new Error('value "Jane" violates check constraint "c"'), {
      severity: 'ERROR',
      code: '23514',
      table: 'clients',
      constraint: 'clients_interpreter_check',
      detail: 'Failing row contains (Jane).',
    });
    const text = formatErrorForLog(error);
    expect(text.split('\n')[0]).toBe(
      'DatabaseError: value "…" violates check constraint "…" (23514, clients, clients_interpreter_check)',
    );
    expect(text).not.toContain('Jane');
  });
});
