/**
 * The Forge context a panel runs in (`view.getContext()`), checked field by field and reduced to
 * what the panels use: the project or issue, the caller, the colour mode and the gadget's
 * configuration and mode. The same fields come from Jira and from the local Forge host.
 */
type Shape = Readonly<Record<string, unknown>>;

/** What a value is, in the words the messages use. */
function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/**
 * Reads the fields the panels use and checks each one's type; other fields pass untouched (the
 * host adds more over time). Written out rather than with zod: this check runs before anything
 * else in every panel, and zod would be the largest part of a panel's first load. The
 * resolvers check everything a panel sends with the contract's zod schemas.
 */
function readContext(raw: unknown): { ok: true; value: RawContext } | { ok: false; message: string } {
  const fail = (where: string, expected: string, got: unknown) => ({ ok: false as const, message: `${where}: expected ${expected}, received ${kindOf(got)}` });
  const isShape = (v: unknown): v is Shape => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isShape(raw)) return fail('(context)', 'object', raw);
  for (const key of ['accountId', 'siteUrl', 'localId', 'moduleKey', 'locale', 'timezone'] as const) if (raw[key] !== undefined && typeof raw[key] !== 'string') return fail(key, 'string', raw[key]);
  const theme = raw.theme;
  if (theme !== undefined && theme !== null && !isShape(theme)) return fail('theme', 'object', theme);
  if (isShape(theme) && theme.colorMode !== undefined && typeof theme.colorMode !== 'string') return fail('theme.colorMode', 'string', theme.colorMode);
  const ext = raw.extension;
  if (!isShape(ext)) return fail('extension', 'object', ext);
  for (const key of ['type', 'entryPoint'] as const) if (ext[key] !== undefined && typeof ext[key] !== 'string') return fail(`extension.${key}`, 'string', ext[key]);
  for (const key of ['project', 'issue'] as const) {
    const v = ext[key];
    if (v === undefined) continue;
    if (!isShape(v)) return fail(`extension.${key}`, 'object', v);
    if (typeof v.key !== 'string' || v.key.length === 0) return fail(`extension.${key}.key`, 'a non-empty string', v.key);
    if (v.id !== undefined && typeof v.id !== 'string' && typeof v.id !== 'number') return fail(`extension.${key}.id`, 'string or number', v.id);
    if (v.type !== undefined && typeof v.type !== 'string') return fail(`extension.${key}.type`, 'string', v.type);
  }
  const config = ext.gadgetConfiguration;
  if (config !== undefined && config !== null && !isShape(config)) return fail('extension.gadgetConfiguration', 'object', config);
  return { ok: true, value: raw as unknown as RawContext };
}

interface RawContext {
  readonly accountId?: string;
  readonly locale?: string;
  readonly timezone?: string;
  readonly siteUrl?: string;
  readonly theme?: { readonly colorMode?: string } | null;
  readonly extension: {
    readonly project?: { readonly key: string };
    readonly issue?: { readonly key: string; readonly type?: string };
    readonly gadgetConfiguration?: Shape | null;
    readonly entryPoint?: string;
  };
}

export type ColorMode = 'light' | 'dark' | 'auto';

export interface PanelContext {
  readonly accountId: string | null;
  readonly siteUrl: string | null;
  readonly colorMode: ColorMode;
  readonly projectKey: string | null;
  readonly issueKey: string | null;
  readonly issueType: string | null;
  /** The viewer's locale and time zone as Jira gives them (`en-US`, `Europe/Berlin`): dates and numbers follow them. */
  readonly locale: string | null;
  readonly timeZone: string | null;
  /** The dashboard gadget's saved configuration and whether Jira shows its edit view. */
  readonly gadget: { readonly config: Readonly<Record<string, unknown>>; readonly editing: boolean };
}

export type ContextOutcome = { readonly kind: 'ok'; readonly context: PanelContext } | { readonly kind: 'invalid'; readonly message: string };

/** Reduces a raw Forge context to a `PanelContext`, or says what was missing. */
export function parsePanelContext(raw: unknown): ContextOutcome {
  const parsed = readContext(raw);
  if (!parsed.ok) return { kind: 'invalid', message: `Jira gave this panel a context it does not understand: ${parsed.message}.` };
  const c = parsed.value;
  const mode = c.theme?.colorMode;
  return {
    kind: 'ok',
    context: {
      accountId: c.accountId ?? null,
      siteUrl: c.siteUrl ?? null,
      colorMode: mode === 'dark' || mode === 'light' ? mode : 'auto',
      projectKey: c.extension.project?.key ?? null,
      issueKey: c.extension.issue?.key ?? null,
      issueType: c.extension.issue?.type ?? null,
      locale: c.locale ?? null,
      timeZone: c.timezone ?? null,
      gadget: { config: c.extension.gadgetConfiguration ?? {}, editing: c.extension.entryPoint === 'edit' },
    },
  };
}
