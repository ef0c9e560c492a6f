/**
 * Where the tab runs: inside Teams (teams-js initialised, SSO token, Teams theme and its
 * changes, meeting stage sharing) or in a plain browser (local mode: a banner says so, the
 * theme comes from `?theme=`, and requests carry a dev token that only a service in local dev
 * mode accepts; see `src/auth/README.md`).
 */
import { app, authentication, meeting, pages } from '@microsoft/teams-js';
import type { Viewer } from '@okr-bridge/core/present';
import type { ThemeName } from './theme';
import { themeNameOf } from './theme';
import { viewerOf } from './viewer';

const DEV_TOKEN_PREFIX = 'okr-dev.';
const DEFAULT_LOCAL_USER = 'local.user@example.com';
const INITIALIZE_TIMEOUT_MS = 4000;

export interface TabHost {
  readonly mode: 'teams' | 'local';
  /** Why the tab runs in local mode (shown in the banner); null in Teams. */
  readonly localReason: string | null;
  readonly theme: ThemeName;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  getToken(): Promise<string>;
  readonly userEmail: string | null;
  /** The viewer's locale and time zone: dates are written in them. */
  readonly viewer: Viewer;
  /** In a meeting's side panel, sharing the tab to the stage is possible. */
  readonly canShareToStage: boolean;
  shareToStage(url: string): Promise<void>;
  /** The configuration page's save step; null outside Teams. */
  readonly config: {
    setValid(valid: boolean): void;
    onSave(build: () => { contentUrl: string; entityId: string; suggestedDisplayName: string }): void;
  } | null;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms))]);
}

/** Connects to Teams, or falls back to local mode when the page is not hosted by Teams. */
export async function connectHost(search: URLSearchParams): Promise<TabHost> {
  try {
    await withTimeout(app.initialize(), INITIALIZE_TIMEOUT_MS, 'Teams');
  } catch (error) {
    return localHost(search, `Not running inside Microsoft Teams (${error instanceof Error ? error.message : String(error)}).`);
  }
  const context = await app.getContext();
  app.notifySuccess();
  const frame = context.page.frameContext;
  return {
    mode: 'teams',
    localReason: null,
    theme: themeNameOf(context.app.theme),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(themeNameOf(theme))),
    getToken: () => authentication.getAuthToken(),
    userEmail: context.user?.userPrincipalName ?? context.user?.loginHint ?? null,
    viewer: viewerOf(context.app.locale),
    canShareToStage: frame === 'sidePanel' && context.meeting !== undefined,
    shareToStage: (url) =>
      new Promise<void>((resolve, reject) => {
        meeting.shareAppContentToStage((error) => (error ? reject(new Error(error.message ?? `could not share (error ${error.errorCode})`)) : resolve()), url);
      }),
    config:
      frame === 'settings'
        ? {
            setValid: (valid) => pages.config.setValidityState(valid),
            onSave: (build) =>
              pages.config.registerOnSaveHandler((event) => {
                const c = build();
                pages.config
                  .setConfig({ ...c, websiteUrl: c.contentUrl })
                  .then(() => event.notifySuccess())
                  .catch((e: unknown) => event.notifyFailure(e instanceof Error ? e.message : String(e)));
              }),
          }
        : null,
  };
}

function localHost(search: URLSearchParams, reason: string): TabHost {
  const email = search.get('as') ?? DEFAULT_LOCAL_USER;
  return {
    mode: 'local',
    localReason: reason,
    theme: themeNameOf(search.get('theme') ?? 'default'),
    onThemeChange: () => undefined,
    getToken: async () => `${DEV_TOKEN_PREFIX}${email}`,
    userEmail: email,
    viewer: viewerOf(search.get('locale')),
    canShareToStage: false,
    shareToStage: async () => {
      throw new Error('sharing to the meeting stage needs Teams');
    },
    config: null,
  };
}
