/**
 * For tests that drive the panels: the whole local stack (a Jira emulator on the Acme
 * snapshot, the Forge host with a fresh data directory, the Acme org file imported and
 * reconciled at a fixed moment) and headless Chromium from Debian, waited for while it is
 * being installed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadSnapshotFile, startJiraEmulator, type JiraEmulator } from '../jira-emulator';
import { startForgeHost, type ForgeHost, type ForgeHostOptions } from './host';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const ACME_ORG = join(REPO_ROOT, 'examples', 'acme.yaml');
export const ACME_ISSUES = join(REPO_ROOT, 'examples', 'acme-issues.json');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface PanelStack {
  readonly emulator: JiraEmulator;
  readonly host: ForgeHost;
  /** Resolves once the emulator has pushed every event and the host has handled them. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the emulator and the host at `nowIso`, imports `examples/acme.yaml` as a Jira admin and reconciles. */
export async function startAcmeStack(nowIso: string, options: Partial<ForgeHostOptions> = {}): Promise<PanelStack> {
  const nowMs = Date.parse(nowIso);
  const emulator = await startJiraEmulator({ site: loadSnapshotFile(ACME_ISSUES), now: () => nowIso });
  const dataDir = mkdtempSync(join(tmpdir(), 'forge-host-'));
  const host = await startForgeHost({ emulatorUrl: emulator.url, dataDir, clock: () => nowMs, retryDelayScale: 0, log: () => undefined, ...options });
  const imported = (await host.invoke('importOrg', { text: readFileSync(ACME_ORG, 'utf8') })) as { ok: boolean; error?: { message: string } };
  if (!imported.ok) throw new Error(`importing acme.yaml failed: ${imported.error?.message ?? 'unknown'}`);
  const report = await host.reconcile();
  if (report.kind === 'skipped') throw new Error(`the reconcile after the import was skipped: ${report.reason}`);
  const settle = async () => {
    while (emulator.stats().webhooks.pending > 0) await new Promise((r) => setTimeout(r, 20));
    await host.settled();
  };
  return {
    emulator,
    host,
    settle,
    async stop() {
      await host.stop();
      await emulator.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Launches Debian's Chromium, waiting up to `waitMs` for it to be installed. */
export async function launchChromium(waitMs = 120_000): Promise<Browser> {
  const deadline = Date.now() + waitMs;
  while (!existsSync(CHROMIUM)) {
    if (Date.now() > deadline) throw new Error(`expected Chromium at ${CHROMIUM} (apt-get install chromium); it did not appear within ${waitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 2000));
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Opens `panel` with `query` in a fresh page and waits for `ready`; resolves with the page and the errors it threw. */
export async function openPanel(browser: Browser, host: ForgeHost, panel: Parameters<ForgeHost['panelUrl']>[0], query: Readonly<Record<string, string>>, ready: (page: Page) => Promise<unknown>): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.panelUrl(panel, query));
  await ready(page);
  return { page, errors };
}

/** The visible text of the element with `testId`, whitespace collapsed. */
export async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ').trim();
}
