/**
 * `npm run docs:screens [-- --prefix before|after] [--out DIR]`: the pictures of docs/screens/,
 * taken over the stack `npm start` runs (started on free ports over a temporary data folder,
 * as the end-to-end suite starts it) in headless Chromium:
 *   - the Department OKRs panel in Jira (Engineering, as its owner) at 900 px wide;
 *   - the Teams tab's Review view (Engineering) at 1200 and 400 px, its full height;
 *   - the alert card a channel following Marketing receives when Product's PROD-58 becomes
 *     blocked, drawn from the card JSON the bot sent, as Teams draws it (card-picture.ts).
 * Prints where it wrote each file and its size. A docs tool, not part of `npm test`.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../dev/forge-host/testing';
import { REPO_ROOT } from '../../dev/start/build';
import { tabUrl } from '../../dev/start/page-html';
import type { Conversation } from '../../dev/start/teams-client';
import { cardPicture } from './card-picture';
import { poll, startE2eStack, type E2eStack } from './helpers';

const RAJ = 'raj@acme.example'; // owns Engineering in acme.yaml
const MKT_CHANNEL: Conversation = { id: '19:docs-mkt@thread.tacv2', name: 'Marketing OKRs', type: 'channel' };
const ALERT = 'Blocked: Final workspace spec and beta release notes'; // Marketing needs PROD-58 and PROD-59 from Product

const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const prefix = option('prefix', 'after');
const outDir = resolve(option('out', join(REPO_ROOT, 'docs', 'screens')));

function wrote(path: string, what: string): void {
  process.stdout.write(`${path} (${what}, ${Math.round(statSync(path).size / 1024)} KiB)\n`);
}

async function open(browser: Browser, url: string, width: number, ready: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
  page.setDefaultTimeout(20_000);
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  return page;
}

async function departmentPanel(e2e: E2eStack, browser: Browser): Promise<void> {
  const url = e2e.stack.forge.panelUrl('department', { project: 'ENG', accountId: RAJ });
  // Ready once the owners read as people (their names come from one call after the page shows).
  const page = await open(browser, url, 900, (p) => p.getByTestId('objective-eng-o1').locator('[data-testid="owner-name"][data-avatar="loaded"]').first().waitFor());
  const path = join(outDir, `${prefix}-jira-department-900.png`);
  // The first screen and a half: the header and the first objectives show every kind of row.
  await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: 900, height: Math.min(1400, await page.evaluate(() => document.documentElement.scrollHeight)) }, animations: 'disabled' });
  wrote(path, 'Jira Department OKRs panel, Engineering, 900 px wide, top 1400 px');
  await page.close();
}

async function reviewView(e2e: E2eStack, browser: Browser, width: number): Promise<void> {
  const page = await open(browser, tabUrl(e2e.stack.urls.teams, 'review', 'eng', RAJ), width, (p) => p.locator('[data-item]').first().waitFor());
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const path = join(outDir, `${prefix}-teams-review-${width}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  wrote(path, `Teams tab Review view, Engineering, ${width} px wide, full height ${height} px`);
  await page.close();
}

async function alertCard(e2e: E2eStack, browser: Browser): Promise<void> {
  const { client, connector, urls } = e2e.stack;
  const followed = await client.say(MKT_CHANNEL, 'follow mkt');
  if (followed.status !== 200) throw new Error(`expected the bot to answer "follow mkt" with 200, got ${followed.status}`);
  const moved = await fetch(`${urls.jira}/_emulator/changes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'transition', key: 'PROD-58', status: 'Blocked' }) });
  if (moved.status !== 200) throw new Error(`expected the Jira emulator to transition PROD-58, got ${moved.status}`);
  const activity = await poll('the alert card in the Marketing channel', () => connector.activities(MKT_CHANNEL.id).find((a) => a.versions[0]?.summary === ALERT)?.activity, (a) => a !== undefined, 20_000, 50);
  const attachments = (activity?.attachments ?? []) as { contentType?: string; content?: unknown }[];
  const card = attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) throw new Error('expected the alert activity to carry an Adaptive Card');
  const path = join(outDir, `${prefix}-teams-alert-card.png`);
  await cardPicture(browser, card, path, 560);
  wrote(path, 'Teams alert card for a blocked dependency, 560 px wide');
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const [started, launched] = await Promise.allSettled([startE2eStack(), launchChromium()]);
  if (started.status === 'rejected' || launched.status === 'rejected') {
    // Stop whichever did start, so a failed run leaves no server or browser behind.
    if (started.status === 'fulfilled') await started.value.stop();
    if (launched.status === 'fulfilled') await launched.value.close();
    throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
  }
  const [e2e, browser] = [started.value, launched.value];
  try {
    await departmentPanel(e2e, browser);
    await reviewView(e2e, browser, 1200);
    await reviewView(e2e, browser, 400);
    await alertCard(e2e, browser);
  } finally {
    await browser.close();
    await e2e.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`docs:screens failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
