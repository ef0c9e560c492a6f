/**
 * Regenerates `openapi-subset.json`: the operations the emulator serves, copied from
 * Atlassian's Jira Cloud platform OpenAPI document, with every component schema they
 * reference (transitively) and `ErrorCollection`, the body Jira sends with 4xx answers
 * (the document leaves those responses without a schema). Examples are dropped to keep
 * the copy small; everything else is copied as is.
 *
 *   npx tsx dev/jira-emulator/extract-openapi.ts [path/to/jira-platform-openapi.json]
 *
 * The source defaults to ../shared/reference/jira-platform-openapi.json (the official
 * document, from https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

/** The operations okr-bridge uses, by path and method. */
export const servedOperations: Readonly<Record<string, readonly string[]>> = {
  '/rest/api/3/search/jql': ['get', 'post'],
  '/rest/api/3/search/approximate-count': ['post'],
  '/rest/api/3/issue/bulkfetch': ['post'],
  '/rest/api/3/field': ['get'],
  '/rest/api/3/user/search': ['get'],
  '/rest/api/3/user': ['get'],
  '/rest/api/3/user/bulk': ['get'],
  '/rest/api/3/project/search': ['get'],
};

const EXTRA_SCHEMAS = ['ErrorCollection'];
const REF = /^#\/components\/schemas\/(.+)$/;

function withoutExamples(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutExamples);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'example' && k !== 'examples') out[k] = withoutExamples(v);
  return out;
}

function collectRefs(value: Json, into: string[]): void {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, into));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const m = k === '$ref' && typeof v === 'string' ? REF.exec(v) : null;
      if (m) into.push(m[1] as string);
      else collectRefs(v, into);
    }
  }
}

/** The subset document: served operations, the schemas they need, provenance in `info`. */
export function extractOpenApiSubset(spec: JsonObject, source: string): JsonObject {
  const paths: JsonObject = {};
  const pending: string[] = [...EXTRA_SCHEMAS];
  for (const [path, methods] of Object.entries(servedOperations)) {
    const item = (spec.paths as JsonObject)[path] as JsonObject | undefined;
    if (!item) throw new Error(`${source} has no path ${path}`);
    const copy: JsonObject = {};
    for (const method of methods) {
      const op = item[method];
      if (op === undefined) throw new Error(`${source} has no ${method.toUpperCase()} ${path}`);
      copy[method] = withoutExamples(op);
    }
    collectRefs(copy, pending);
    paths[path] = copy;
  }
  const all = (spec.components as JsonObject).schemas as JsonObject;
  const schemas: JsonObject = {};
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (name in schemas) continue;
    const schema = all[name];
    if (schema === undefined) throw new Error(`${source} has no schema ${name}`);
    schemas[name] = withoutExamples(schema);
    collectRefs(schema, pending);
  }
  const sorted: JsonObject = {};
  for (const name of Object.keys(schemas).sort()) sorted[name] = schemas[name] as Json;
  const info = spec.info as JsonObject;
  return {
    openapi: spec.openapi as Json,
    info: {
      title: `${String(info.title)} (okr-bridge subset)`,
      version: info.version as Json,
      description:
        'The operations the Jira emulator serves, copied by dev/jira-emulator/extract-openapi.ts from the official Jira Cloud ' +
        'platform REST API document (https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json), with the ' +
        'component schemas they reference and ErrorCollection (the body of 4xx answers). Examples removed. Do not edit by hand.',
      'x-source': source,
    },
    paths,
    components: { schemas: sorted },
  };
}

function main(): void {
  const here = __dirname;
  const source = resolve(process.argv[2] ?? join(here, '../../../shared/reference/jira-platform-openapi.json'));
  const spec = JSON.parse(readFileSync(source, 'utf8')) as JsonObject;
  const subset = extractOpenApiSubset(spec, 'jira-platform-openapi.json');
  const target = join(here, 'openapi-subset.json');
  writeFileSync(target, `${JSON.stringify(subset, null, 2)}\n`);
  const count = Object.keys((subset.components as JsonObject).schemas as JsonObject).length;
  process.stdout.write(`wrote ${target}: ${Object.keys(servedOperations).length} paths, ${count} schemas, from ${source}\n`);
}

if (require.main === module) main();
