/**
 * What the runtime stand-in takes from `manifest.yml`: each function (its handler export and time
 * limit), the module that invokes it, and the egress allow-list with the manifest's variables
 * filled in. Time limits as Forge documents them (Invocation limits): 25 s for functions invoked
 * by users and product events, 55 s for web triggers, and for a function referenced only by
 * `consumer` or `scheduledTrigger` modules 55 s unless `timeoutSeconds` says otherwise (at most 900).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { FunctionSpec } from './function-runner';

const moduleSchema = z.looseObject({ key: z.string(), function: z.string().optional(), resolver: z.looseObject({ function: z.string() }).optional() });
const manifestSchema = z.looseObject({
  modules: z.record(z.string(), z.array(moduleSchema)),
  permissions: z.looseObject({ external: z.looseObject({ fetch: z.looseObject({ backend: z.array(z.union([z.string(), z.looseObject({ address: z.string() })])).optional() }).optional() }).optional() }).optional(),
  environment: z.looseObject({ variables: z.array(z.looseObject({ key: z.string(), default: z.string().optional() })).optional() }).optional(),
});

export const INVOCATION_LIMIT_MS = { user: 25_000, webtrigger: 55_000, asyncDefault: 55_000, asyncMax: 900_000 } as const;

export interface ManifestFunctions {
  /** Function key → its spec and the module (type, key) that invokes it. */
  readonly functions: ReadonlyMap<string, FunctionSpec & { readonly moduleType: string; readonly moduleKey: string }>;
  /** The function a module of `type` with `key` runs (first module of the type when `key` is absent). */
  functionOf(type: string, key?: string): string;
  /** `permissions.external.fetch.backend` with `${VAR}` filled from `variables`, then the manifest's defaults. */
  egress(variables: Readonly<Record<string, string | undefined>>): string[];
}

/** Reads the functions of the manifest at `path`. */
export function readManifestFunctions(path: string): ManifestFunctions {
  const m = manifestSchema.parse(parse(readFileSync(path, 'utf8')));
  const declared = (m.modules.function ?? []) as { key: string; handler?: unknown; timeoutSeconds?: unknown }[];
  const users = new Map<string, { type: string; key: string }[]>();
  for (const [type, list] of Object.entries(m.modules)) {
    if (type === 'function') continue;
    for (const mod of list) {
      const fn = mod.function ?? mod.resolver?.function;
      if (fn) users.set(fn, [...(users.get(fn) ?? []), { type, key: mod.key }]);
    }
  }
  const functions = new Map<string, FunctionSpec & { moduleType: string; moduleKey: string }>();
  for (const f of declared) {
    const handler = String(f.handler ?? '');
    const [, exported] = handler.split('.');
    if (!exported) throw new Error(`${path}: function ${f.key} has handler "${handler}"; expected "<module>.<export>"`);
    const used = users.get(f.key) ?? [];
    const asyncOnly = used.length > 0 && used.every((u) => u.type === 'consumer' || u.type === 'scheduledTrigger');
    const timeoutMs = asyncOnly
      ? Math.min(INVOCATION_LIMIT_MS.asyncMax, typeof f.timeoutSeconds === 'number' ? f.timeoutSeconds * 1000 : INVOCATION_LIMIT_MS.asyncDefault)
      : used.some((u) => u.type === 'webtrigger')
        ? INVOCATION_LIMIT_MS.webtrigger
        : INVOCATION_LIMIT_MS.user;
    functions.set(f.key, { key: f.key, handler: exported, timeoutMs, moduleType: used[0]?.type ?? 'function', moduleKey: used[0]?.key ?? f.key });
  }
  const defaults = Object.fromEntries((m.environment?.variables ?? []).map((v) => [v.key, v.default]));
  return {
    functions,
    functionOf(type, key) {
      const mod = (m.modules[type] ?? []).find((x) => key === undefined || x.key === key);
      const fn = mod?.function ?? mod?.resolver?.function;
      if (!fn || !functions.has(fn)) throw new Error(`${path}: no ${type} module${key ? ` "${key}"` : ''} with a function`);
      return fn;
    },
    egress(variables) {
      return (m.permissions?.external?.fetch?.backend ?? []).map((entry) => {
        const address = typeof entry === 'string' ? entry : entry.address;
        return address.replace(/\$\{(\w+)\}/g, (_, name: string) => {
          const value = variables[name] ?? defaults[name];
          if (value === undefined) throw new Error(`${path}: egress address ${address} needs the manifest variable ${name}`);
          return value;
        });
      });
    },
  };
}
