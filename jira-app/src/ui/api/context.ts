/**
 * The Forge context a panel runs in (`view.getContext()`), checked with zod and reduced to
 * what the panels use: the project or issue, the caller, the colour mode and the gadget's
 * configuration and mode. The same fields come from Jira and from the local Forge host.
 */
import { z } from 'zod';

const keyed = z.looseObject({ key: z.string().min(1), id: z.union([z.string(), z.number()]).optional(), type: z.string().optional() });

const forgeContextSchema = z.looseObject({
  accountId: z.string().optional(),
  siteUrl: z.string().optional(),
  localId: z.string().optional(),
  moduleKey: z.string().optional(),
  theme: z.looseObject({ colorMode: z.string().optional() }).nullable().optional(),
  extension: z.looseObject({
    type: z.string().optional(),
    project: keyed.optional(),
    issue: keyed.optional(),
    gadgetConfiguration: z.record(z.string(), z.unknown()).nullable().optional(),
    entryPoint: z.string().optional(),
  }),
});

export type ColorMode = 'light' | 'dark' | 'auto';

export interface PanelContext {
  readonly accountId: string | null;
  readonly siteUrl: string | null;
  readonly colorMode: ColorMode;
  readonly projectKey: string | null;
  readonly issueKey: string | null;
  readonly issueType: string | null;
  /** The dashboard gadget's saved configuration and whether Jira shows its edit view. */
  readonly gadget: { readonly config: Readonly<Record<string, unknown>>; readonly editing: boolean };
}

export type ContextOutcome = { readonly kind: 'ok'; readonly context: PanelContext } | { readonly kind: 'invalid'; readonly message: string };

/** Reduces a raw Forge context to a `PanelContext`, or says what was missing. */
export function parsePanelContext(raw: unknown): ContextOutcome {
  const parsed = forgeContextSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'invalid', message: `Jira gave this panel a context it does not understand: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown shape'}.` };
  }
  const c = parsed.data;
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
      gadget: { config: c.extension.gadgetConfiguration ?? {}, editing: c.extension.entryPoint === 'edit' },
    },
  };
}
