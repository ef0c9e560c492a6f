import { join } from 'node:path';
import { applySiteChange, loadSnapshotFile, type Site, type SiteChange } from '../jira-emulator';
import { customTransitionSchema, DEMO_ACTIONS, runDemoAction } from './actions';

const SEED = join(__dirname, '..', '..', 'examples', 'acme-issues.json');
let site: Site;
const emulator = () => ({ site, apply: (change: SiteChange) => applySiteChange(site, change, '2026-11-26T10:00:00.000Z') });
const statusOf = (key: string) => (site.get(key)?.fields.status as { name: string }).name;
beforeEach(() => {
  site = loadSnapshotFile(SEED);
});

describe('the start page\'s Jira admin actions', () => {
  it('blocks and unblocks a deliverable, each change an event for the Forge host', () => {
    expect(runDemoAction(emulator(), 'block-prod-58')).toEqual({ kind: 'done', message: 'Block PROD-58: 1 change, 1 Jira event sent to the Forge host' });
    expect(statusOf('PROD-58')).toBe('Blocked');
    expect(runDemoAction(emulator(), 'unblock-prod-58').kind).toBe('done');
    expect(statusOf('PROD-58')).toBe('In Review');
  });

  it("moves only an epic's open issues to Done", () => {
    expect(runDemoAction(emulator(), 'finish-eng-108')).toEqual({ kind: 'done', message: "Move ENG-108's open issues to Done: 3 changes, 3 Jira events sent to the Forge host" });
    expect(site.childrenOf('ENG-108').map((i) => (i.fields.status as { name: string }).name)).toEqual(Array(19).fill('Done'));
    expect(runDemoAction(emulator(), 'finish-eng-108')).toEqual({ kind: 'done', message: "Move ENG-108's open issues to Done: nothing to change" });
  });

  it('refuses an unknown action by naming the known ones, and changes nothing', () => {
    const version = site.version;
    const outcome = runDemoAction(emulator(), 'drop-tables');
    expect(outcome.kind).toBe('refused');
    expect(outcome.message).toBe(`expected one of the actions ${DEMO_ACTIONS.map((a) => a.id).join(', ')}, got "drop-tables"`);
    expect(site.version).toBe(version);
  });

  it('offers only changes the demo data can take (every action applies on the example site)', () => {
    for (const action of DEMO_ACTIONS) {
      site = loadSnapshotFile(SEED);
      expect([action.id, runDemoAction(emulator(), action.id).kind]).toEqual([action.id, 'done']);
    }
  });

  it('checks a typed-in transition: an issue key and a known status', () => {
    expect(customTransitionSchema.parse({ key: ' eng-142 ', status: 'Blocked' })).toEqual({ key: 'ENG-142', status: 'Blocked' });
    expect(customTransitionSchema.safeParse({ key: 'ENG', status: 'Blocked' }).error?.issues[0]?.message).toBe('expected an issue key like ENG-142');
    expect(customTransitionSchema.safeParse({ key: 'ENG-1', status: 'Gone' }).error?.issues[0]?.message).toBe('expected a status: To Do, In Progress, In Review, Blocked, Done');
  });
});
