/**
 * Where the functions bundle (built by `build-functions.ts` with the Forge CLI's bundler) is, and
 * building it when it is missing or older than the code it is built from. The build runs in a
 * child process: webpack is heavy, and the bundler resolves entry points from the working
 * directory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

/** The bundle of `src/index.ts` (the handlers `manifest.yml` names). */
export const FUNCTIONS_BUNDLE = join(root, 'jira-app', 'dist', 'functions', 'index.cjs');

/** What the bundle is built from: the entry, the app's function code, core, the manifest and the compiler settings. */
const SOURCES = ['src', join('jira-app', 'src'), join('core', 'src'), 'manifest.yml', 'tsconfig.json', 'package-lock.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    // The panels run in the browser: they are not part of the functions bundle.
    if (e.name === 'ui' || e.name === 'node_modules') continue;
    newest = Math.max(newest, newestChange(join(path, e.name)));
  }
  return newest;
}

/** True when the bundle is missing or any of its sources changed after it was built. */
export function functionsBundleIsStale(bundle = FUNCTIONS_BUNDLE): boolean {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return SOURCES.some((s) => newestChange(join(root, s)) > built);
}

/**
 * Returns the bundle's path, building it first when `mode` asks: `if-stale` (the default)
 * rebuilds when a source is newer, `if-missing` only when there is none, `always` every time.
 */
export function ensureFunctionsBuilt(mode: 'always' | 'if-stale' | 'if-missing' | 'never' = 'if-stale'): string {
  const needed = mode === 'always' || (mode === 'if-stale' && functionsBundleIsStale()) || (mode === 'if-missing' && !existsSync(FUNCTIONS_BUNDLE));
  if (needed) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'build-functions.ts')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (run.status !== 0) throw new Error(`building the functions with @forge/bundler failed (exit ${run.status}):\n${run.stderr || run.stdout}`);
  }
  if (!existsSync(FUNCTIONS_BUNDLE)) throw new Error(`expected the functions bundle at ${FUNCTIONS_BUNDLE}: run \`npm run build:functions\``);
  return FUNCTIONS_BUNDLE;
}
