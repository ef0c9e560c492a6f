/**
 * The bridge shim as served: `shim/bridge-shim.ts` bundled once by esbuild (an IIFE for
 * evergreen browsers), prefixed per page load by the config it reads (session id, context,
 * where navigation lands).
 */
import { join } from 'node:path';
import { build } from 'esbuild';

let bundled: Promise<string> | null = null;

/** The shim's JavaScript, built on first use. */
export function shimSource(): Promise<string> {
  bundled ??= build({
    entryPoints: [join(__dirname, 'shim', 'bridge-shim.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify: true,
    logLevel: 'warning',
  }).then((r) => {
    const file = r.outputFiles[0];
    if (!file) throw new Error('broken invariant: esbuild produced no shim');
    return file.text;
  });
  return bundled;
}

export interface ShimConfig {
  readonly session: string;
  readonly context: Readonly<Record<string, unknown>>;
  readonly routes: { readonly issue: string; readonly project: string };
}

/** The script one page load gets: its config, then the shim. */
export async function shimScript(config: ShimConfig): Promise<string> {
  // JSON is valid JavaScript; escaping "<" keeps a hostile string from closing a tag if this is ever inlined.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `globalThis.__forgeHostConfig=${json};\n${await shimSource()}`;
}
