/**
 * The browser half of the local Forge host: defines `globalThis.__bridge.callBridge`, the one
 * seam `@forge/bridge` talks through inside Jira's iframe, so the production panel bundle
 * runs here unchanged. The host serves this file (bundled) ahead of the panel's module script,
 * prefixed by `globalThis.__forgeHostConfig`. It supports what the panels use: `getContext`,
 * `enableTheming`, `invoke` (POST to the host, which calls the real resolvers), `fetchProduct`
 * (`requestJira`, proxied to the Jira emulator), `navigate`/`open`, `submit`/`close` (the
 * gadget's edit mode), `refresh`, `createHistory`, `showFlag`. Anything else rejects, naming
 * the command, rather than pretending.
 */

interface ForgeHostConfig {
  readonly session: string;
  readonly context: { readonly theme?: { readonly colorMode?: string } | null; readonly [k: string]: unknown };
  /** Where `router.navigate` to an issue or project lands on this host. */
  readonly routes: { readonly issue: string; readonly project: string };
}

interface Navigation {
  readonly type: string;
  readonly url?: string;
  readonly target?: string;
  readonly [k: string]: unknown;
}

type Handler = (payload: unknown) => unknown;

const cfg = (globalThis as unknown as { __forgeHostConfig: ForgeHostConfig }).__forgeHostConfig;
const navigations: Navigation[] = [];
const flags: unknown[] = [];

async function post(path: string, body: unknown): Promise<unknown> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forge-host-session': cfg.session },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const message = (parsed as { message?: string } | undefined)?.message ?? `the local Forge host answered ${res.status}`;
    throw new Error(message);
  }
  return parsed;
}

function applyTheme(): void {
  const mode = cfg.context.theme?.colorMode === 'dark' ? 'dark' : 'light';
  const html = document.documentElement;
  html.setAttribute('data-color-mode', mode);
  html.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography');
}

function navigate(payload: unknown): boolean {
  const nav = payload as Navigation;
  navigations.push(nav);
  let url = nav.url;
  if (!url && nav.target === 'issue') url = cfg.routes.issue.replace('{key}', encodeURIComponent(String(nav.issueKey)));
  if (!url && nav.target === 'projectSettingsDetails') url = cfg.routes.project.replace('{key}', encodeURIComponent(String(nav.projectKey)));
  if (!url) return true;
  if (nav.type === 'new-tab') window.open(url, '_blank', 'noopener');
  else window.location.assign(url);
  return true;
}

function createHistory(): unknown {
  const listeners: ((location: unknown) => void)[] = [];
  const history = {
    action: 'POP',
    location: { pathname: '/', search: '', hash: '', state: null, key: 'default' },
    push(path: string) {
      history.location = { ...history.location, pathname: path };
      for (const l of listeners) l(history.location);
    },
    replace(path: string) {
      history.push(path);
    },
    listen(listener: (location: unknown) => void) {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
  };
  return history;
}

const handlers: Readonly<Record<string, Handler>> = {
  getContext: () => structuredClone(cfg.context),
  enableTheming: () => {
    applyTheme();
    return undefined;
  },
  invoke: (p) => post('/__forge-host/invoke', p),
  fetchProduct: (p) => post('/__forge-host/fetch-product', p),
  navigate,
  open: navigate,
  submit: async (p) => {
    await post('/__forge-host/submit', { payload: p });
    const view = new URL(window.location.href);
    view.searchParams.delete('mode');
    window.location.assign(view.toString());
    return true;
  },
  close: () => true,
  refresh: () => {
    window.location.reload();
    return true;
  },
  createHistory,
  emitReadyEvent: () => undefined,
  changeWindowTitle: (p) => {
    document.title = String((p as { title?: unknown }).title ?? document.title);
    return undefined;
  },
  showFlag: (p) => {
    flags.push(p);
    return undefined;
  },
  closeFlag: () => undefined,
};

(globalThis as unknown as { __bridge: unknown }).__bridge = {
  callBridge: async (command: string, payload?: unknown) => {
    const handler = handlers[command];
    if (!handler) throw new Error(`the local Forge host does not support the bridge command "${command}"`);
    return handler(payload);
  },
};

// What the panel asked the host to do, for tests and for a person poking at the console.
(globalThis as unknown as { __forgeHost: unknown }).__forgeHost = { navigations, flags };
