/**
 * The Teams tab's Review view in headless Chromium (setup: `tab-suite.ts`): items marked
 * discussed with decisions and notes, items requested from Teams cards, the timer, and the
 * compact layout that shows the meeting's controls on the item in discussion only. The tests
 * run in order over one stack: each takes up the meeting where the one before left it.
 */
import { TENANTS } from '../teams-app/src/tab-api/testing';
import { useTabSuite } from './tab-suite';

const s = useTabSuite();
const { open, shot } = s;

describe('the Review view of the Teams tab in Chromium', () => {
  test('an item marked discussed, with its decision, is still so after a reload', async () => {
    await open('review', 'default');
    const item = s.page.locator('[data-item="blocked-dependency:dep-sso"]');
    await item.getByRole('checkbox', { name: 'Discussed' }).check();
    await item.getByRole('status').filter({ hasText: 'Saved by raj' }).waitFor();
    await item.getByRole('textbox', { name: 'Decision' }).fill('Raj moves two engineers to ENG-142 this sprint');
    await item.getByRole('button', { name: 'Save decision and notes' }).click();
    await item.getByRole('button', { name: 'Save decision and notes' }).and(s.page.locator('[disabled]')).waitFor();
    await s.page.reload();
    await s.page.getByRole('heading', { name: 'Engineering OKR review' }).waitFor();
    const again = s.page.locator('[data-item="blocked-dependency:dep-sso"]');
    expect(await again.getByRole('checkbox', { name: 'Discussed' }).isChecked()).toBe(true);
    // A discussed item gives the meeting's focus to the next one and shows its decision in a line.
    expect(await again.getAttribute('aria-current')).toBeNull();
    expect(await again.textContent()).toContain('Decision: Raj moves two engineers to ENG-142 this sprint');
    expect(await s.page.locator('[data-item][aria-current="step"] h3').textContent()).toMatch(/^2\. /);
    await again.getByRole('button', { name: 'Discuss now: item 1', exact: true }).click();
    expect(await again.getByRole('textbox', { name: 'Decision' }).inputValue()).toBe('Raj moves two engineers to ENG-142 this sprint');
    expect(await s.stack.store.itemsOf(s.space, 'eng@2026-11-15')).toEqual([expect.objectContaining({ itemId: 'blocked-dependency:dep-sso', discussed: true, updatedBy: 'raj' })]);
    await shot('review-discussed');
  });

  test('an item added from a Teams card follows the generated ones, marked as requested, with the same controls; one the agenda lists is not shown twice', async () => {
    await s.stack.teamsStore.addAgendaRequest({ tenantId: TENANTS.a, scope: 'eng', subject: 'dependency:dep-sso', title: 'SSO again', addedBy: 'Ann Lee', addedAt: Date.parse('2026-11-14T16:00:00Z') });
    await s.stack.teamsStore.addAgendaRequest({ tenantId: TENANTS.a, scope: 'eng', subject: 'note:sso-deals', title: 'SSO for the mid-market deals', addedBy: 'Ann Lee', addedAt: Date.parse('2026-11-14T16:05:00Z') });
    await s.stack.teamsStore.addAgendaRequest({ tenantId: TENANTS.a, scope: 'sales', subject: 'dependency:dep-renewal-data', title: 'Not for Engineering', addedBy: 'Bo', addedAt: 1 });
    await open('review', 'default');
    const titles = await s.page.locator('[data-item] h3').allTextContents();
    expect(titles.slice(10)).toEqual([expect.stringMatching(/^11\. /), '12. SSO for the mid-market deals']);
    const item = s.page.locator('[data-item="requested:note:sso-deals"]');
    expect(await item.getAttribute('data-requested')).toBe('true');
    const text = await item.textContent();
    expect(text).toContain('Requested from Teams');
    expect(text).toContain('Asked by Ann Lee on 14 Nov 2026, 16:05');
    await item.getByRole('button', { name: 'Discuss now: item 12' }).click();
    expect(await item.getByRole('timer', { name: 'Time left for item 12', exact: true }).textContent()).toBe('3:00');
    await item.getByRole('checkbox', { name: 'Discussed' }).check();
    await item.getByRole('status').filter({ hasText: 'Saved by raj' }).waitFor();
    await item.getByRole('textbox', { name: 'Notes' }).fill('Sales asked for a date');
    await item.getByRole('button', { name: 'Save decision and notes' }).click();
    await item.getByRole('button', { name: 'Save decision and notes' }).and(s.page.locator('[disabled]')).waitFor();
    await shot('review-requested');
    await s.page.reload();
    await s.page.getByRole('heading', { name: 'Engineering OKR review' }).waitFor();
    const again = s.page.locator('[data-item="requested:note:sso-deals"]');
    expect(await again.getByRole('checkbox', { name: 'Discussed' }).isChecked()).toBe(true);
    expect(await again.textContent()).toContain('Notes: Sales asked for a date');
    expect(await s.page.locator('[data-requested]').count()).toBe(1);
    expect(await s.stack.store.itemsOf(s.space, 'eng@2026-11-15')).toEqual(
      expect.arrayContaining([expect.objectContaining({ itemId: 'requested:note:sso-deals', discussed: true, notes: 'Sales asked for a date', updatedBy: 'raj' })]),
    );
  });

  test('the timer counts down when started', async () => {
    await open('review', 'default');
    // Item 1 is no longer in discussion once an earlier test marked it discussed: take it up again.
    const discuss = s.page.getByRole('button', { name: 'Discuss now: item 1', exact: true });
    if ((await discuss.count()) > 0) await discuss.click();
    await s.page.getByRole('button', { name: 'Start the timer of item 1', exact: true }).click();
    await s.page.getByRole('timer', { name: 'Time left for item 1', exact: true }).filter({ hasText: /^4:5\d$/ }).waitFor({ timeout: 5000 });
    await s.page.getByRole('button', { name: 'Pause the timer of item 1', exact: true }).click();
  });

  test('the Review view is compact: the timer, decision and notes only on the item in discussion', async () => {
    await s.page.setViewportSize({ width: 1200, height: 900 });
    await open('review', 'default');
    expect(await s.page.locator('[data-item]').count()).toBeGreaterThanOrEqual(11);
    expect(await s.page.getByRole('timer').count()).toBe(1);
    expect(await s.page.getByRole('textbox').count()).toBe(2);
    expect(await s.page.locator('[data-item][aria-current="step"]').count()).toBe(1);
    // It was a 4,200 px wall of identical timers and text areas.
    expect(await s.page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2600);
    const current = await s.page.locator('[data-item][aria-current="step"] h3').textContent();
    // "Discuss now" and "Next item" are buttons of one size.
    const heights = await s.page.getByRole('button', { name: /^(Discuss now|Next item)/ }).evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().height)))]);
    expect(heights).toHaveLength(1);
    // Each kind badge has the colour of what it says: a blocked dependency and an at-risk key result red, the moved neutral, never all alike.
    const badges = await s.page.locator('[data-item] [data-tone]').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('data-tone'), getComputedStyle(e).color]));
    const byLabel = new Map(badges.map(([label, tone, color]) => [label, { tone, color }]));
    expect([byLabel.get('Blocked dependency')?.tone, byLabel.get('At-risk key result')?.tone, byLabel.get('Moved')?.tone]).toEqual(['attention', 'attention', 'neutral']);
    expect(byLabel.get('Blocked dependency')?.color).not.toBe(byLabel.get('Moved')?.color);
    await s.page.locator('[data-item][aria-current="step"]').getByRole('button', { name: /^Next item/ }).click();
    expect(await s.page.locator('[data-item][aria-current="step"] h3').textContent()).not.toBe(current);
    expect(await s.page.getByRole('timer').count()).toBe(1);
    await shot('review-compact');
  });
});
