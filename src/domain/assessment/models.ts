import fs from 'node:fs';
import { AppError } from '../../lib/errors.ts';
import { assessmentModelSchema, type AssessmentModel } from './assessment-model.ts';

export { modelChecksum } from './assessment-model.ts';

// Every model version ever shipped: a new version is a new file; a shipped file is never edited
// (models.test.ts pins each checksum), so a stored result can always be explained again.
const MODELS_DIR = new URL('./models/', import.meta.url);

export const defaultModelVersion = 'ca-2026.1';

let loaded: Map<string, AssessmentModel> | undefined;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export function parseModelFile(fileName: string, text: string): AssessmentModel {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Assessment model ${fileName} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = assessmentModelSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(model)'}: ${i.message}`).join('\n');
    throw new Error(`Assessment model ${fileName} is invalid:\n${issues}`);
  }
  if (`${parsed.data.version}.json` !== fileName) {
    throw new Error(
      `Assessment model ${fileName} declares version ${parsed.data.version}: the file must be named ${parsed.data.version}.json`,
    );
  }
  return deepFreeze(parsed.data);
}

function models(): Map<string, AssessmentModel> {
  if (loaded) return loaded;
  const byVersion = new Map<string, AssessmentModel>();
  const files = fs
    .readdirSync(MODELS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const model = parseModelFile(file, fs.readFileSync(new URL(file, MODELS_DIR), 'utf8'));
    byVersion.set(model.version, model);
  }
  if (!byVersion.has(defaultModelVersion))
    throw new Error(`The default assessment model ${defaultModelVersion} is missing`);
  loaded = byVersion;
  return loaded;
}

// Oldest first (by effective date, then version).
export function listModels(): AssessmentModel[] {
  return [...models().values()].sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : a.version < b.version ? -1 : 1,
  );
}

export function findModel(version: string): AssessmentModel | undefined {
  return models().get(version);
}

export function getModel(version: string = defaultModelVersion): AssessmentModel {
  const model = findModel(version);
  if (!model) {
    const available = listModels()
      .map((m) => m.version)
      .join(', ');
    throw new AppError('not_found', `Unknown assessment model ${version}; available: ${available}`);
  }
  return model;
}
