import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.ts';

describe('password policy (ASVS: length over composition)', () => {
  it.each([
    ['maple syrup on a snowy tuesday', []],
    ['Zq8#vLp', ['too_short']],
    ['password1234', ['common']],
    ['qwertyuiop123', ['common']],
    ['aaaaaaaaaaaaaa', ['common']],
    ['x'.repeat(129), ['too_long', 'common']],
    ['correct horse battery staple', []],
    ['Ünïcödé pässwörd ✓ fine', []],
  ])('%j → %j', (password, expected) => {
    expect(checkPasswordPolicy(password)).toEqual(expected);
  });

  it('refuses the account’s own name or e-mail', () => {
    expect(checkPasswordPolicy('amara.okafor-is-my-login', { email: 'amara.okafor@agency.example' })).toEqual([
      'contains_account_details',
    ]);
    expect(checkPasswordPolicy('welcome to okafor town', { displayName: 'Amara Okafor' })).toEqual([
      'contains_account_details',
    ]);
  });

  it('needs no mix of character classes', () => {
    expect(checkPasswordPolicy('all lower case words here')).toEqual([]);
  });
});

describe('argon2id hashing', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('maple syrup on a snowy tuesday');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'maple syrup on a snowy tuesday')).toBe(true);
    expect(await verifyPassword(hash, 'maple syrup on a snowy wednesday')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });
});
