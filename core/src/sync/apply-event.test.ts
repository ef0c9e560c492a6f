import { buildIssue } from '../testing/builders';
import { applyFetchedIssue, applyIssueEvent, eventEpicHints, type IssueEventOutcome } from './apply-event';
import { forgeIssueEventSchema, type ForgeIssueEvent } from './event-schema';
import { buildEpicMetrics, type EpicMetrics } from './metrics';

const context = { storyPointsField: 'customfield_10016', flaggedField: 'customfield_10021' };
const link = (relation: string, key: string) => ({ type: 'Blocks', relation, direction: 'inward' as const, key, linkedCategory: null });

const base = buildEpicMetrics(
  ['ENG-1', 'ENG-2'],
  [
    buildIssue('ENG-10', { id: '10010', parent: 'ENG-1', status: 'To Do', category: 'new', points: 3 }),
    buildIssue('ENG-11', { id: '10011', parent: 'ENG-1', status: 'In Progress', category: 'indeterminate', links: [link('is blocked by', 'OPS-5')] }),
    buildIssue('ENG-20', { id: '10020', parent: 'ENG-2', status: 'Done', category: 'done', points: 5, resolved: '2026-10-15T12:00:00.000+0000' }),
  ],
  { 'project = OPS': [buildIssue('OPS-5', { id: '20005', status: 'To Do', category: 'new' })] },
);

type Item = Record<string, string | null>;
const item = (field: string, from: string | null, fromString: string | null, to: string | null, toString: string | null, fieldId?: string): Item => ({ field, ...(fieldId ? { fieldId } : {}), from, fromString, to, toString });

function updated(key: string, id: string, items: Item[], fields: Record<string, unknown> = {}): ForgeIssueEvent {
  return forgeIssueEventSchema.parse({ eventType: 'avi:jira:updated:issue', issue: { id, key, fields: { summary: 'x', ...fields } }, changelog: { id: '1', items } });
}

const fullFields = (parent: string | null, status: Record<string, unknown>) => ({
  parent: parent ? { key: parent } : null,
  status,
  created: '2026-11-02T09:00:00.000+0000',
  updated: '2026-11-02T09:00:00.000+0000',
  resolutiondate: null,
  issuelinks: [{ type: { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }, inwardIssue: { key: 'ENG-11' } }],
  customfield_10016: 2,
  customfield_10021: null,
});

function applied(outcome: IssueEventOutcome): EpicMetrics {
  if (outcome.kind !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(outcome)}`);
  return outcome.metrics;
}
const facts = (m: EpicMetrics, epic: string, key: string) => m.epics[epic]?.issues.find((i) => i.key === key);
const keys = (m: EpicMetrics, epic: string) => m.epics[epic]?.issues.map((i) => i.key);

describe('applyIssueEvent: status and resolution', () => {
  it('applies a transition with the category the event carries, updating the totals', () => {
    const outcome = applyIssueEvent(base, updated('ENG-10', '10010', [item('status', '10000', 'To Do', '3', 'In Progress', 'status')], { status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } } }), context);
    const m = applied(outcome);
    expect(facts(m, 'ENG-1', 'ENG-10')).toMatchObject({ status: 'In Progress', category: 'indeterminate' });
    expect(m.epics['ENG-1']?.totals.byCategory).toEqual({ new: 0, indeterminate: 2, done: 0 });
    expect(outcome.kind === 'applied' && outcome.changes).toEqual([{ scope: 'epic', set: 'ENG-1', key: 'ENG-10', change: 'updated' }]);
    expect(m.epics['ENG-2']).toBe(base.epics['ENG-2']);
  });

  it('reads the category from learned statuses and stamps the resolution with the update time', () => {
    const event = updated('ENG-10', '10010', [item('status', '10000', 'To Do', '10004', 'Done'), item('resolution', null, null, '10000', 'Done')], { status: { name: 'Done' }, updated: '2026-11-03T08:00:00.000+0000' });
    expect(facts(applied(applyIssueEvent(base, event, context)), 'ENG-1', 'ENG-10')).toMatchObject({ status: 'Done', category: 'done', resolved: '2026-11-03T08:00:00.000+0000' });
  });

  it('clears the resolution date when the resolution is removed', () => {
    const event = updated('ENG-20', '10020', [item('status', '10004', 'Done', '3', 'In Progress'), item('resolution', '10000', 'Done', null, null)]);
    expect(facts(applied(applyIssueEvent(base, event, context)), 'ENG-2', 'ENG-20')).toMatchObject({ category: 'indeterminate', resolved: null });
  });

  it('asks for the issue when the new status’s category is not known', () => {
    expect(applyIssueEvent(base, updated('ENG-10', '10010', [item('status', '10000', 'To Do', '10009', 'Triage')]), context)).toEqual({ kind: 'fetch', key: 'ENG-10', reason: 'the category of status "Triage" is not known yet' });
  });

  it('asks for the issue when the change starts from another status than the stored one', () => {
    expect(applyIssueEvent(base, updated('ENG-10', '10010', [item('status', '3', 'In Progress', '10004', 'Done')]), context)).toEqual({
      kind: 'fetch',
      key: 'ENG-10',
      reason: 'the status change starts from "In Progress" but "To Do" is stored',
    });
  });

  it('ignores a repeated delivery of a change already stored', () => {
    expect(applyIssueEvent(base, updated('ENG-11', '10011', [item('status', '10000', 'To Do', '3', 'In Progress')]), context)).toEqual({ kind: 'ignored', reason: 'no change core reads in ENG-11' });
  });

  it('asks for the issue when its fields disagree with what is stored (a missed event)', () => {
    expect(applyIssueEvent(base, updated('ENG-10', '10010', [], { status: { name: 'Done' } }), context)).toEqual({ kind: 'fetch', key: 'ENG-10', reason: "the event's fields disagree with the stored facts of ENG-10" });
  });
});

describe('applyIssueEvent: parent, points, flag, links', () => {
  it('moves an issue between tracked epics', () => {
    const outcome = applyIssueEvent(base, updated('ENG-10', '10010', [item('IssueParentAssociation', '101', 'ENG-1', '102', 'ENG-2')]), context);
    const m = applied(outcome);
    expect([keys(m, 'ENG-1'), keys(m, 'ENG-2')]).toEqual([['ENG-11'], ['ENG-10', 'ENG-20']]);
    expect(outcome.kind === 'applied' && outcome.changes).toEqual([
      { scope: 'epic', set: 'ENG-1', key: 'ENG-10', change: 'removed' },
      { scope: 'epic', set: 'ENG-2', key: 'ENG-10', change: 'added' },
    ]);
  });

  it('drops an issue moved to an untracked epic or to no parent', () => {
    expect(keys(applied(applyIssueEvent(base, updated('ENG-10', '10010', [item('Epic Link', '101', 'ENG-1', '103', 'ENG-3')]), context)), 'ENG-1')).toEqual(['ENG-11']);
    expect(keys(applied(applyIssueEvent(base, updated('ENG-10', '10010', [item('Parent', '101', 'ENG-1', null, null, 'parent')]), context)), 'ENG-1')).toEqual(['ENG-11']);
  });

  it('asks for the issue when the new parent is named but not by its key', () => {
    expect(applyIssueEvent(base, updated('ENG-10', '10010', [item('Epic Link', null, null, '102', 'Checkout revamp')]), context)).toEqual({
      kind: 'fetch',
      key: 'ENG-10',
      reason: 'the Epic Link change names the new parent "Checkout revamp", not its key',
    });
  });

  it('adds an untracked issue moved into a tracked epic from full fields, and asks for it otherwise', () => {
    const move = [item('IssueParentAssociation', null, null, '101', 'ENG-1')];
    const full = updated('ENG-30', '10030', move, fullFields('ENG-1', { name: 'To Do', statusCategory: { key: 'new' } }));
    expect(facts(applied(applyIssueEvent(base, full, context)), 'ENG-1', 'ENG-30')).toEqual({
      key: 'ENG-30', id: '10030', status: 'To Do', category: 'new', points: 2, flagged: false, created: '2026-11-02T09:00:00.000+0000', resolved: null, blockedBy: ['ENG-11'],
    });
    expect(applyIssueEvent(base, updated('ENG-30', '10030', move, { status: { name: 'To Do' } }), context)).toEqual({
      kind: 'fetch',
      key: 'ENG-30',
      reason: 'ENG-30 moved into ENG-1 and the event does not carry parent, created, resolutiondate, issuelinks, customfield_10016, customfield_10021',
    });
  });

  it('sets story points, and null when they are cleared', () => {
    const set = applied(applyIssueEvent(base, updated('ENG-10', '10010', [item('Story Points', null, '3', null, '8', 'customfield_10016')]), context));
    expect(set.epics['ENG-1']?.totals.points).toEqual({ new: 8, indeterminate: 0, done: 0 });
    const cleared = applied(applyIssueEvent(base, updated('ENG-10', '10010', [item('Story Points', null, '3', null, null, 'customfield_10016')]), context));
    expect([facts(cleared, 'ENG-1', 'ENG-10')?.points, cleared.epics['ENG-1']?.totals.unestimated]).toEqual([null, 2]);
  });

  it('flags and unflags', () => {
    const on = applied(applyIssueEvent(base, updated('ENG-10', '10010', [item('Flagged', null, null, '[10019]', 'Impediment', 'customfield_10021')]), context));
    expect(facts(on, 'ENG-1', 'ENG-10')?.flagged).toBe(true);
    const off = applied(applyIssueEvent(on, updated('ENG-10', '10010', [item('Flagged', '[10019]', 'Impediment', null, null, 'customfield_10021')]), context));
    expect(facts(off, 'ENG-1', 'ENG-10')?.flagged).toBe(false);
  });

  it('adds and removes "is blocked by" links and ignores other relations', () => {
    const added = applied(applyIssueEvent(base, updated('ENG-11', '10011', [item('Link', null, null, 'ENG-2', 'This issue is blocked by ENG-2')]), context));
    expect(facts(added, 'ENG-1', 'ENG-11')?.blockedBy).toEqual(['ENG-2', 'OPS-5']);
    const removed = applied(applyIssueEvent(base, updated('ENG-11', '10011', [item('Link', 'OPS-5', 'This issue is blocked by OPS-5', null, null)]), context));
    expect(facts(removed, 'ENG-1', 'ENG-11')?.blockedBy).toEqual([]);
    expect(applyIssueEvent(base, updated('ENG-11', '10011', [item('Link', null, null, 'ENG-2', 'This issue relates to ENG-2')]), context).kind).toBe('ignored');
  });

  it('asks for the issue when its type, key or project changed', () => {
    expect(applyIssueEvent(base, updated('ENG-10', '10010', [item('issuetype', '10001', 'Story', '10003', 'Sub-task')]), context)).toEqual({ kind: 'fetch', key: 'ENG-10', reason: 'its issue type changed' });
  });

  it('ignores changes core does not read and issues it does not track', () => {
    expect(applyIssueEvent(base, updated('ENG-10', '10010', [item('summary', null, 'Old', null, 'New')]), context)).toEqual({ kind: 'ignored', reason: 'no change core reads in ENG-10' });
    expect(applyIssueEvent(base, updated('ENG-99', '10099', [item('status', '10000', 'To Do', '3', 'In Progress')]), context)).toEqual({ kind: 'ignored', reason: 'ENG-99 is in no tracked epic or JQL' });
  });

  it('updates the facts of a JQL match in place', () => {
    const m = applied(applyIssueEvent(base, updated('OPS-5', '20005', [item('status', '10000', 'To Do', '10004', 'Done')], { status: { name: 'Done', statusCategory: { key: 'done' } } }), context));
    expect(m.queries['project = OPS']?.issues[0]).toMatchObject({ key: 'OPS-5', category: 'done' });
  });
});

describe('applyIssueEvent: created and deleted', () => {
  const created = (fields: Record<string, unknown>) => forgeIssueEventSchema.parse({ eventType: 'avi:jira:created:issue', issue: { id: '10031', key: 'ENG-31', fields } });

  it('adds an issue created under a tracked epic when the event carries its fields', () => {
    const outcome = applyIssueEvent(base, created(fullFields('ENG-2', { name: 'To Do', statusCategory: { key: 'new' } })), context);
    expect(keys(applied(outcome), 'ENG-2')).toEqual(['ENG-20', 'ENG-31']);
    expect(outcome.kind === 'applied' && outcome.changes).toEqual([{ scope: 'epic', set: 'ENG-2', key: 'ENG-31', change: 'added' }]);
  });

  it('ignores an issue created outside the tracked epics, and asks for one whose parent it cannot see', () => {
    expect(applyIssueEvent(base, created(fullFields('ENG-3', { name: 'To Do' })), context)).toEqual({ kind: 'ignored', reason: 'ENG-31 was created outside the tracked epics' });
    expect(applyIssueEvent(base, created({ summary: 'x', status: { name: 'To Do' }, created: '2026-11-02T09:00:00.000+0000' }), context)).toEqual({
      kind: 'fetch',
      key: 'ENG-31',
      reason: 'the event does not carry parent, resolutiondate, issuelinks, customfield_10016, customfield_10021',
    });
  });

  it('removes a deleted issue, and its key from the blockers of others', () => {
    const deleted = (key: string, id: string) => forgeIssueEventSchema.parse({ eventType: 'avi:jira:deleted:issue', issue: { id, key, fields: {} } });
    const m = applied(applyIssueEvent(base, deleted('OPS-5', '20005'), context));
    expect([m.queries['project = OPS']?.issues, facts(m, 'ENG-1', 'ENG-11')?.blockedBy]).toEqual([[], []]);
    const epicGone = applied(applyIssueEvent(base, deleted('ENG-1', '101'), context));
    expect([keys(epicGone, 'ENG-1'), keys(epicGone, 'ENG-2')]).toEqual([[], ['ENG-20']]);
    expect(applyIssueEvent(base, deleted('ENG-99', '10099'), context)).toEqual({ kind: 'ignored', reason: 'ENG-99 was not tracked' });
  });
});

describe('applyFetchedIssue and eventEpicHints', () => {
  it('places a fetched issue under its parent now, or removes it when Jira no longer has it', () => {
    const moved = applied(applyFetchedIssue(base, 'ENG-10', buildIssue('ENG-10', { id: '10010', parent: 'ENG-2', status: 'Done', category: 'done' })));
    expect([keys(moved, 'ENG-1'), keys(moved, 'ENG-2')]).toEqual([['ENG-11'], ['ENG-10', 'ENG-20']]);
    expect(keys(applied(applyFetchedIssue(base, 'ENG-11', null)), 'ENG-1')).toEqual(['ENG-10']);
  });

  it('names the epics an event mentions, for loading the store view', () => {
    expect(eventEpicHints(updated('ENG-10', '10010', [item('IssueParentAssociation', '101', 'ENG-1', '102', 'ENG-2')], { parent: { key: 'ENG-2' } }))).toEqual(['ENG-1', 'ENG-2']);
  });
});
