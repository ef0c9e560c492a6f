/**
 * The Teams tab in headless Chromium (setup: `tab-suite.ts`): the build, every view in every
 * theme, dates, sparklines, explanations, narrow screens, accessibility, the keyboard, My OKRs
 * and the configuration s.page. The Review view's meeting controls are in
 * `teams-tab-review.test.ts`, live refresh in `teams-tab-live.test.ts`.
 */
import { TENANTS } from '../teams-app/src/tab-api/testing';
import { axeViolations } from './axe';
import { THEMES, USER, useTabSuite } from './tab-suite';

const s = useTabSuite();
const { open, shot } = s;

describe('the Teams tab in Chromium', () => {
  test('the build is minified ES modules with a small gzipped JavaScript payload', () => {
    expect(s.built.files).toEqual(expect.arrayContaining(['index.html', 'config.html']));
    expect(s.built.files.filter((f) => f.endsWith('.css'))).toHaveLength(1);
    expect(s.built.jsGzipBytes.index).toBeLessThan(260 * 1024);
    console.log(`tab JavaScript: index ${(s.built.jsGzipBytes.index / 1024).toFixed(1)} KiB gzipped, config ${(s.built.jsGzipBytes.config / 1024).toFixed(1)} KiB gzipped`);
  });

  test.each(THEMES)('every view renders the Acme data in the $name theme', async ({ name, background }) => {
    await open('review', name);
    await expect(s.page.getByRole('region', { name: 'Local mode' }).textContent()).resolves.toContain('Local mode');
    // The banner stands apart from the header under it: its heading, Jira link and department picker.
    const bannerBottom = await s.page.getByRole('region', { name: 'Local mode' }).evaluate((el) => el.getBoundingClientRect().bottom);
    const headerTop = await s.page.locator('header').evaluate((el) => Math.min(...[...el.children].map((c) => c.getBoundingClientRect().top)));
    expect(headerTop - bannerBottom).toBeGreaterThanOrEqual(8);
    expect(await s.page.locator('[data-theme]').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(background);
    expect(await s.page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Engineering OKR review');
    const titles = await s.page.locator('[data-item] h3').allTextContents();
    expect(titles[0]).toBe('1. Blocked: Sales needs Single sign-on and SCIM provisioning for enterprise deals from Engineering');
    // 11 items: Platform's blocked delivery to Finance is item 3 (as in `okr report --department eng`); milestones not yet due are on track, not at risk.
    expect(titles).toHaveLength(11);
    expect(titles[2]).toBe('3. Blocked: Finance needs Usage metering export for billing from Platform');
    expect(await s.page.getByRole('timer', { name: 'Time left for item 1', exact: true }).textContent()).toBe('5:00');
    await shot(`review-${name}`);

    await s.page.getByRole('tab', { name: 'Dependencies' }).click();
    await s.page.getByRole('heading', { name: 'Dependencies between departments' }).waitFor();
    const states = await s.page.locator('[data-dependency]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-dependency')}:${e.getAttribute('data-state')}`));
    expect(states[0]).toBe('dep-sso:blocked');
    expect(states.slice(4)).toEqual(['dep-launch-specs:at-risk', 'dep-status-page:open', 'dep-battlecards:done']);
    expect(await s.page.locator('[data-dependency="dep-sso"]').textContent()).toContain('Sales needs Single sign-on and SCIM provisioning for enterprise deals from Engineering, for “Close 12 enterprise deals that require single sign-on”');
    expect(await s.page.locator('[data-dependency="dep-sso"]').textContent()).toContain('Blocked since 12 Nov 2026');
    await shot(`dependencies-${name}`);

    await s.page.getByRole('tab', { name: 'Department' }).click();
    await s.page.getByRole('heading', { name: 'Engineering OKRs' }).waitFor();
    expect(await s.page.getByText('47% done, 49% expected by 15 Nov 2026').count()).toBe(1);
    expect(await s.page.locator('[data-objective] h3 + span').allTextContents()).toEqual(['38%', '58%', '34%', '58%']);
    expect(await s.page.getByRole('progressbar', { name: 'Ship single sign-on and SCIM provisioning: 43%' }).count()).toBe(1);
    expect(await s.page.getByRole('img', { name: 'Trend of Engineering: 47% done, 49% expected by today' }).locator('path').count()).toBe(2);
    await shot(`department-${name}`);
  });

  test('writes no ISO date in the text of any view, core\'s sentences included (a due day, a check-in\'s day)', async () => {
    const seen: [string, string][] = [];
    for (const view of ['review', 'dependencies', 'department']) {
      await open(view, 'default');
      if (view === 'department') {
        // Open every explanation: a button reads "Hide" once its explanation shows.
        const explain = s.page.getByRole('button', { name: /^Explain/ });
        while ((await explain.count()) > 0) await explain.first().click();
      }
      seen.push([view, await s.page.locator('body').innerText()]);
    }
    const iso = (text: string) => text.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    expect(seen.filter(([, t]) => iso(t).length > 0).map(([view, t]) => [view, iso(t)])).toEqual([]);
    expect(seen.find(([view]) => view === 'dependencies')![1]).toContain('due 20 Nov 2026, in 5 days');
    expect(seen.find(([view]) => view === 'department')![1]).toContain('current from the check-in of 9 Nov 2026');
  });

  test('colours every sparkline dot with its view\'s status tone, as Jira does', async () => {
    await open('department', 'default');
    const dots = await s.page.locator('svg.sparkline').evaluateAll((els) => els.map((e) => [e.getAttribute('data-tone'), e.querySelector('circle')?.getAttribute('fill') ?? null]));
    expect(dots.length).toBeGreaterThan(10);
    const fills: Record<string, string> = { good: 'var(--colorPaletteGreenForeground1)', warning: 'var(--colorPaletteMarigoldForeground1)', attention: 'var(--colorPaletteRedForeground1)', neutral: 'var(--colorNeutralForeground3)' };
    for (const [tone, fill] of dots) if (fill !== null) expect([tone, fill]).toEqual([tone, fills[tone ?? '']]);
  });

  test('a key result explains its number on demand', async () => {
    await open('department', 'default');
    const kr = s.page.locator('[data-kr="eng-o1-kr1"]');
    await kr.getByRole('button', { name: /Explain/ }).click();
    const text = await kr.textContent();
    // The same sentences the Jira panel's Explain shows, from core's view.
    expect(text).toContain('43% done against 49% expected by today → on track');
    expect(text).toContain('ENG-101: 5 of 8 child issues done, counts 22 of 38.');
    expect(text).toContain('2 issues have no story points, so they add nothing to the points done or to the total.');
    await shot('department-explain');
  });

  test.each(['review', 'department', 'dependencies'])('the %s view holds at 400 px: nothing wider than the screen, every status badge whole and in view', async (view) => {
    await s.page.setViewportSize({ width: 400, height: 800 });
    await open(view, 'default');
    if (view === 'department') await s.page.getByRole('heading', { name: 'Engineering OKRs' }).waitFor();
    if (view === 'dependencies') await s.page.getByRole('heading', { name: 'Dependencies between departments' }).waitFor();
    const problems = await s.page.evaluate(() => {
      const out: string[] = [];
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth) out.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
      document.querySelectorAll('[data-status], [data-state]').forEach((b) => {
        const r = b.getBoundingClientRect();
        if (r.width === 0 || r.left < 0 || r.right > root.clientWidth) out.push(`badge "${b.textContent}" is out of view (${Math.round(r.left)}–${Math.round(r.right)} px)`);
        if (b.scrollWidth > b.clientWidth + 1) out.push(`badge "${b.textContent}" is cut`);
      });
      return out;
    });
    expect(problems).toEqual([]);
    if (view === 'review') {
      const broken = await s.page.evaluate(() => {
        const out: string[] = [];
        // An issue key laid out on one line: one box for its characters.
        const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of (node.textContent ?? '').matchAll(/\b[A-Z][A-Z0-9_]+-\d+\b/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) out.push(`"${m[0]}" breaks across ${tops.size} lines`);
          }
        }
        // An item's Jira links on one line together, never one left alone.
        document.querySelectorAll('[data-item]').forEach((item) => {
          const tops = new Set([...item.querySelectorAll('a[href*="/browse/"]')].map((a) => Math.round(a.getBoundingClientRect().top)));
          if (tops.size > 1) out.push(`the links of ${item.getAttribute('data-item')} take ${tops.size} lines`);
        });
        return out;
      });
      expect(broken).toEqual([]);
      expect(await s.page.locator('[data-item="at-risk-kr:eng-o3-kr1"] a[href*="/browse/"]').allTextContents()).toEqual(['ENG-105', 'ENG-106']);
    }
    if (view === 'department') {
      const krs = await s.page.locator('[data-kr]').count();
      expect(krs).toBeGreaterThan(5);
      expect(await s.page.locator('[data-kr] [data-status]').count()).toBe(krs);
    }
    await shot(`${view}-400`);
    await s.page.setViewportSize({ width: 1200, height: 900 });
  });

  test.each(THEMES)('axe-core finds no WCAG 2.1 A/AA violation in any view in the $name theme', async ({ name }) => {
    const found: Record<string, string[]> = {};
    for (const [view, heading] of [
      ['review', 'Engineering OKR review'],
      ['dependencies', 'Dependencies between departments'],
      ['department', 'Engineering OKRs'],
    ] as const) {
      await open(view, name);
      await s.page.getByRole('heading', { name: heading }).waitFor();
      const violations = await axeViolations(s.page);
      if (violations.length > 0) found[view] = violations;
    }
    await s.page.goto(`${s.stack.url}/tab/config.html?theme=${name}&as=${USER}`);
    await s.page.getByRole('combobox', { name: 'Department' }).waitFor();
    const config = await axeViolations(s.page);
    if (config.length > 0) found.config = config;
    expect(found).toEqual({});
  });

  test('views are reachable from the keyboard', async () => {
    await open('review', 'default');
    await s.page.getByRole('tab', { name: 'Review' }).focus();
    await s.page.keyboard.press('ArrowRight');
    await s.page.keyboard.press('Enter');
    await s.page.getByRole('heading', { name: 'Dependencies between departments' }).waitFor();
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe('Dependencies');
  });

  test('My OKRs opens on the department the user leads and marks their key results', async () => {
    await s.page.goto(`${s.stack.url}/tab/index.html?personal=1&theme=default&as=${USER}`);
    await s.page.getByRole('heading', { name: 'Engineering OKRs' }).waitFor();
    expect(await s.page.getByRole('heading', { level: 1 }).textContent()).toBe('My OKRs · Acme');
    expect(await s.page.locator('[data-kr="eng-o2-kr1"]').textContent()).toContain('Yours');
    await shot('my-okrs');
  });

  test('the configuration page picks the department the tab opens on', async () => {
    await s.page.goto(`${s.stack.url}/tab/config.html?theme=default&as=${USER}`);
    await s.page.getByRole('combobox', { name: 'Department' }).selectOption({ label: 'Product' });
    await s.page.getByRole('combobox', { name: 'Open on' }).selectOption({ label: 'Dependencies' });
    const href = await s.page.getByRole('link', { name: 'open the configured tab' }).getAttribute('href');
    expect(href).toBe(`${s.stack.url}/tab/index.html?view=dependencies&department=prod`);
    await shot('config');
  });

  test("dates follow the viewer's locale and time zone", async () => {
    // An item asked for from a Teams card at 16:05 UTC on 14 Nov.
    await s.stack.teamsStore.addAgendaRequest({ tenantId: TENANTS.a, scope: 'eng', subject: 'note:sso-deals', title: 'SSO for the mid-market deals', addedBy: 'Ann Lee', addedAt: Date.parse('2026-11-14T16:05:00Z') });
    const context = await s.browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-US', timezoneId: 'America/Los_Angeles' });
    try {
      const us = await context.newPage();
      await us.goto(`${s.stack.url}/tab/index.html?view=dependencies&department=eng&theme=default&as=${USER}`);
      await us.getByRole('heading', { name: 'Dependencies between departments' }).waitFor();
      // First seen at 09:00 UTC on 12 Nov: 01:00 that day in Los Angeles.
      expect(await us.locator('[data-dependency="dep-sso"]').textContent()).toContain('Blocked since Nov 12, 2026');
      await us.getByRole('tab', { name: 'Department' }).click();
      await us.getByRole('heading', { name: 'Engineering OKRs' }).waitFor();
      expect(await us.getByText('47% done, 49% expected by Nov 15, 2026').count()).toBe(1);
      await us.getByRole('tab', { name: 'Review' }).click();
      await us.getByRole('heading', { name: 'Engineering OKR review' }).waitFor();
      // Asked at 16:05 UTC on 14 Nov.
      expect(await us.locator('[data-item="requested:note:sso-deals"]').textContent()).toMatch(/Asked by Ann Lee on Nov 14, 2026, 8:05\sAM/);
    } finally {
      await context.close();
    }
  });
});
