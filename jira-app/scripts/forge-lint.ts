/**
 * `forge lint`, offline: Atlassian's own checker (`@forge/lint`, the linters the Forge CLI runs
 * client-side) over the manifest and the function code. Exits 1 on any error or warning.
 *
 * Differences from the CLI, and why:
 * - The CLI lints only `src/`; here `src/` is a re-export, so the app's function code under
 *   `jira-app/src` (without tests and the Custom UI, which runs in the browser) is linted too.
 * - The permission linter downloads Atlassian's OpenAPI documents to learn each REST operation's
 *   scopes. Offline it reads local copies (its own `USE_LOCAL_SWAGGER` switch): the Jira platform
 *   operations and their scopes from `forge-lint/jira-platform-scopes.json` (cut from the official
 *   document), and no operations for Jira Service Management, Jira Software, Confluence and
 *   Bitbucket, which the app never calls.
 * - The CLI asks Atlassian's feature-flag service (Statsig) for gates and the list of deprecated
 *   runtimes, and falls back to the defaults when it cannot reach it; offline, every answer is
 *   that fallback (`null`), which is what the CLI uses without a network.
 *
 *   npm run lint:forge
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { StatsigReader, type DynamicConfig, type DynamicConfigKey, type StatsigService } from '@forge/cli-shared';
import { lint, problemCount, reportLintResults } from '@forge/lint';
import { parse } from 'yaml';
import { APP_ROOT } from './build-functions';

/** Feature flags as the CLI sees them when Atlassian's flag service cannot be reached. */
class OfflineFlags extends StatsigReader {
  async checkGate(): Promise<boolean | null> {
    return null;
  }
  async getDynamicConfig<F extends DynamicConfigKey>(): Promise<DynamicConfig[F] | null> {
    return null;
  }
}

/** The function code `forge lint` should see: `src/` and jira-app's non-UI, non-test sources. */
export function filesToLint(root = APP_ROOT): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  const code = (f: string) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f);
  const app = walk(join(root, 'jira-app', 'src')).filter((f) => code(f) && !f.includes(`${join('jira-app', 'src', 'ui')}`) && !f.includes(join('jira-app', 'src', 'testing')));
  return [...walk(join(root, 'src')).filter(code), ...app].map((f) => relative(root, f));
}

export interface ForgeLintReport {
  readonly errors: number;
  readonly warnings: number;
  readonly files: number;
  readonly output: string[];
}

/** Runs the Forge CLI's client-side linters from the app root. */
export async function runForgeLint(root = APP_ROOT): Promise<ForgeLintReport> {
  const specs = join(__dirname, 'forge-lint');
  const none = join(specs, 'no-paths.json');
  Object.assign(process.env, {
    USE_LOCAL_SWAGGER: 'true',
    LOCAL_JIRA_SWAGGER: join(specs, 'jira-platform-scopes.json'),
    LOCAL_JSM_SWAGGER: none,
    LOCAL_JSW_SWAGGER: none,
    LOCAL_CONF_SWAGGER: none,
    LOCAL_CONF_V2_SWAGGER: none,
    LOCAL_BB_SWAGGER: none,
  });
  const cwd = process.cwd();
  process.chdir(root);
  const output: string[] = [];
  try {
    const manifest = parse(readFileSync('manifest.yml', 'utf8'));
    const files = filesToLint(root);
    const logger = { info: (m: string) => void output.push(m) };
    const results = await lint(files, manifest, 'production', logger, // The linters only read flags through StatsigReader's methods, which OfflineFlags implements.
    new OfflineFlags() as StatsigReader as StatsigService, { linter: { mode: 'client-side' } });
    reportLintResults(logger, results);
    const count = problemCount(results);
    return { errors: count.errors, warnings: count.warnings, files: files.length, output };
  } finally {
    process.chdir(cwd);
  }
}

if (require.main === module) {
  runForgeLint().then(
    (r) => {
      for (const line of r.output) console.log(line);
      console.log(`forge lint (offline, @forge/lint): ${r.files} files, ${r.errors} errors, ${r.warnings} warnings`);
      if (r.errors + r.warnings > 0) process.exitCode = 1;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
