/**
 * Builds the Custom UI panels with esbuild: one self-contained folder per panel,
 * `jira-app/dist/ui/<name>/index.html` + `assets/`, every path relative because Forge serves
 * each folder as a resource directory from its own origin and path. Output is minified ES
 * modules for evergreen browsers; theme CSS that `@atlaskit/tokens` loads on demand becomes
 * lazy chunks. The HTML carries no inline script or style (Forge's CSP forbids inline
 * scripts); the local Forge host injects its bridge shim into it when serving.
 *
 *   npm run build:ui -w jira-app            # or: npx tsx jira-app/scripts/build-ui.ts [--out DIR] [--no-minify]
 */
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';

/** The panels, as manifest resources: each name is a folder under the output directory. */
export const PANELS = [
  { name: 'department', title: 'Department OKRs' },
  { name: 'epic', title: 'Key results' },
  { name: 'company', title: 'Company OKRs' },
  { name: 'gadget', title: 'OKR progress' },
  { name: 'admin', title: 'OKR settings' },
] as const;

export type PanelName = (typeof PANELS)[number]['name'];

export interface BuildUiOptions {
  /** Where the panel folders go; `jira-app/dist/ui` by default. */
  readonly outDir?: string;
  readonly minify?: boolean;
  /** Build only these panels (all by default). */
  readonly panels?: readonly PanelName[];
}

export interface BuiltPanel {
  readonly name: PanelName;
  readonly dir: string;
  /** Bytes of every file the panel folder holds. */
  readonly bytes: number;
}

const APP_ROOT = resolve(__dirname, '..');
export const DEFAULT_UI_OUT_DIR = join(APP_ROOT, 'dist', 'ui');

/** The panel's HTML page: the stylesheet and module script, by relative path. */
export function renderPanelHtml(title: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '<link rel="stylesheet" href="./assets/index.css">',
    '<script type="module" src="./assets/index.js"></script>',
    '</head>',
    '<body>',
    '<div id="root"></div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Node built-ins reached through `@okr-bridge/core`'s index (the bridge's HMAC signing) are
 * never called by a panel; they resolve to a stub that throws if one ever is, instead of
 * failing the build or shipping a polyfill.
 */
const stubNodeBuiltins: Plugin = {
  name: 'stub-node-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, name) => () => { throw new Error(${JSON.stringify(args.path)} + '.' + String(name) + ' is not available in a panel'); } });`,
      loader: 'js',
    }));
  },
};

/**
 * zod's namespace export keeps every locale (about 250 KiB minified) in a browser bundle; the
 * panels speak English, so `z.locales` offers English only here. zod registers English itself.
 */
const englishZodLocales: Plugin = {
  name: 'english-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir) ? { path: join(args.resolveDir, '..', 'locales', 'en.js'), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({ contents: `export { default as en } from './en.js';`, loader: 'js', resolveDir: dirname(args.path) }));
  },
};

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await folderBytes(path) : (await stat(path)).size;
  }
  return total;
}

/** Builds each panel into its own folder; resolves with what was written. */
export async function buildUi(options: BuildUiOptions = {}): Promise<BuiltPanel[]> {
  const outDir = options.outDir ?? DEFAULT_UI_OUT_DIR;
  const wanted = PANELS.filter((p) => !options.panels || options.panels.includes(p.name));
  const built: BuiltPanel[] = [];
  for (const panel of wanted) {
    const dir = join(outDir, panel.name);
    await rm(dir, { recursive: true, force: true });
    await mkdir(join(dir, 'assets'), { recursive: true });
    await build({
      entryPoints: { index: join(APP_ROOT, 'src', 'ui', 'entries', `${panel.name}.tsx`) },
      outdir: join(dir, 'assets'),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: ['chrome110', 'firefox110', 'safari16'],
      minify: options.minify ?? true,
      jsx: 'automatic',
      chunkNames: 'chunk-[hash]',
      assetNames: '[name]-[hash]',
      loader: { '.svg': 'file', '.png': 'file', '.woff': 'file', '.woff2': 'file' },
      define: { 'process.env.NODE_ENV': '"production"', 'process.env.CI': 'false' },
      legalComments: 'none',
      plugins: [stubNodeBuiltins, englishZodLocales],
      logLevel: 'warning',
    });
    await writeFile(join(dir, 'index.html'), renderPanelHtml(panel.title));
    built.push({ name: panel.name, dir, bytes: await folderBytes(dir) });
  }
  return built;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-minify': { type: 'boolean', default: false } } });
  const started = performance.now();
  const built = await buildUi({ ...(values.out ? { outDir: resolve(values.out) } : {}), minify: !values['no-minify'] });
  for (const p of built) process.stdout.write(`${p.name.padEnd(11)} ${(p.bytes / 1024).toFixed(0).padStart(6)} KiB  ${p.dir}\n`);
  process.stdout.write(`built ${built.length} panels in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  });
}
