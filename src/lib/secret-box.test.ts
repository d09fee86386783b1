import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretBox, isSealed, loadSecretsKey, parseSecretsKey, SecretBoxError } from './secret-box.ts';

describe('secret box', () => {
  const box = createSecretBox(crypto.randomBytes(32));

  it('seals so the plaintext does not show, and opens only for the same record and key', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'user-1');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP', 'user-1')).not.toBe(sealed);
    expect(box.open(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => box.open(sealed, 'user-2')).toThrow(SecretBoxError);
    expect(() => createSecretBox(crypto.randomBytes(32)).open(sealed, 'user-1')).toThrow(/SECRETS_KEY/);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'BB' : 'AA');
    expect(() => box.open(tampered, 'user-1')).toThrow(SecretBoxError);
    expect(() => box.open('JBSWY3DPEHPK3PXP', 'user-1')).toThrow(/not sealed/);
  });

  it('reads a key as hex or base64 and refuses any other length', () => {
    const key = crypto.randomBytes(32);
    expect(parseSecretsKey(key.toString('hex'))).toEqual(key);
    expect(parseSecretsKey(` ${key.toString('base64')}\n`)).toEqual(key);
    expect(() => parseSecretsKey('too short')).toThrow(/32 bytes/);
  });

  it('creates a private key file once and reads the same key after', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'continuum-key-'));
    const first = loadSecretsKey({ fromEnv: undefined, dataDir: dir });
    expect(first.created).toBe(true);
    expect(fs.statSync(first.source).mode & 0o777).toBe(0o600);
    const second = loadSecretsKey({ fromEnv: undefined, dataDir: dir });
    expect(second).toMatchObject({ created: false, source: first.source });
    expect(second.key).toEqual(first.key);
    const fromEnv = crypto.randomBytes(32).toString('hex');
    expect(loadSecretsKey({ fromEnv, dataDir: dir }).key.toString('hex')).toBe(fromEnv);
    fs.rmSync(dir, { recursive: true });
  });
});
