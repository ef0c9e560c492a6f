// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports that would give `core` I/O or tie it to a vendor: core stays pure. */
const impureModules = [
  { group: ['@forge/*'], message: 'core is pure: Forge APIs belong in jira-app adapters.' },
  { group: ['@microsoft/*'], message: 'core is pure: Microsoft SDKs belong in teams-app.' },
  { group: ['fs', 'node:fs', 'fs/*', 'node:fs/*'], message: 'core is pure: read files in cli/ or an adapter and pass the text in.' },
  { group: ['http', 'node:http', 'https', 'node:https', 'net', 'node:net'], message: 'core is pure: HTTP belongs in adapters.' },
  { group: ['child_process', 'node:child_process', 'worker_threads', 'node:worker_threads'], message: 'core is pure: no processes.' },
  { group: ['better-sqlite3', 'pg', 'pg-*', 'sqlite3', 'mysql*', 'redis', 'ioredis'], message: 'core is pure: database clients belong in adapters.' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'test/artifacts/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['core/src/**/*.ts'],
    ignores: ['core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: impureModules }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core is pure: configuration comes in as arguments.' },
        { name: 'fetch', message: 'core is pure: HTTP belongs in adapters.' },
        { name: 'performance', message: 'core is pure: the clock comes in as an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core is pure: pass the time in (`at`) instead of reading the clock.' },
        { selector: "CallExpression[callee.name='Date']", message: 'core is pure: pass the time in instead of reading the clock.' },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'core is pure: pass the time in instead of reading the clock.' },
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'core is pure: pass ids and seeds in.' },
        { selector: "MemberExpression[object.name='crypto'][property.name='randomUUID']", message: 'core is pure: pass ids in.' },
      ],
    },
  },
);
