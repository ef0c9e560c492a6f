/**
 * The Teams tab kept live in headless Chromium (setup: `tab-suite.ts`): a key result checked in
 * through the Jira app's web trigger reaches the open page without a reload, a hidden tab does
 * not poll, and a refresh of the Review view keeps what is being typed.
 */
import { devTokenFor } from '../teams-app/src/auth/dev-token';
import { tabApiPaths } from '../teams-app/src/tab-api/paths';
import { useTabSuite } from './tab-suite';

const s = useTabSuite();
const { open, shot } = s;

describe('the Teams tab kept live', () => {
  /**
   * Checks a key result in through the Jira app's web trigger (as its owner), then delivers the
   * events the app queued for it to the Teams service, as its queue consumer does; returns when
   * the delivery started (ms) and which events the app sent.
   */
  async function changeInJira(kr: string, owner: string, change: { done: boolean } | { value: number }): Promise<{ at: number; events: string }> {
    s.stack.doubles.a.deps.queued.length = 0;
    const checkIn = await s.stack.callSite('a', { action: 'check-in', kr, ...change, author: owner, authorEmail: owner });
    expect(checkIn).toMatchObject({ kind: 'ok' });
    const deliveredAt = Date.now();
    const events = await s.stack.deliverQueued('a');
    expect(events.length).toBeGreaterThan(0);
    return { at: deliveredAt, events: events.map((e) => e.type).join(', ') };
  }

  test('a change in Jira shows in the open Department view within 3 s, without a reload, and the page says when it was updated', async () => {
    await s.page.setViewportSize({ width: 1200, height: 900 });
    await open('department', 'default');
    const kr = s.page.locator('[data-kr="eng-o1-kr3"]');
    expect(await kr.textContent()).not.toContain('100%');
    await s.page.evaluate(() => ((window as unknown as { stillOpen: boolean }).stillOpen = true));
    // Let the page take its first stamp.
    await s.page.waitForResponse((r) => r.url().endsWith('/api/tab/version'));
    const change = await changeInJira('eng-o1-kr3', 'priya@acme.example', { done: true });
    await kr.filter({ hasText: '100%' }).waitFor({ timeout: 3000 });
    const delay = Date.now() - change.at;
    console.log(`live refresh: the Department view showed the Jira change ${delay} ms after the app's events (${change.events}) reached the Teams service`);
    expect(delay).toBeLessThan(3000);
    expect(await s.page.evaluate(() => (window as unknown as { stillOpen?: boolean }).stillOpen)).toBe(true);
    expect(await s.page.getByTestId('updated-ago').textContent()).toBe('Updated just now');
    await shot('department-live');
  });

  test('a number that moves with no status changing shows too: the app sends views.changed', async () => {
    await open('department', 'default');
    const kr = s.page.locator('[data-kr="eng-o2-kr2"]');
    expect(await kr.textContent()).not.toContain('1.7 s');
    await s.page.waitForResponse((r) => r.url().endsWith('/api/tab/version'));
    const change = await changeInJira('eng-o2-kr2', 'tom@acme.example', { value: 1.7 });
    expect(change.events).toBe('views.changed');
    await kr.filter({ hasText: '1.7 s' }).waitFor({ timeout: 3000 });
    console.log(`live refresh: the Department view showed a moved value ${Date.now() - change.at} ms after the app's events (${change.events}) reached the Teams service`);
  });

  test('a refresh of the Review view keeps the notes being typed', async () => {
    await open('review', 'default');
    const current = s.page.locator('[data-item][aria-current="step"]');
    const id = await current.getAttribute('data-item');
    await current.getByRole('textbox', { name: 'Notes' }).fill('Half a thought, not saved yet');
    await s.page.waitForResponse((r) => r.url().endsWith('/api/tab/version'));
    const refreshed = s.page.waitForResponse((r) => r.url().includes('/api/tab/agenda'), { timeout: 3000 });
    const change = await changeInJira('eng-o4-kr1', 'raj@acme.example', { value: 37 });
    await refreshed;
    console.log(`live refresh: the Review view reloaded its agenda ${Date.now() - change.at} ms after the app's events (${change.events}) reached the Teams service`);
    // Rendered again from the new agenda, the item keeps its place in discussion and its typed notes.
    await s.page.waitForTimeout(200);
    const again = s.page.locator(`[data-item="${id}"]`);
    expect(await again.getAttribute('aria-current')).toBe('step');
    expect(await again.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('Half a thought, not saved yet');
    await shot('review-live');
  });

  test('what someone else records shows in the open Review view within 3 s, without a reload; notes being typed here are kept', async () => {
    await open('review', 'default');
    const reviewId = 'eng@2026-11-15';
    // Raj takes item 2 up and starts typing notes he has not saved.
    await s.page.getByRole('button', { name: 'Discuss now: item 2', exact: true }).click();
    const current = s.page.locator('[data-item][aria-current="step"]');
    const itemId = (await current.getAttribute('data-item'))!;
    await current.getByRole('textbox', { name: 'Notes' }).fill('Raj, typing');
    const other = s.page.locator('[data-item]').nth(4);
    const otherId = (await other.getAttribute('data-item'))!;
    await s.page.waitForResponse((r) => r.url().endsWith('/api/tab/version'));
    // Sofia, in her own tab, records a decision on item 2 and marks item 5 discussed.
    const save = (id: string, change: object) =>
      fetch(`${s.stack.url}${tabApiPaths.reviewItem(reviewId, id)}`, { method: 'POST', headers: { authorization: `Bearer ${devTokenFor('sofia@acme.example')}`, 'content-type': 'application/json' }, body: JSON.stringify(change) });
    const savedAt = Date.now();
    expect((await save(itemId, { decision: 'Sofia: ship the fix on Friday' })).status).toBe(200);
    expect((await save(otherId, { discussed: true, decision: 'Done in the hallway' })).status).toBe(200);
    const mine = s.page.locator(`[data-item="${itemId}"]`);
    await s.page.waitForFunction((id) => (document.querySelector(`[data-item="${id}"] textarea`) as HTMLTextAreaElement | null)?.value === 'Sofia: ship the fix on Friday', itemId, { timeout: 3000 });
    console.log(`live refresh: the Review view showed another person's decision ${Date.now() - savedAt} ms after it was saved`);
    expect(await mine.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('Raj, typing');
    expect(await mine.getAttribute('aria-current')).toBe('step');
    await mine.getByRole('status').filter({ hasText: 'Saved by sofia' }).waitFor();
    await s.page.locator(`[data-item="${otherId}"]`).filter({ hasText: 'Decision: Done in the hallway' }).waitFor({ timeout: 3000 });
    expect(await s.page.locator(`[data-item="${otherId}"]`).getByRole('checkbox', { name: 'Discussed' }).isChecked()).toBe(true);
  });

  test('a hidden tab does not poll; it asks at once when shown again', async () => {
    await open('department', 'default');
    await s.page.waitForResponse((r) => r.url().endsWith('/api/tab/version'));
    const asked: number[] = [];
    s.page.on('request', (r) => {
      if (r.url().endsWith('/api/tab/version')) asked.push(Date.now());
    });
    await s.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await s.page.waitForTimeout(200);
    asked.length = 0;
    await s.page.waitForTimeout(3500);
    expect(asked).toEqual([]);
    await s.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await s.page.waitForTimeout(500);
    expect(asked.length).toBeGreaterThanOrEqual(1);
  });
});
