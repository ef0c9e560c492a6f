import { DOCUMENTED_EVENT_FIELDS, type ForgeIssueEvent } from './events';
import { startJiraEmulator, type JiraEmulator } from './server';
import { Site } from './site';
import { call, listenForWebhooks, rawIssue, type WebhookListener } from './testing';

const AT = '2026-03-02T12:00:00.000Z';
const STAMP = '2026-03-02T12:00:00.000+0000';

function freshSite(): Site {
  return new Site([
    rawIssue(10001, 'ENG-1', { type: 'Epic', status: 'In Progress' }),
    rawIssue(10002, 'ENG-2', { parent: 'ENG-1', status: 'In Progress', points: 3 }),
    rawIssue(10003, 'ENG-3', { parent: 'ENG-1' }),
    rawIssue(10004, 'OPS-1', { type: 'Epic' }),
    rawIssue(10005, 'OPS-2', { parent: 'OPS-1' }),
    rawIssue(10006, 'ENG-4', { parent: 'ENG-2', type: 'Sub-task' }),
  ]);
}

async function keysOf(emulator: JiraEmulator, jql: string): Promise<string[]> {
  const res = await call(emulator.url, 'POST', '/rest/api/3/search/jql', { body: { jql, fields: ['key'] } });
  return (res.body as { issues: { key: string }[] }).issues.map((i) => i.key);
}

async function change(emulator: JiraEmulator, body: object) {
  return call(emulator.url, 'POST', '/_emulator/changes', { body });
}

describe('admin changes', () => {
  let emulator: JiraEmulator;
  let hook: WebhookListener;
  beforeEach(async () => {
    emulator = await startJiraEmulator({ site: freshSite(), now: () => AT });
    hook = await listenForWebhooks();
    const reg = await call(emulator.url, 'POST', '/_emulator/webhooks', { body: { url: hook.url } });
    expect(reg).toEqual(expect.objectContaining({ status: 201, body: { id: '1', url: hook.url } }));
  });
  afterEach(async () => {
    await emulator.stop();
    await hook.close();
  });

  it('transitions an issue: search sees it, and the webhook gets the status and resolution changelog', async () => {
    const res = await change(emulator, { kind: 'transition', key: 'ENG-2', status: 'done' });
    expect(res.status).toBe(200);
    expect(await keysOf(emulator, 'parent = ENG-1 AND statusCategory = Done')).toEqual(['ENG-2']);
    expect(await keysOf(emulator, 'parent = ENG-1 AND updated >= -1m')).toEqual(['ENG-2']);
    const [event] = (await hook.waitFor(1)) as ForgeIssueEvent[];
    expect(event).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      issue: { id: '10002', key: 'ENG-2', fields: { updated: STAMP, status: { name: 'Done', statusCategory: { key: 'done' } } } },
      atlassianId: '5b10a2844c20165700ede21g',
      associatedUsers: [{ accountId: '5b10a2844c20165700ede21g' }],
    });
    // Only what Forge documents: no resolutiondate, parent, links or custom fields, no timestamp.
    expect(Object.keys(event ?? {}).sort()).toEqual(['associatedUsers', 'atlassianId', 'changelog', 'eventType', 'issue']);
    expect(Object.keys(event?.issue.fields ?? {}).sort()).toEqual(['assignee', 'created', 'creator', 'issuetype', 'project', 'reporter', 'status', 'summary', 'updated']);
    expect(event?.changelog?.items).toEqual([
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '3', fromString: 'In Progress', to: '10003', toString: 'Done' },
      { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' },
    ]);
    expect(emulator.stats().webhooks).toEqual({ delivered: 1, failed: 0, pending: 0, lastError: null });
  });

  it('links and unlinks: both issues change and both get an event', async () => {
    await change(emulator, { kind: 'link', key: 'OPS-2', to: 'ENG-3', type: 'Blocks' });
    const events = (await hook.waitFor(2)) as ForgeIssueEvent[];
    expect(events.map((e) => [e.issue.key, e.changelog?.items])).toEqual([
      ['OPS-2', [{ field: 'Link', fieldtype: 'jira', fieldId: 'issuelinks', from: null, fromString: null, to: 'ENG-3', toString: 'This issue blocks ENG-3' }]],
      ['ENG-3', [{ field: 'Link', fieldtype: 'jira', fieldId: 'issuelinks', from: null, fromString: null, to: 'OPS-2', toString: 'This issue is blocked by OPS-2' }]],
    ]);
    const fetched = await call(emulator.url, 'POST', '/rest/api/3/issue/bulkfetch', { body: { issueIdsOrKeys: ['ENG-3'], fields: ['issuelinks'] } });
    expect((fetched.body as { issues: { fields: { issuelinks: unknown[] } }[] }).issues[0]?.fields.issuelinks).toEqual([
      { id: '1000510003', type: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }, inwardIssue: { id: '10005', key: 'OPS-2', fields: expect.objectContaining({ status: expect.objectContaining({ name: 'To Do' }) }) } },
    ]);
    await change(emulator, { kind: 'transition', key: 'OPS-2', status: 'In Progress' });
    const linked = emulator.site.factsOf(emulator.site.get('ENG-3')!);
    expect(linked.links).toEqual([{ type: 'Blocks', relation: 'is blocked by', direction: 'inward', key: 'OPS-2', linkedCategory: 'indeterminate' }]);
    await change(emulator, { kind: 'unlink', key: 'OPS-2', to: 'ENG-3' });
    const all = (await hook.waitFor(5)) as ForgeIssueEvent[];
    expect(all.slice(3).map((e) => [e.issue.key, e.changelog?.items[0]?.fromString, e.changelog?.items[0]?.toString])).toEqual([
      ['OPS-2', 'This issue blocks ENG-3', null],
      ['ENG-3', 'This issue is blocked by OPS-2', null],
    ]);
    expect(emulator.site.factsOf(emulator.site.get('ENG-3')!).links).toEqual([]);
  });

  it('flags, sets points and moves between epics, with custom-field and parent changelogs', async () => {
    await change(emulator, { kind: 'flag', key: 'ENG-3', flagged: true });
    await change(emulator, { kind: 'set-points', key: 'ENG-2', points: 8 });
    await change(emulator, { kind: 'move', key: 'ENG-3', parent: 'OPS-1' });
    const events = (await hook.waitFor(3)) as ForgeIssueEvent[];
    expect(events.map((e) => e.changelog?.items)).toEqual([
      [{ field: 'Flagged', fieldtype: 'custom', fieldId: 'customfield_10021', from: null, fromString: null, to: null, toString: 'Impediment' }],
      [{ field: 'Story Points', fieldtype: 'custom', fieldId: 'customfield_10016', from: null, fromString: '3', to: null, toString: '8' }],
      [{ field: 'IssueParentAssociation', fieldtype: 'jira', fieldId: 'parent', from: null, fromString: 'ENG-1', to: '10004', toString: 'OPS-1' }],
    ]);
    expect(await keysOf(emulator, 'parent = OPS-1')).toEqual(['ENG-3', 'OPS-2']);
    expect(await keysOf(emulator, 'parent = ENG-1')).toEqual(['ENG-2']);
    const facts = emulator.site.factsOf(emulator.site.get('ENG-3')!);
    expect([facts.flagged, facts.parent]).toEqual([true, 'OPS-1']);
    expect(emulator.site.factsOf(emulator.site.get('ENG-2')!).points).toBe(8);
  });

  it('creates an issue under an epic and deletes one with its sub-tasks', async () => {
    const created = await change(emulator, { kind: 'create', project: 'ENG', parent: 'ENG-1', summary: 'New work', points: 2 });
    expect(created.body).toMatchObject({ issue: { id: '10007', key: 'ENG-5' } });
    expect(await keysOf(emulator, 'parent = ENG-1')).toEqual(['ENG-2', 'ENG-3', 'ENG-5']);
    await change(emulator, { kind: 'delete', key: 'ENG-2' });
    expect(await keysOf(emulator, 'parent in (ENG-1, ENG-2)')).toEqual(['ENG-3', 'ENG-5']);
    expect(await keysOf(emulator, 'key in (ENG-2, ENG-4)')).toEqual([]);
    const events = (await hook.waitFor(3)) as ForgeIssueEvent[];
    expect(events.map((e) => [e.eventType, e.issue.key, 'changelog' in e])).toEqual([
      ['avi:jira:created:issue', 'ENG-5', false],
      ['avi:jira:deleted:issue', 'ENG-4', false],
      ['avi:jira:deleted:issue', 'ENG-2', false],
    ]);
    expect(events[0]?.issue.fields).toMatchObject({ summary: 'New work', status: { name: 'To Do' }, creator: { accountId: '5b10a2844c20165700ede21g' }, assignee: null });
    // The event does not say where the issue was created: no parent, no custom fields.
    expect(Object.keys(events[0]?.issue.fields ?? {}).sort()).toEqual([...DOCUMENTED_EVENT_FIELDS].sort());
  });

  it('answers 404 for an unknown issue, 400 for an unknown status, and sends nothing for a change that changes nothing', async () => {
    expect(await change(emulator, { kind: 'transition', key: 'ENG-99', status: 'Done' })).toMatchObject({
      status: 404,
      body: { errorMessages: ['Issue does not exist or you do not have permission to see it: ENG-99'] },
    });
    expect(await change(emulator, { kind: 'transition', key: 'ENG-2', status: 'Shipped' })).toMatchObject({
      status: 400,
      body: { errorMessages: ["Status 'Shipped' does not exist; the statuses are To Do, In Progress, In Review, Blocked, Done."] },
    });
    expect((await change(emulator, { kind: 'teleport', key: 'ENG-2' })).status).toBe(400);
    const same = await change(emulator, { kind: 'transition', key: 'ENG-2', status: 'In Progress' });
    expect(same.body).toEqual({ issue: { id: '10002', key: 'ENG-2' }, events: [] });
    expect(emulator.stats().webhooks.pending).toBe(0);
    expect(hook.received).toEqual([]);
  });

  it('counts failed deliveries instead of failing the change', async () => {
    const failing = await listenForWebhooks(500);
    await call(emulator.url, 'POST', '/_emulator/webhooks', { body: { url: failing.url } });
    await call(emulator.url, 'POST', '/_emulator/webhooks', { body: { url: 'http://127.0.0.1:1/closed' } });
    expect((await change(emulator, { kind: 'flag', key: 'ENG-2', flagged: true })).status).toBe(200);
    await hook.waitFor(1);
    await failing.waitFor(1);
    await emulator.stop();
    expect(emulator.stats().webhooks).toMatchObject({ delivered: 1, failed: 2, pending: 0 });
    await failing.close();
    emulator = await startJiraEmulator({ site: freshSite() });
  });
});
