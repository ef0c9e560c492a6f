/**
 * What the host takes from the app's `manifest.yml`, so a page here behaves as the manifest
 * would make it behave in Jira: the Content-Security-Policy of Custom UI pages (Forge allows
 * inline styles, which Atlaskit injects, only when `permissions.content.styles` lists
 * `unsafe-inline`) and whether the dashboard gadget has an edit view (Jira shows one only when
 * the module names `edit.resource`). It reads nothing else; a manifest it cannot read is an error.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const manifestSchema = z.looseObject({
  modules: z.looseObject({
    'jira:dashboardGadget': z.array(z.looseObject({ key: z.string(), resource: z.string(), edit: z.looseObject({ resource: z.string() }).optional() })).optional(),
  }),
  resources: z.array(z.looseObject({ key: z.string(), path: z.string() })).default([]),
  permissions: z.looseObject({ content: z.looseObject({ styles: z.array(z.string()).optional() }).optional() }).optional(),
});

export interface ManifestFacts {
  /** `permissions.content.styles` lists `unsafe-inline`. */
  readonly inlineStyles: boolean;
  /** The folder name (last part of the resource's path) of the gadget's edit view; null when the manifest declares none. */
  readonly gadgetEdit: string | null;
}

/** Reads the facts above from the manifest at `path`; throws naming the file when it is not a manifest. */
export function readManifestFacts(path: string): ManifestFacts {
  const parsed = manifestSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path} is not a Forge manifest the host understands: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const m = parsed.data;
  const edit = m.modules['jira:dashboardGadget']?.[0]?.edit?.resource;
  const resource = edit === undefined ? undefined : m.resources.find((r) => r.key === edit);
  if (edit !== undefined && !resource) throw new Error(`${path}: the gadget's edit.resource "${edit}" names no resource`);
  return {
    inlineStyles: m.permissions?.content?.styles?.includes('unsafe-inline') ?? false,
    gadgetEdit: resource ? (resource.path.split('/').filter(Boolean).at(-1) ?? null) : null,
  };
}

/** The CSP of a Custom UI page: scripts from the page's origin only; inline styles only when the manifest allows them. */
export function panelCsp(inlineStyles: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    inlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
  ].join('; ');
}
