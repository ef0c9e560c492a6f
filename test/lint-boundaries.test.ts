/**
 * The boundaries eslint.config.mjs draws between the product and dev/: product code never imports
 * a stand-in, and the local Forge host uses packages only through what they export. Each case
 * lints a line of code as if it were at a path, with the project's own ESLint configuration.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/** The cases, linted together in one ESLint process (it takes seconds to start). */
const cases: [path: string, code: string][] = [
  ['jira-app/src/adapters/new-adapter.ts', "import { startWebTrigger } from '../../../dev/forge-webtrigger';"],
  ['teams-app/src/bot/new-handler.ts', "import { startBotConnector } from '../../../dev/bot-connector';"],
  ['cli/src/new-command.ts', "import { startJiraEmulator } from '../../dev/jira-emulator/server';"],
  ['core/src/progress/new-rule.ts', "import type { JiraEmulator } from '../../../dev/jira-emulator';"],
  ['src/index.ts', "export { startForgeHost } from '../dev/forge-host';"],
  ['teams-app/src/bot/bot.test.ts', "import { startWebTrigger } from '../../../dev/forge-webtrigger';"],
  ['teams-app/src/bot/testing.ts', "import { startWebTrigger } from '../../../dev/forge-webtrigger';"],
  ['dev/forge-host/new-part.ts', "import { createAppHandlers } from '../../jira-app/src/app/handlers';"],
  ['dev/forge-webtrigger/new-part.ts', "import { handleWebTrigger } from '../../jira-app/src/webtrigger/web-trigger';"],
  ['dev/forge-webtrigger/other-part.ts', "import { handleWebTrigger } from '@okr-bridge/jira-app/testing';"],
  ['dev/forge-host/other-part.ts', "import { parseOrg } from '@okr-bridge/core';"],
];

let results = new Map<string, LintMessage[]>();
beforeAll(() => {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const [path, code] of cases) {
      const [r] = await eslint.lintText(code + '\\nexport const x = 1;\\n', { filePath: path });
      out.push([path, r.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }))]);
    }
    console.log(JSON.stringify(out));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], { cwd: root, encoding: 'utf8' });
  results = new Map(JSON.parse(out) as [string, LintMessage[]][]);
}, 120_000);

const lintAs = (path: string): LintMessage[] => results.get(path) ?? [];

const restricted = (messages: LintMessage[]) => messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);

describe('product code and dev/', () => {
  it.each(cases.slice(0, 5).map(([path]) => path))('refuses %s importing dev/', (path) => {
    expect(restricted(lintAs(path))).toEqual([expect.stringContaining('product code must not import dev/')]);
  });

  it('lets tests and test support use the stand-ins', () => {
    expect(results.has('teams-app/src/bot/bot.test.ts')).toBe(true);
    expect(restricted(lintAs('teams-app/src/bot/bot.test.ts'))).toEqual([]);
    expect(restricted(lintAs('teams-app/src/bot/testing.ts'))).toEqual([]);
  });
});

describe('the local Forge host', () => {
  it('refuses a deep import of the app or core source, and accepts the package export', () => {
    expect(restricted(lintAs('dev/forge-host/new-part.ts'))).toEqual([expect.stringContaining('dev/ uses a package through what it exports')]);
    expect(restricted(lintAs('dev/forge-webtrigger/new-part.ts'))).toEqual([expect.stringContaining('dev/ uses a package through what it exports')]);
    expect(results.has('dev/forge-webtrigger/other-part.ts')).toBe(true);
    expect(restricted(lintAs('dev/forge-webtrigger/other-part.ts'))).toEqual([]);
    expect(results.has('dev/forge-host/other-part.ts')).toBe(true);
    expect(restricted(lintAs('dev/forge-host/other-part.ts'))).toEqual([]);
  });
});
