/**
 * The setup the Chromium suites of the Teams tab share: the built tab (esbuild, as shipped) and
 * the tab API on one node:http server on 127.0.0.1, with the Jira app's own web trigger
 * answering from the Acme example (dev/forge-webtrigger), and the service's static file handler
 * serving the build. Outside Teams the tab runs in local mode, so the theme is forced with
 * `?theme=` and requests carry the dev token the API accepts in local dev mode. The clock
 * stands at 15 Nov 2026, after history recorded on earlier days. Screenshots go to test/artifacts/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../dev/forge-host/testing';
import { buildTab, type TabBuild } from '../teams-app/scripts/build-tab';
import { devTokenFor } from '../teams-app/src/auth/dev-token';
import { createStaticFiles } from '../teams-app/src/http/static-files';
import { startTabApiStack, type TabApiStack } from '../teams-app/src/tab-api/testing';

const ARTIFACTS = join(__dirname, 'artifacts');
export const THEMES = [
  { name: 'default', background: 'rgb(255, 255, 255)' },
  { name: 'dark', background: 'rgb(41, 41, 41)' },
  { name: 'contrast', background: 'rgb(0, 0, 0)' },
] as const;
/** The viewer: Engineering's owner. */
export const USER = 'raj@acme.example';

export interface TabSuite {
  readonly built: TabBuild;
  readonly stack: TabApiStack;
  readonly browser: Browser;
  /** One page at 1200 × 900, en-GB, UTC, shared by the suite's tests in order. */
  readonly page: Page;
  /** Tenant A's space, where its review records live. */
  readonly space: string;
  /** Opens a view of Engineering in `theme` and waits for its heading. */
  open(view: string, theme: string, extra?: string): Promise<void>;
  /** Saves a screenshot of the page as test/artifacts/teams-tab-NAME.png. */
  shot(name: string): Promise<unknown>;
}

/** Builds the tab, starts the stack and the browser before the suite's tests and stops them after. */
export function useTabSuite(): TabSuite {
  jest.setTimeout(60_000);
  let clock = Date.parse('2026-11-12T09:00:00Z');
  let outdir: string | undefined;
  let built: TabBuild | undefined;
  let stack: TabApiStack | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'teams-tab-'));
    built = await buildTab(outdir);
    stack = await startTabApiStack({ devTokens: true, nowMs: () => clock, extra: createStaticFiles(outdir) });
    // History the tab shows: dependencies first seen on 12 Nov, progress samples on earlier days.
    const seen = await fetch(`${stack.url}/api/tab/dependencies`, { headers: { authorization: `Bearer ${devTokenFor(USER)}` } });
    expect(seen.status).toBe(200);
    await stack.store.recordProgress(stack.spaces.a, '2026-10-20', [{ subject: 'eng', progress: 0.15 }, { subject: 'eng-o1', progress: 0.1 }, { subject: 'eng-o1-kr1', progress: 0.12 }]);
    await stack.store.recordProgress(stack.spaces.a, '2026-11-01', [{ subject: 'eng', progress: 0.31 }, { subject: 'eng-o1', progress: 0.22 }, { subject: 'eng-o1-kr1', progress: 0.3 }]);
    clock = Date.parse('2026-11-15T09:00:00Z');
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the tab suite's ${what} is not started (used outside a test?)`);
    return value;
  };
  const suite: TabSuite = {
    get built() {
      return started(built, 'build');
    },
    get stack() {
      return started(stack, 'stack');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get page() {
      return started(page, 'page');
    },
    get space() {
      return started(stack, 'stack').spaces.a;
    },
    async open(view, theme, extra = '') {
      await suite.page.goto(`${suite.stack.url}/tab/index.html?view=${view}&department=eng&theme=${theme}&as=${USER}${extra}`);
      await suite.page.getByRole('heading', { level: 2 }).first().waitFor();
    },
    shot: (name) => suite.page.screenshot({ path: join(ARTIFACTS, `teams-tab-${name}.png`) }),
  };
  return suite;
}
