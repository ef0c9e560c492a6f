/** One jest run covers every workspace and the cross-package suites in test/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/core', '<rootDir>/cli', '<rootDir>/dev', '<rootDir>/jira-app', '<rootDir>/test', '<rootDir>/teams-app'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // jose and strip-bom (under @microsoft/app-manifest) ship only ES modules: compile them like
  // our own code so CommonJS tests can load them; every other dependency is left as it is.
  transformIgnorePatterns: ['^(?!.*/node_modules/(jose|strip-bom)/).*/node_modules/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
};
