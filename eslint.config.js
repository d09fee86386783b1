// @ts-check
import tseslint from 'typescript-eslint';

// A short list of rules that catch real bugs, plus the import boundaries of HOUSE_STYLE.md.
export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'Focused tests hide the rest of the suite.' },
        { object: 'it', property: 'only', message: 'Focused tests hide the rest of the suite.' },
        { object: 'test', property: 'only', message: 'Focused tests hide the rest of the suite.' },
      ],
    },
  },
  {
    files: ['src/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/db/**', '**/*.queries', '**/*.queries.ts', '**/*.service', '**/*.service.ts'],
              message: 'The web UI talks to the server over HTTP only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[a-z-]+/.*\\.queries(\\.ts)?$',
              message: "A module never imports another module's queries: call its service.",
            },
            {
              group: ['**/server/**', '**/cli/**', '**/web/**'],
              allowTypeImports: true,
              message: 'The domain sits below the server, the CLI and the web UI (types aside).',
            },
          ],
        },
      ],
    },
  },
  {
    // The access layer sits below the modules: it reads facts (src/access/facts/) and never calls a module.
    files: ['src/access/**'],
    ignores: ['src/access/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/domain/**', '**/server/**', '**/cli/**', '**/web/**'],
              allowTypeImports: true,
              message: 'access/ imports only db/, lib/ and itself (types aside): read facts, never call a module.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/**'],
    ignores: ['src/lib/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/domain/**', '**/server/**', '**/access/**', '**/cli/**', '**/web/**'],
              allowTypeImports: true,
              message: 'lib/ is the bottom layer: generic helpers only.',
            },
          ],
        },
      ],
    },
  },
);
