import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applySiteChange } from '../jira-emulator';
import { openPersistentSite, watchSite } from './persistent-site';

const SEED = join(__dirname, '..', '..', 'examples', 'acme-issues.json');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'okr-site-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const statusOf = (site: ReturnType<typeof openPersistentSite>['site'], key: string) => (site.get(key)?.fields.status as { name: string }).name;

describe('the Jira emulator site kept across restarts', () => {
  it('starts from the seed, saves it at once, and after a change saves the change', () => {
    const file = join(dir, 'jira', 'issues.json');
    const first = openPersistentSite(file, SEED);
    expect([first.restored, first.site.size, statusOf(first.site, 'PROD-58')]).toEqual([false, 565, 'In Review']);
    const watcher = watchSite(first.site, file, 60_000);
    expect([existsSync(file), watcher.saves]).toEqual([true, 1]);
    watcher.flush();
    expect(watcher.saves).toBe(1); // nothing changed, nothing written

    expect(applySiteChange(first.site, { kind: 'transition', key: 'PROD-58', status: 'Blocked' }, '2026-11-26T10:00:00.000Z').kind).toBe('applied');
    expect(applySiteChange(first.site, { kind: 'create', project: 'ENG', summary: 'Added locally', parent: 'ENG-227' }, '2026-11-26T10:01:00.000Z').kind).toBe('applied');
    watcher.stop();
    expect(watcher.saves).toBe(2);

    const second = openPersistentSite(file, SEED);
    expect([second.restored, second.site.size, statusOf(second.site, 'PROD-58')]).toEqual([true, 566, 'Blocked']);
    expect(second.site.childrenOf('ENG-227').map((i) => i.fields.summary)).toContain('Added locally');
    expect(JSON.parse(readFileSync(file, 'utf8')).issues).toHaveLength(566);
  });

  it('saves within the interval of a change without being asked', async () => {
    const file = join(dir, 'issues.json');
    const { site } = openPersistentSite(file, SEED);
    const watcher = watchSite(site, file, 20);
    applySiteChange(site, { kind: 'flag', key: 'PLAT-37', flagged: true }, '2026-11-26T10:00:00.000Z');
    const deadline = Date.now() + 2_000;
    while (watcher.saves < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    watcher.stop();
    expect(watcher.saves).toBe(2);
    expect(JSON.stringify(openPersistentSite(file, SEED).site.get('PLAT-37')?.fields.customfield_10021)).toBe('[{"value":"Impediment","id":"10019"}]');
  });
});
