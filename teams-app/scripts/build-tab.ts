/**
 * Builds the tab into `dist/tab/`: index.html and config.html, their minified JavaScript (ES
 * modules, a shared chunk for what both pages use) and the CSS, with content hashes in the
 * file names. React is taken from teams-app's own node_modules (React 19) so the bundle holds
 * one React even though the repository root has another. Prints the gzipped size of each
 * page's JavaScript. Run: `npm run build:tab -w teams-app` (or `npm run build` at the root).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

const appRoot = join(__dirname, '..');
const tabSrc = join(appRoot, 'src', 'tab');
const reactDir = dirname(require.resolve('react/package.json', { paths: [appRoot] }));
const reactDomDir = dirname(require.resolve('react-dom/package.json', { paths: [appRoot] }));

export interface TabBuild {
  readonly outdir: string;
  readonly files: readonly string[];
  /** Gzipped bytes of the JavaScript each page loads (its entry and the chunks it imports). */
  readonly jsGzipBytes: { readonly index: number; readonly config: number };
  readonly jsBytes: { readonly index: number; readonly config: number };
}

/** The JavaScript files an entry loads: itself and, transitively, its static imports. */
function jsOf(meta: Metafile, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of meta.outputs[file]?.imports ?? []) if (imp.kind === 'import-statement' && imp.path.endsWith('.js')) visit(imp.path);
  };
  visit(entry);
  return [...seen];
}

function outputFor(meta: Metafile, source: string): string {
  const hit = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === source);
  if (!hit) throw new Error(`broken invariant: no output for ${source}`);
  return hit[0];
}

/** Builds the tab into `outdir` (emptied first). */
export async function buildTab(outdir = join(appRoot, 'dist', 'tab')): Promise<TabBuild> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const entries = { index: join(tabSrc, 'main.tsx'), config: join(tabSrc, 'config-main.tsx'), tab: join(tabSrc, 'tab.css') };
  const result = await build({
    entryPoints: entries,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    sourcemap: false,
    target: ['chrome110', 'edge110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: { react: reactDir, 'react-dom': reactDomDir },
  });
  const meta = result.metafile;
  const rel = (p: string) => relative(process.cwd(), p);
  const source = (p: string) => relative(process.cwd(), p).split('\\').join('/');
  const css = basename(outputFor(meta, source(entries.tab)));
  const sizes = { index: 0, config: 0 };
  const gz = { index: 0, config: 0 };
  for (const page of ['index', 'config'] as const) {
    const entryOut = outputFor(meta, source(entries[page]));
    const files = jsOf(meta, entryOut);
    const bytes = files.map((f) => readFileSync(f));
    sizes[page] = bytes.reduce((s, b) => s + b.length, 0);
    gz[page] = bytes.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0);
    const preload = files.slice(1).map((f) => `<link rel="modulepreload" href="./${basename(f)}" />`);
    const tags = [`<link rel="stylesheet" href="./${css}" />`, ...preload, `<script type="module" src="./${basename(entryOut)}"></script>`].join('\n    ');
    writeFileSync(join(outdir, `${page}.html`), readFileSync(join(tabSrc, `${page}.html`), 'utf8').replace('<!-- assets -->', tags));
  }
  const files = [...Object.keys(meta.outputs).map((f) => basename(rel(f))), 'index.html', 'config.html'].sort();
  return { outdir, files, jsGzipBytes: gz, jsBytes: sizes };
}

if (require.main === module) {
  buildTab().then(
    (b) => {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      console.log(`build:tab: wrote ${b.files.length} files to ${relative(process.cwd(), b.outdir) || '.'}`);
      console.log(`  index.html JavaScript:  ${kb(b.jsBytes.index)} minified, ${kb(b.jsGzipBytes.index)} gzipped`);
      console.log(`  config.html JavaScript: ${kb(b.jsBytes.config)} minified, ${kb(b.jsGzipBytes.config)} gzipped`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
