/**
 * The Teams app package users upload: the manifest with its `${{NAME}}` placeholders filled
 * from the environment, checked against the manifest schema bundled with
 * `@microsoft/app-manifest`, zipped with both icons at the root. The checked-in manifest keeps
 * its placeholders; only the zip carries real ids.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';
import { z } from 'zod';

export const PACKAGE_FILE_NAME = 'okr-bridge-teams.zip';

const guid = z.string().regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, { error: 'expected a GUID like 00000000-0000-0000-0000-000000000000' });
const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*(:\d{1,5})?$/, {
    error: 'expected a host name like okr.example.com (no https://, no path)',
  });

/** The values the manifest's placeholders are filled with, read from env vars of the same names. */
export const packageValuesSchema = z.object({ BOT_ID: guid, TAB_DOMAIN: hostname, AAD_APP_ID: guid });
export type PackageValues = z.infer<typeof packageValuesSchema>;

export type PackageValuesResult = { readonly kind: 'ok'; readonly values: PackageValues } | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/** Reads BOT_ID, TAB_DOMAIN and AAD_APP_ID from an environment, naming each missing or malformed one. */
export function readPackageValues(env: Readonly<Record<string, string | undefined>>): PackageValuesResult {
  const parsed = packageValuesSchema.safeParse({ BOT_ID: env.BOT_ID, TAB_DOMAIN: env.TAB_DOMAIN, AAD_APP_ID: env.AAD_APP_ID });
  if (parsed.success) return { kind: 'ok', values: parsed.data };
  return { kind: 'invalid', problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code === 'invalid_type' ? 'missing' : i.message}`) };
}

/** The manifest text with every `${{NAME}}` replaced; throws on a placeholder it has no value for. */
export function fillManifest(template: string, values: PackageValues): string {
  return template.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_match, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    if (value === undefined) throw new Error(`the manifest uses \${{${name}}} but no value is defined for it`);
    return value;
  });
}

/** The schema errors of a manifest, from the schema its `$schema` names (bundled locally). */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0]);
}

/** The zip bytes: manifest.json, color.png and outline.png at the root, as Teams expects. */
export function zipTeamsPackage(files: { readonly manifest: string; readonly color: Uint8Array; readonly outline: Uint8Array }): Uint8Array {
  return zipSync({ 'manifest.json': new TextEncoder().encode(files.manifest), 'color.png': files.color, 'outline.png': files.outline }, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
}

export type WritePackageResult = { readonly kind: 'written'; readonly file: string; readonly bytes: number } | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/** Fills, validates and zips the package from `appPackageDir` into `outFile`; writes nothing when invalid. */
export async function writeTeamsPackage(options: { appPackageDir: string; outFile: string; env: Readonly<Record<string, string | undefined>> }): Promise<WritePackageResult> {
  const values = readPackageValues(options.env);
  if (values.kind === 'invalid') return values;
  const manifest = fillManifest(readFileSync(join(options.appPackageDir, 'manifest.json'), 'utf8'), values.values);
  const errors = await validateManifest(JSON.parse(manifest));
  if (errors.length > 0) return { kind: 'invalid', problems: errors.map((e) => `manifest.json${e}`) };
  const zip = zipTeamsPackage({
    manifest,
    color: readFileSync(join(options.appPackageDir, 'color.png')),
    outline: readFileSync(join(options.appPackageDir, 'outline.png')),
  });
  mkdirSync(dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, zip);
  return { kind: 'written', file: options.outFile, bytes: zip.byteLength };
}
