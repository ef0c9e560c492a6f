// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
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

/** dev/ holds stand-ins for the clouds and the local stack: product code never depends on it. */
const devImports = [
  { group: ['**/dev', '**/dev/**'], message: 'product code must not import dev/ (stand-ins and the local stack); inject what you need instead.' },
];

/** Product source folders: everything shipped to users. Tests and test support may use the stand-ins. */
const productFiles = ['core/**/*.{ts,tsx}', 'cli/**/*.{ts,tsx}', 'jira-app/**/*.{ts,tsx}', 'teams-app/**/*.{ts,tsx}', 'src/**/*.ts'];
// Test support goes by several names today (testing.ts, testing/, test-site.ts, *.test-support.ts, test-deps).
const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/testing.ts', '**/testing/**', '**/test-site.ts', '**/*.test-support.ts', '**/test-deps.ts', '**/test-deps/**'];

/** The local Forge host and the web trigger server use a package only through what it exports, as the deployed bundle does. */
const deepProductImports = [
  { group: ['**/core/src', '**/core/src/**', '**/cli/src/**', '**/jira-app/src', '**/jira-app/src/**', '**/teams-app/src/**'], message: 'dev/ uses a package through what it exports (@okr-bridge/core, @okr-bridge/jira-app/testing, the built Forge bundle), not its source files.' },
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
    // Hooks in the same order on every render: a hook after an early return breaks a live page
    // the first time the branch changes (React's own rule, from its maintainers).
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error' },
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
      'no-restricted-imports': ['error', { patterns: [...impureModules, ...devImports] }],
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
  {
    files: productFiles,
    ignores: ['core/**', ...testFiles],
    rules: { 'no-restricted-imports': ['error', { patterns: devImports }] },
  },
  {
    files: ['dev/forge-host/**/*.ts', 'dev/forge-webtrigger/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: deepProductImports }] },
  },
);
