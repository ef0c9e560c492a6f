/**
 * The Forge context each panel load gets, chosen by the page's query string: the project
 * (`?project=ENG`), the issue (`?issue=ENG-101`, looked up in the Jira emulator for its id,
 * type and project), the caller (`?accountId=`), the theme (`?theme=dark`), the gadget and
 * its mode (`?gadget=g1&mode=edit`). Shaped like the context Jira gives each module, so the
 * panels and resolvers read the same fields here as there.
 */
import { z } from 'zod';

/** Each panel's module, as `manifest.yml` declares it. */
export const PANEL_MODULES = {
  department: { type: 'jira:projectPage', moduleKey: 'department-okrs' },
  epic: { type: 'jira:issuePanel', moduleKey: 'epic-key-results' },
  company: { type: 'jira:globalPage', moduleKey: 'company-okrs' },
  gadget: { type: 'jira:dashboardGadget', moduleKey: 'okr-progress' },
  admin: { type: 'jira:adminPage', moduleKey: 'okr-settings' },
} as const;

export type PanelName = keyof typeof PANEL_MODULES;

export const panelQuerySchema = z.strictObject({
  project: z.string().regex(/^[A-Z][A-Z0-9_]+$/, { error: 'expected project to be a Jira project key like ENG' }).optional(),
  issue: z.string().regex(/^[A-Z][A-Z0-9_]+-\d+$/, { error: 'expected issue to be an issue key like ENG-101' }).optional(),
  accountId: z.string().min(1).max(128).optional(),
  theme: z.enum(['light', 'dark'], { error: 'expected theme to be light or dark' }).default('light'),
  gadget: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected gadget to be an id of letters, digits, _ or -' }).default('gadget-1'),
  mode: z.enum(['view', 'edit'], { error: 'expected mode to be view or edit' }).default('view'),
});

export type PanelQuery = z.output<typeof panelQuerySchema>;

/** What the host knows of an issue when building an issue panel's context. */
export interface IssueFacts {
  readonly id: string;
  readonly key: string;
  readonly type: string;
  readonly typeId: string;
  readonly project: { readonly id: string; readonly key: string };
}

export interface ContextInputs {
  readonly panel: PanelName;
  readonly query: PanelQuery;
  readonly accountId: string;
  readonly siteUrl: string;
  readonly issue: IssueFacts | null;
  readonly gadgetConfiguration: Readonly<Record<string, unknown>>;
}

/** The Forge context of one panel load. */
export function buildForgeContext(input: ContextInputs): Record<string, unknown> {
  const { panel, query } = input;
  const module = PANEL_MODULES[panel];
  const extension: Record<string, unknown> = { type: module.type };
  if (panel === 'department' && query.project) extension.project = { id: `local-${query.project}`, key: query.project, type: 'software' };
  if (panel === 'epic' && input.issue) {
    extension.issue = { id: input.issue.id, key: input.issue.key, type: input.issue.type, typeId: input.issue.typeId };
    extension.project = { id: input.issue.project.id, key: input.issue.project.key, type: 'software' };
  }
  if (panel === 'gadget') {
    extension.gadgetConfiguration = input.gadgetConfiguration;
    extension.dashboard = { id: 'local-dashboard' };
    if (query.mode === 'edit') extension.entryPoint = 'edit';
  }
  return {
    accountId: input.accountId,
    cloudId: 'local-cloud',
    environmentId: 'local',
    environmentType: 'DEVELOPMENT',
    localId: panel === 'gadget' ? `ari:local:gadget/${query.gadget}` : `ari:local:${module.moduleKey}`,
    locale: 'en-US',
    moduleKey: module.moduleKey,
    siteUrl: input.siteUrl,
    timezone: 'UTC',
    theme: { colorMode: query.theme, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' },
    extension,
  };
}
