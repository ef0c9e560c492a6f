/**
 * Builds the Forge functions the way `forge deploy` does: with the Forge CLI's own bundler,
 * `@forge/bundler` (webpack + ts-loader over the app's `tsconfig.json`), from the handler modules
 * `manifest.yml` names, resolved under `src/` beside the manifest (the repository root is the
 * Forge app's root). The bundle is copied to `jira-app/dist/functions/` (`index.cjs` and its
 * source map) for the local Forge host and the tests.
 *
 * What it leaves out, and why: after bundling, the CLI adds Forge's Node runtime loader and
 * wrapper (`__forge__.cjs`, `__forge_wrapper__.cjs`, `runtime.json`), which it downloads from
 * Atlassian's CDN. They are Atlassian's code, not the app's, cannot be fetched offline, and are
 * what the local Forge host stands in for; so the bundler is handed a provider that supplies no
 * runtime, and those outputs are dropped (the CLI fetches them at deploy time).
 *
 *   npm run build:functions            # or: npx tsx jira-app/scripts/build-functions.ts [--out DIR]
 */
import { copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getEntryPoints, getNodeBundler } from '@forge/bundler';
import { parse } from 'yaml';

/** The Forge app's root: the repository root, where `manifest.yml` and `src/` are. */
export const APP_ROOT = resolve(__dirname, '..', '..');
export const DEFAULT_FUNCTIONS_OUT_DIR = join(APP_ROOT, 'jira-app', 'dist', 'functions');

type BundlerLogger = Parameters<typeof getNodeBundler>[0];
type WrapperProvider = Parameters<typeof getNodeBundler>[1];
type ConfigReader = Parameters<typeof getNodeBundler>[2];

/** The handler modules of `manifest.yml` (`index.resolverHandler` → `index`), as the CLI reads them. */
export function handlerModules(manifest: { modules?: { function?: { handler: string }[] } }): string[] {
  const handlers = (manifest.modules?.function ?? []).map((f) => f.handler);
  return [...new Set(handlers.map((h) => {
    const parts = h.split('.');
    if (parts.length !== 2) throw new Error(`expected a function handler "<module>.<export>", got "${h}"`);
    return parts[0]!;
  }))];
}

/** The runtime Forge's CLI would download: none offline (see the module comment). */
const noRuntime: WrapperProvider = {
  getNodeRuntimeWrapper: async () => ({ script: '', source: 'offline: fetched by the Forge CLI at deploy time', version: 'none' }),
  getNodeRuntimeLoader: async () => ({ script: '', source: 'offline: fetched by the Forge CLI at deploy time', version: 'none' }),
};

function logger(warnings: string[]): BundlerLogger {
  return {
    traceEnabled: false,
    debugEnabled: false,
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: (message: string) => void warnings.push(message),
    error: (e: Error) => void warnings.push(e.message),
  } as BundlerLogger;
}

export interface FunctionsBuild {
  /** The bundles written, e.g. `[…/dist/functions/index.cjs]`. */
  readonly files: string[];
  /** What webpack warned about (empty when clean). */
  readonly warnings: string[];
  /** The `@forge/*` APIs the bundle imports, as the bundler reports them. */
  readonly sdkImports: string[];
}

/** Bundles the manifest's handler modules with `@forge/bundler` into `outDir`. */
export async function buildFunctions(outDir = DEFAULT_FUNCTIONS_OUT_DIR, appRoot = APP_ROOT): Promise<FunctionsBuild> {
  const manifest = parse(await readFile(join(appRoot, 'manifest.yml'), 'utf8')) as Awaited<ReturnType<ConfigReader['readConfig']>>;
  const modules = handlerModules(manifest as { modules?: { function?: { handler: string }[] } });
  const warnings: string[] = [];
  const configReader = { readConfig: async () => manifest } as ConfigReader;
  const bundler = getNodeBundler(logger(warnings), noRuntime, configReader);
  // The CLI resolves entry points against the current directory (`src/<module>`): run from the app root.
  const cwd = process.cwd();
  process.chdir(appRoot);
  let output;
  try {
    output = await bundler.bundle({ appDirectory: appRoot, entryPoints: getEntryPoints(modules.map((module) => ({ module, func: '' }))) });
  } finally {
    process.chdir(cwd);
  }
  // Each file is replaced atomically (copy, then rename), so a host or test loading the bundle
  // while another process rebuilds it never reads half a file.
  await mkdir(outDir, { recursive: true });
  for (const name of await readdir(output.outputDir)) {
    const temp = join(outDir, `.${name}.${process.pid}.tmp`);
    await copyFile(join(output.outputDir, name), temp);
    await rename(temp, join(outDir, name));
  }
  await rm(output.outputDir, { recursive: true, force: true });
  return { files: modules.map((m) => join(outDir, `${m}.cjs`)), warnings, sdkImports: [...(output.metadata?.sdkImports ?? [])].sort() };
}

if (require.main === module) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const started = Date.now();
  buildFunctions(values.out ? resolve(values.out) : undefined).then(
    (built) => {
      for (const w of built.warnings) console.warn(`warning: ${w}`);
      console.log(`built ${built.files.join(', ')} with @forge/bundler in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
