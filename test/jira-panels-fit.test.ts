/**
 * How the Custom UI panels fit where Jira shows them, in headless Chromium over the local Forge
 * host with Acme imported: the gzipped JavaScript each panel loads when it opens against its
 * budget, the layout at the widths Jira gives a page (900 and 1280 px), and axe-core's WCAG 2.1
 * A and AA checks on every panel in light, dark and high contrast.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { FIRST_VIEW_BUDGET } from '../jira-app/scripts/build-ui';
import type { openPanel } from '../dev/forge-host/testing';
import { axeViolations } from './axe';
import { PANEL_ARTIFACTS as ARTIFACTS, PANEL_LOADS, usePanelSuite } from './panel-suite';

const NOW = '2026-11-15T12:00:00.000Z';
const RAJ = 'raj@acme.example'; // owns Engineering in acme.yaml

const suite = usePanelSuite(NOW);
const open = suite.open;

describe('what a panel weighs', () => {
  it('loads no more gzipped JavaScript when it opens than its budget (epic 120 KiB, the others 200 KiB)', async () => {
    const weights: Record<string, number> = {};
    for (const [panel, query, ready] of PANEL_LOADS) {
      const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
      const scripts: Promise<number>[] = [];
      page.on('response', (r) => {
        if (new URL(r.url()).pathname.endsWith('.js') && r.url().includes(`/${panel}/`)) scripts.push(r.body().then((b) => gzipSync(b, { level: 9 }).length));
      });
      await page.goto(suite.stack.host.panelUrl(panel, query));
      await page.getByTestId(ready).waitFor();
      await page.waitForLoadState('networkidle');
      weights[panel] = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
      await page.close();
    }
    writeFileSync(join(ARTIFACTS, 'panel-weights.json'), JSON.stringify(weights, null, 2));
    for (const [panel, bytes] of Object.entries(weights)) expect([panel, bytes]).toEqual([panel, expect.any(Number)]);
    expect(Object.entries(weights).filter(([panel, bytes]) => bytes > FIRST_VIEW_BUDGET[panel as keyof typeof FIRST_VIEW_BUDGET] || bytes < 50 * 1024)).toEqual([]);
  }, 40_000);
});

/**
 * What a page looks like at the widths Jira gives it (900 px: a laptop with the sidebar open;
 * 1280 px), read from the laid-out page: each number, value, lozenge and button row on one
 * line and whole, nothing wider than the frame, the key-result columns at the same x in every objective.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const oneLine = (el: Element, what: string) => {
      // The lines its text is laid out on: the distinct tops of its text nodes' boxes.
      const tops: number[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) if (r.width > 0 && !tops.some((t) => Math.abs(t - r.top) < 4)) tops.push(r.top);
      }
      const lines = new Set(tops);
      if (lines.size > 1) problems.push(`${what} "${(el as HTMLElement).innerText}" wraps onto ${lines.size} lines`);
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${what} "${(el as HTMLElement).innerText}" is cut (${el.scrollWidth} > ${el.clientWidth})`);
    };
    document.querySelectorAll('.okr-progress-label').forEach((el) => oneLine(el, 'progress'));
    document.querySelectorAll('.okr-lozenge').forEach((el) => oneLine(el, 'lozenge'));
    document.querySelectorAll('.okr-kr-value').forEach((el) => oneLine(el, 'value'));
    document.querySelectorAll('button').forEach((el) => {
      if ((el as HTMLElement).offsetParent) oneLine(el, 'button');
    });
    document.querySelectorAll('.okr-kr-actions').forEach((cell) => {
      const tops = new Set([...cell.querySelectorAll('button')].map((b) => Math.round(b.getBoundingClientRect().top)));
      if (tops.size > 1) problems.push(`the actions of ${cell.closest('[data-testid]')?.getAttribute('data-testid')} take ${tops.size} lines`);
    });
    document.querySelectorAll('.okr-kr-row > *').forEach((cell) => {
      const right = cell.getBoundingClientRect().right;
      const spill = [...cell.querySelectorAll('*')].map((c) => c.getBoundingClientRect().right - right).filter((d) => d > 1);
      if (spill.length > 0) problems.push(`a cell of ${cell.closest('[data-testid]')?.getAttribute('data-testid')} spills ${Math.round(Math.max(...spill))} px past its column`);
    });
    const columns = new Map<number, Set<number>>();
    document.querySelectorAll('.okr-kr-row:not(.okr-kr-head)').forEach((row) => {
      [...row.children].slice(1).forEach((cell, i) => columns.set(i, (columns.get(i) ?? new Set()).add(Math.round(cell.getBoundingClientRect().left))));
    });
    for (const [i, xs] of columns) if (xs.size > 1) problems.push(`key-result column ${i + 2} starts at ${[...xs].join(', ')} px in different rows`);
    return problems;
  });
}

describe('layout at Jira widths', () => {
  for (const width of [900, 1280]) {
    it(`holds at ${width} px: numbers, values, lozenges and buttons on one line and whole, key-result columns aligned across objectives`, async () => {
      const dep = await open('department', { project: 'ENG', accountId: RAJ }, (p) => p.getByTestId('kr-row-eng-o4-kr1').waitFor());
      await dep.setViewportSize({ width, height: 900 });
      expect(await layoutProblems(dep)).toEqual([]);
      await dep.screenshot({ path: join(ARTIFACTS, `department-${width}.png`), fullPage: true });
      await dep.getByRole('tab', { name: /^Lint/ }).click();
      expect(await layoutProblems(dep)).toEqual([]);
      await dep.close();
      // Marketing has the longest values ("1 case study (from 0 to 8 case studies)") and two lozenges in a status.
      const mkt = await open('department', { project: 'MKT', accountId: RAJ }, (p) => p.getByTestId('kr-row-mkt-o3-kr2').waitFor());
      await mkt.setViewportSize({ width, height: 900 });
      expect(await layoutProblems(mkt)).toEqual([]);
      expect(await mkt.getByTestId('dependency-at-risk').first().textContent()).toBe('Dependency at risk');
      await mkt.close();
      const comp = await open('company', {}, (p) => p.getByTestId('alignment-tree').waitFor());
      await comp.setViewportSize({ width, height: 900 });
      expect(await layoutProblems(comp)).toEqual([]);
      await comp.close();
    }, 20_000);
  }
});

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  const views: [string, Parameters<typeof openPanel>[2], Record<string, string>, string, ((p: Page) => Promise<void>)?][] = [
    ['department', 'department', { project: 'ENG', accountId: RAJ }, 'kr-row-eng-o1-kr1'],
    ['department dependencies', 'department', { project: 'ENG', accountId: RAJ }, 'kr-row-eng-o1-kr1', (p) => p.getByRole('tab', { name: /^Dependencies/ }).click()],
    ['epic', 'epic', { issue: 'ENG-101', accountId: RAJ }, 'epic-kr-list'],
    ['company', 'company', {}, 'alignment-tree'],
    ['company agenda', 'company', {}, 'alignment-tree', (p) => p.getByRole('tab', { name: 'Review agenda' }).click()],
    ['gadget', 'gadget', {}, 'gadget-view'],
    ['admin', 'admin', {}, 'admin-department-eng'],
  ];
  for (const mode of ['light', 'dark', 'high contrast'] as const) {
    it(`finds no violation on any panel in ${mode}`, async () => {
      const found: Record<string, string[]> = {};
      for (const [name, panel, query, ready, act] of views) {
        const page = await open(panel, { ...query, theme: mode === 'dark' ? 'dark' : 'light' }, (p) => p.getByTestId(ready).waitFor());
        // Windows high contrast: the system colours replace the theme's.
        if (mode === 'high contrast') await page.emulateMedia({ forcedColors: 'active' });
        if (act) await act(page);
        const violations = await axeViolations(page);
        if (violations.length > 0) found[name] = violations;
        await page.close();
      }
      expect(found).toEqual({});
    }, 60_000);
  }
});
