import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Secrets the server must read back (TOTP seeds) are sealed with AES-256-GCM under one key held
// outside the database, so a copy of the database or a backup alone does not give them away. The
// record's id is bound in as associated data: a sealed value copied onto another row does not open.
// Sealed values read `v1.<base64url(iv | tag | ciphertext)>`.

const VERSION = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRETS_KEY_FILE = 'secrets.key';

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

export type SecretBox = {
  seal: (plaintext: string, boundTo: string) => string;
  open: (sealed: string, boundTo: string) => string;
};

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new SecretBoxError('The secrets key must be 32 bytes.');
  return {
    seal(plaintext, boundTo) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return VERSION + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
    },
    open(sealed, boundTo) {
      if (!sealed.startsWith(VERSION)) throw new SecretBoxError('The value is not sealed.');
      const raw = Buffer.from(sealed.slice(VERSION.length), 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretBoxError('The sealed value is too short.');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('The sealed value does not open with this key (was SECRETS_KEY changed?).');
      }
    },
  };
}

export function isSealed(value: string): boolean {
  return value.startsWith(VERSION);
}

// SECRETS_KEY: 32 bytes as 64 hex digits or base64. Without it, a key file in the data directory,
// created (mode 0600) on first use. Several servers sharing one database must share one key.
export function parseSecretsKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new SecretBoxError(
      'SECRETS_KEY must be 32 bytes, as 64 hex digits or base64 (make one with `openssl rand -hex 32`).',
    );
  }
  return key;
}

export function loadSecretsKey(options: { fromEnv: string | undefined; dataDir: string }): {
  key: Buffer;
  source: string;
  created: boolean;
} {
  if (options.fromEnv) return { key: parseSecretsKey(options.fromEnv), source: 'SECRETS_KEY', created: false };
  const file = path.join(options.dataDir, SECRETS_KEY_FILE);
  if (fs.existsSync(file)) return { key: parseSecretsKey(fs.readFileSync(file, 'utf8')), source: file, created: false };
  fs.mkdirSync(options.dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  // 'wx' fails if another process created it meanwhile: then read theirs.
  try {
    fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { key: parseSecretsKey(fs.readFileSync(file, 'utf8')), source: file, created: false };
  }
  return { key, source: file, created: true };
}
