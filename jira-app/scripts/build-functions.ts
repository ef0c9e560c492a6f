/**
 * Builds the Forge functions with esbuild into the folder `manifest.yml` names with
 * `app.package.bundler: manual@2026` (`jira-app/dist/functions`): one CommonJS bundle,
 * `index.js`, for Node 22 (Forge's `nodejs22.x`), with every dependency inlined so the package
 * needs no node_modules. `index.ts` exports the handlers the manifest lists.
 *
 *   npm run build:functions -w jira-app     # or: npx tsx jira-app/scripts/build-functions.ts [--out DIR]
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const appDir = resolve(__dirname, '..');

/** Bundles `jira-app/src/index.ts` to `<outDir>/index.js`; returns the file written. */
export async function buildFunctions(outDir = join(appDir, 'dist', 'functions')): Promise<string> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const outfile = join(outDir, 'index.js');
  await build({
    entryPoints: [join(appDir, 'src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: false,
    minify: false,
    logLevel: 'warning',
    legalComments: 'none',
  });
  return outfile;
}

if (require.main === module) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  buildFunctions(values.out ? resolve(values.out) : undefined).then(
    (file) => console.log(`built ${file}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
