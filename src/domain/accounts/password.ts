import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './account.ts';

// ASVS (V6): length over composition, no forced rotation, refuse passwords that are common or built
// from the account's own details. The list is zxcvbn-ts's ~49,000 most common passwords (MIT).
const commonPasswords = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_account_details';

export function checkPasswordPolicy(
  password: string,
  context: { email?: string; displayName?: string } = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  const lower = password.toLowerCase();
  // A common password padded with a digit or a repeated character is still a common password.
  const stripped = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (
    commonPasswords.has(lower) ||
    (stripped.length >= 4 && commonPasswords.has(stripped)) ||
    /^(.)\1+$/u.test(lower)
  ) {
    problems.push('common');
  }
  const details = [context.email?.split('@')[0], ...(context.displayName?.split(/\s+/) ?? [])]
    .map((d) => d?.toLowerCase() ?? '')
    .filter((d) => d.length >= 4);
  if (details.some((d) => lower.includes(d))) problems.push('contains_account_details');
  return problems;
}

export function describePasswordProblems(problems: PasswordProblem[]): string {
  const text: Record<PasswordProblem, string> = {
    too_short: `use at least ${PASSWORD_MIN_LENGTH} characters (a few words together make a good password)`,
    too_long: `use at most ${PASSWORD_MAX_LENGTH} characters`,
    common: 'this password is too common; choose one that is not on lists of common passwords',
    contains_account_details: 'do not use your name or e-mail address in your password',
  };
  return problems.map((p) => text[p]).join('; ');
}

// argon2id with @node-rs/argon2's defaults (m = 19 MiB, t = 2, p = 1: OWASP's minimum for argon2id).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist makes an unknown e-mail take as long
// as a wrong password, so timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hash('continuum-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
