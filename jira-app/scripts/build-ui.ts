/**
 * Builds the Custom UI panels with esbuild: one self-contained folder per panel,
 * `jira-app/dist/ui/<name>/index.html` + `assets/`, every path relative because Forge serves
 * each folder as a resource directory from its own origin and path. Output is minified ES
 * modules for evergreen browsers; theme CSS that `@atlaskit/tokens` loads on demand becomes
 * lazy chunks, and so do the dialogs, forms and pickers a panel does not show when it opens. The HTML carries no inline script or style (Forge's CSP forbids inline
 * scripts); the local Forge host injects its bridge shim into it when serving.
 *
 *   npm run build:ui -w jira-app            # or: npx tsx jira-app/scripts/build-ui.ts [--out DIR] [--no-minify] [--why]
 *
 * It prints the gzipped JavaScript each panel loads when it opens and fails when one is over
 * its budget; `--why` adds what the first view is made of, by package.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import tokenNames from '@atlaskit/tokens/token-names';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';

/**
 * The panels, as manifest resources: each name is a folder under the output directory. `icons`:
 * files of `src/ui/icons/` copied into the folder's `icons/`, for the manifest's
 * `resource:<panel>;icons/<file>` (the issue panel's icon, the gadget's thumbnail): Forge serves
 * them from the app's own resources, so no outside host or image permission is needed.
 */
export const PANELS = [
  { name: 'department', title: 'Department OKRs', icons: [] },
  { name: 'epic', title: 'Key results', icons: ['key-results.svg'] },
  { name: 'company', title: 'Company OKRs', icons: [] },
  { name: 'gadget', title: 'OKR progress', icons: ['okr-progress.svg'] },
  { name: 'admin', title: 'OKR settings', icons: [] },
] as const;

export type PanelName = (typeof PANELS)[number]['name'];

export interface BuildUiOptions {
  /** Where the panel folders go; `jira-app/dist/ui` by default. */
  readonly outDir?: string;
  readonly minify?: boolean;
  /** Build only these panels (all by default). */
  readonly panels?: readonly PanelName[];
}

/** The most gzipped JavaScript a panel may load when it opens, in bytes (what `npm run build:jira` checks). */
export const FIRST_VIEW_BUDGET: Readonly<Record<PanelName, number>> = {
  department: 200 * 1024,
  epic: 120 * 1024,
  company: 200 * 1024,
  gadget: 200 * 1024,
  admin: 200 * 1024,
};

export interface BuiltPanel {
  readonly name: PanelName;
  readonly dir: string;
  /**
   * Gzipped bytes of the JavaScript the panel loads when it opens: the entry and every chunk it
   * imports statically, plus the design-token themes of the light mode (loaded at start).
   */
  readonly firstViewGzip: number;
  /** Gzipped bytes of every JavaScript file in the folder, lazy chunks (forms, dialogs, other themes) included. */
  readonly allGzip: number;
  /** The files counted in `firstViewGzip`, by name. */
  readonly firstViewFiles: readonly string[];
  /** Minified bytes of the first view by package (or source folder), largest first. */
  readonly firstViewByPackage: readonly (readonly [string, number])[];
}

/** The package an input belongs to (`@atlaskit/select`), or its folder for our own sources. */
function packageOf(input: string): string {
  const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(input);
  return m ? m[1]!.replace('\\', '/') : input.split(/[\\/]/).slice(0, -1).join('/');
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

/**
 * Atlaskit components ask `@atlaskit/platform-feature-flags` for their flags, which falls back
 * to Atlassian's Statsig client (about 35 KiB gzipped). Nothing ever initialises that client in
 * a Forge iframe, and an uninitialised client answers every gate with false; this stand-in
 * answers the same without shipping the client.
 */
const featureGatesOff: Plugin = {
  name: 'feature-gates-off',
  setup(b) {
    b.onResolve({ filter: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/ }, (args) => ({ path: args.path, namespace: 'feature-gates-off' }));
    b.onLoad({ filter: /.*/, namespace: 'feature-gates-off' }, () => ({ contents: 'const FeatureGates = { checkGate: () => false };\nexport default FeatureGates;\n', loader: 'js' }));
  },
};

/**
 * `token('color.border')` in the panels' own sources becomes its CSS custom property at build
 * time (`"var(--ds-border)"`), as Atlaskit's own babel plugin does, so the panels do not ship
 * the runtime table of every token name. An unknown name fails the build.
 */
const tokensAtBuildTime: Plugin = {
  name: 'tokens-at-build-time',
  setup(b) {
    const names: Readonly<Record<string, string>> = tokenNames;
    b.onLoad({ filter: /[\\/]src[\\/]ui[\\/].*\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const errors: { text: string }[] = [];
      const contents = source.replace(/\btoken\(\s*'([a-z0-9.-]+)'\s*(?:,\s*'([^']*)'\s*)?\)/gi, (_call, name: string, fallback: string | undefined) => {
        const property = names[name];
        if (!property) {
          errors.push({ text: `unknown design token '${name}'` });
          return _call;
        }
        return JSON.stringify(fallback ? `var(${property}, ${fallback})` : `var(${property})`);
      });
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts', errors };
    });
  },
};

/** The design-token themes `setGlobalTheme({ colorMode: 'light' })` loads at start (the dark ones load instead in dark mode). */
const FIRST_VIEW_THEMES = /[\\/]@atlaskit[\\/]tokens[\\/].*[\\/]themes[\\/]atlassian-(light|typography|shape|spacing|motion)\.js$/;

/** The outputs a panel loads when it opens: the entry, its static imports, and the light themes. */
function firstViewOutputs(meta: Metafile, entry: string): string[] {
  const themes = Object.keys(meta.outputs).filter((o) => Object.keys(meta.outputs[o]!.inputs).some((i) => FIRST_VIEW_THEMES.test(i)));
  const seen = new Set<string>();
  const todo = [entry, ...themes];
  while (todo.length > 0) {
    const out = todo.pop()!;
    if (seen.has(out) || !meta.outputs[out]) continue;
    seen.add(out);
    for (const i of meta.outputs[out].imports) if (i.kind === 'import-statement') todo.push(i.path);
  }
  return [...seen].filter((o) => o.endsWith('.js'));
}

/** The top-level rules and at-rules of minified CSS, in order (braces inside strings are not expected in it). */
export function topLevelCssBlocks(css: string): string[] {
  const blocks: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      blocks.push(css.slice(start, i + 1).trim());
      start = i + 1;
    } else if (c === ';' && depth === 0) {
      blocks.push(css.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  const rest = css.slice(start).trim();
  if (rest) blocks.push(rest);
  return blocks.filter((b) => b.length > 0);
}

/**
 * esbuild gives the CSS of lazily loaded chunks (Atlaskit's compiled styles of the dialogs and
 * pickers) files of their own that nothing loads; their rules go into `index.css` instead,
 * each distinct rule once (compiled CSS is atomic, so chunks repeat many), so a dialog is
 * styled the moment it opens.
 */
async function foldChunkCss(meta: Metafile, entryCss: string): Promise<void> {
  const seen = new Set<string>();
  const kept: string[] = [];
  const outputs = [entryCss, ...Object.keys(meta.outputs).filter((o) => o.endsWith('.css') && o !== entryCss)];
  for (const out of outputs) {
    for (const block of topLevelCssBlocks(await readFile(join(APP_ROOT, out), 'utf8'))) {
      if (!seen.has(block)) kept.push(block);
      seen.add(block);
    }
    if (out !== entryCss) await rm(join(APP_ROOT, out));
  }
  await writeFile(join(APP_ROOT, entryCss), kept.join('\n'));
}

async function gzipBytes(path: string): Promise<number> {
  return gzipSync(await readFile(path), { level: 9 }).length;
}

/** esbuild's options for one panel (exported for size investigations). */
export function panelBuildOptions(name: PanelName, outdir: string, minify: boolean): BuildOptions & { metafile: true } {
  return {
        entryPoints: { index: join(APP_ROOT, 'src', 'ui', 'entries', `${name}.tsx`) },
        outdir,
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'browser',
        target: ['chrome110', 'firefox110', 'safari16'],
        minify,
        jsx: 'automatic',
        chunkNames: 'chunk-[hash]',
        assetNames: '[name]-[hash]',
        loader: { '.svg': 'file', '.png': 'file', '.woff': 'file', '.woff2': 'file' },
        define: { 'process.env.NODE_ENV': '"production"', 'process.env.CI': 'false' },
        legalComments: 'none',
        plugins: [stubNodeBuiltins, englishZodLocales, featureGatesOff, tokensAtBuildTime],
        metafile: true,
        absWorkingDir: APP_ROOT,
        logLevel: 'warning',
      };
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
    const result = await build(panelBuildOptions(panel.name, join(dir, 'assets'), options.minify ?? true));
    await writeFile(join(dir, 'index.html'), renderPanelHtml(panel.title));
    if (panel.icons.length > 0) await mkdir(join(dir, 'icons'));
    for (const icon of panel.icons) await copyFile(join(APP_ROOT, 'src', 'ui', 'icons', icon), join(dir, 'icons', icon));
    const meta = result.metafile;
    const outputs = Object.keys(meta.outputs);
    const entry = outputs.find((o) => meta.outputs[o]!.entryPoint !== undefined && basename(o) === 'index.js');
    if (!entry) throw new Error(`broken invariant: esbuild wrote no index.js for ${panel.name}`);
    const entryCss = meta.outputs[entry]!.cssBundle;
    if (!entryCss) throw new Error(`broken invariant: esbuild wrote no index.css for ${panel.name}`);
    await foldChunkCss(meta, entryCss);
    const first = firstViewOutputs(meta, entry);
    const sizes = new Map<string, number>();
    for (const o of outputs.filter((x) => x.endsWith('.js'))) sizes.set(o, await gzipBytes(join(APP_ROOT, o)));
    const sum = (list: readonly string[]) => list.reduce((n, o) => n + (sizes.get(o) ?? 0), 0);
    const byPackage = new Map<string, number>();
    for (const o of first) for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[o]!.inputs)) byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
    built.push({
      name: panel.name,
      dir,
      firstViewGzip: sum(first),
      allGzip: sum([...sizes.keys()]),
      firstViewFiles: first.map((o) => basename(o)),
      firstViewByPackage: [...byPackage].sort((a, b) => b[1] - a[1]),
    });
  }
  return built;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-minify': { type: 'boolean', default: false }, why: { type: 'boolean', default: false } } });
  const started = performance.now();
  const built = await buildUi({ ...(values.out ? { outDir: resolve(values.out) } : {}), minify: !values['no-minify'] });
  const kib = (n: number) => `${(n / 1024).toFixed(0).padStart(4)} KiB`;
  process.stdout.write('panel       first view (gzipped JS)  budget    all JS (gzipped)\n');
  for (const p of built) process.stdout.write(`${p.name.padEnd(11)} ${kib(p.firstViewGzip)}                 ${kib(FIRST_VIEW_BUDGET[p.name])}  ${kib(p.allGzip)}  ${p.dir}\n`);
  if (values.why) {
    for (const p of built) process.stdout.write(`\n${p.name}, first view by package (minified KiB):\n${p.firstViewByPackage.slice(0, 25).map(([k, n]) => `  ${(n / 1024).toFixed(1).padStart(6)}  ${k}`).join('\n')}\n`);
  }
  process.stdout.write(`built ${built.length} panels in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  const over = built.filter((p) => p.firstViewGzip > FIRST_VIEW_BUDGET[p.name]);
  if (over.length > 0) throw new Error(`over budget: ${over.map((p) => `${p.name} loads ${kib(p.firstViewGzip).trim()} at first view, expected at most ${kib(FIRST_VIEW_BUDGET[p.name]).trim()}`).join('; ')}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  });
}
