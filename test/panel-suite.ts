/**
 * The setup the Chromium suites of the Jira panels share: the local Forge host over the Jira
 * emulator with Acme imported (panels built fresh into a folder of the suite's own, so other
 * suites reading jira-app/dist/ui never see a half-built panel), a headless Chromium, and a
 * way to open a panel in a fresh page that fails the test on a page error.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPanel, REPO_ROOT, startAcmeStack, type PanelStack } from '../dev/forge-host/testing';

export const PANEL_ARTIFACTS = join(REPO_ROOT, 'test', 'artifacts', 'jira-panels');

/** Every panel once, as its usual viewer opens it (Raj owns Engineering), and the test id that shows it is ready. */
export const PANEL_LOADS: readonly (readonly [Parameters<typeof openPanel>[2], Record<string, string>, string])[] = [
  ['department', { project: 'ENG', accountId: 'raj@acme.example' }, 'kr-row-eng-o1-kr1'],
  ['epic', { issue: 'ENG-101', accountId: 'raj@acme.example' }, 'epic-kr-list'],
  ['company', {}, 'alignment-tree'],
  ['gadget', {}, 'gadget-view'],
  ['admin', {}, 'admin-department-eng'],
];

export interface PanelSuite {
  readonly stack: PanelStack;
  readonly browser: Browser;
  /** Opens a panel in a fresh page once `ready` resolves; a page error fails the test. */
  open(panel: Parameters<typeof openPanel>[2], query: Record<string, string>, ready: (page: Page) => Promise<unknown>): Promise<Page>;
}

/** Starts the stack and the browser before the suite's tests (at `now`) and stops them after. */
export function usePanelSuite(now: string): PanelSuite {
  let stack: PanelStack | undefined;
  let browser: Browser | undefined;
  let uiDir: string | undefined;
  beforeAll(async () => {
    mkdirSync(PANEL_ARTIFACTS, { recursive: true });
    uiDir = mkdtempSync(join(tmpdir(), 'jira-panels-ui-'));
    [stack, browser] = await Promise.all([startAcmeStack(now, { build: 'always', uiDir }), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (uiDir) rmSync(uiDir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the panel suite's ${what} is not started (used outside a test?)`);
    return value;
  };
  return {
    get stack() {
      return started(stack, 'stack');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async open(panel, query, ready) {
      const { page, errors } = await openPanel(started(browser, 'browser'), started(stack, 'stack').host, panel, query, ready);
      expect(errors).toEqual([]);
      return page;
    },
  };
}
