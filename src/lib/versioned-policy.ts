import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from './errors.ts';

// Rules kept as versioned data files (a transfer's release limit, a referral's deadlines), like the
// assessment model: a change of rule ships a new file, configuration picks the version in force, and
// every record the rule touched keeps the version that decided it. A shipped file is never edited
// (each module's policy test pins the checksums).

export const bilingualTextSchema = z.strictObject({
  en: z.string().trim().min(1, 'English text is required'),
  fr: z.string().trim().min(1, 'French text is required'),
});

export type PolicyBase = { version: string; effectiveFrom: string };

export type PolicyRegistry<T extends PolicyBase> = {
  parseFile: (fileName: string, text: string) => T;
  list: () => T[];
  find: (version: string) => T | undefined;
  get: (version?: string) => T;
  checksum: (policy: T) => string;
};

// `label`: how errors name the rule ("Transfer policy"); `dir`: the folder of its JSON files.
export function policyRegistry<T extends PolicyBase>(options: {
  label: string;
  dir: URL;
  schema: z.ZodType<T>;
  defaultVersion: string;
}): PolicyRegistry<T> {
  const { label, dir, schema, defaultVersion } = options;
  let loaded: Map<string, T> | undefined;

  const parseFile = (fileName: string, text: string): T => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new Error(`${label} ${fileName} is not valid JSON: ${(error as Error).message}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(policy)'}: ${i.message}`).join('\n');
      throw new Error(`${label} ${fileName} is invalid:\n${issues}`);
    }
    if (`${parsed.data.version}.json` !== fileName) {
      throw new Error(
        `${label} ${fileName} declares version ${parsed.data.version}: the file must be named ${parsed.data.version}.json`,
      );
    }
    return deepFreeze(parsed.data);
  };

  const all = (): Map<string, T> => {
    if (loaded) return loaded;
    const byVersion = new Map<string, T>();
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const policy = parseFile(file, fs.readFileSync(new URL(file, dir), 'utf8'));
      byVersion.set(policy.version, policy);
    }
    if (!byVersion.has(defaultVersion))
      throw new Error(`The default ${label.toLowerCase()} ${defaultVersion} is missing`);
    loaded = byVersion;
    return loaded;
  };

  // Oldest first (by effective date, then version).
  const list = () =>
    [...all().values()].sort((a, b) =>
      a.effectiveFrom !== b.effectiveFrom
        ? a.effectiveFrom < b.effectiveFrom
          ? -1
          : 1
        : a.version < b.version
          ? -1
          : 1,
    );
  const find = (version: string) => all().get(version);
  const get = (version: string = defaultVersion) => {
    const policy = find(version);
    if (!policy) {
      throw new AppError(
        'not_found',
        `Unknown ${label.toLowerCase()} ${version}; available: ${list()
          .map((p) => p.version)
          .join(', ')}`,
      );
    }
    return policy;
  };
  return { parseFile, list, find, get, checksum: policyChecksum };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// SHA-256 of the policy's canonical JSON (keys sorted), so a reformatted file keeps its checksum.
export function policyChecksum(policy: unknown): string {
  const canonical = (value: unknown): unknown =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
        )
      : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(policy)))
    .digest('hex');
}
