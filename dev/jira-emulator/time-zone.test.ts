import { planReconcile } from '../../core/src/sync';
import { startJiraEmulator, type JiraEmulator } from './server';
import { Site } from './site';
import { call, rawIssue } from './testing';
import { zoneOffsetReader } from './time-zone';

const NOW = '2026-03-02T12:00:00.000Z';
const WATERMARK = '2026-03-02T11:00:00.000Z';

async function keysOf(emulator: JiraEmulator, jql: string): Promise<string[]> {
  const res = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql, fields: ['key'] } });
  expect(res.status).toBe(200);
  return (res.body as { issues: { key: string }[] }).issues.map((i) => i.key);
}

describe('the site time zone', () => {
  it('reads the offset of an IANA zone at an instant, daylight saving included', () => {
    const la = zoneOffsetReader('America/Los_Angeles');
    expect(la(Date.parse('2026-01-15T12:00:00Z'))).toBe(-480);
    expect(la(Date.parse('2026-07-15T12:00:00Z'))).toBe(-420);
    expect(zoneOffsetReader('Asia/Kolkata')(Date.parse('2026-01-15T12:00:00Z'))).toBe(330);
    expect(() => zoneOffsetReader('Mars/Olympus')).toThrow('expected an IANA time zone like America/Los_Angeles or UTC, got "Mars/Olympus"');
  });

  describe('an incremental window on a site in Los Angeles', () => {
    let emulator: JiraEmulator;
    beforeAll(async () => {
      const site = new Site([
        rawIssue(10001, 'ENG-1', { type: 'Epic' }),
        rawIssue(10002, 'ENG-2', { parent: 'ENG-1', status: 'Done', updated: '2026-03-02T11:30:00.000+0000' }),
        rawIssue(10003, 'ENG-3', { parent: 'ENG-1', updated: '2026-03-02T09:00:00.000+0000' }),
      ]);
      emulator = await startJiraEmulator({ site, now: () => NOW, timeZone: 'America/Los_Angeles' });
    });
    afterAll(() => emulator.stop());

    it('misses a change when the window is a UTC wall clock, as Jira reads it in the user’s zone', async () => {
      // The watermark minus 5 minutes written in UTC: Jira reads 10:55 as 10:55 in Los Angeles (18:55 UTC).
      expect(await keysOf(emulator, 'parent in (ENG-1) AND updated >= "2026-03-02 10:55"')).toEqual([]);
      // Written in the site's zone it would have matched: the zone, not the data, hid the change.
      expect(await keysOf(emulator, 'parent in (ENG-1) AND updated >= "2026-03-02 02:55"')).toEqual(['ENG-2']);
    });

    it('finds the change with the planned relative window, whatever the zone', async () => {
      const plan = planReconcile({ krs: [{ id: 'kr', epics: ['ENG-1'] }], mode: 'incremental', watermark: WATERMARK, now: NOW });
      expect(plan.queries[0]?.jql).toBe('parent in (ENG-1) AND updated >= "-65m"');
      expect(await keysOf(emulator, plan.queries[0]!.jql)).toEqual(['ENG-2']);
    });
  });
});
