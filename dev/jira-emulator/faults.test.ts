import { startJiraEmulator, type JiraEmulator } from './server';
import { Site } from './site';
import { rawIssue } from './testing';

describe('transport faults over real HTTP', () => {
  let emulator: JiraEmulator;
  beforeAll(async () => {
    emulator = await startJiraEmulator({ site: new Site([rawIssue(10001, 'ENG-1', { type: 'Epic' }), rawIssue(10002, 'ENG-2', { parent: 'ENG-1' })]) });
  });
  afterAll(() => emulator.stop());

  it('cuts a 200 body short and drops the connection: reading the body fails', async () => {
    emulator.setFaults({ truncateEvery: 1 });
    const res = await fetch(`${emulator.url}/rest/api/3/field`);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(emulator.stats().truncated).toBe(1);
  });

  it('leaves a call unanswered until the client gives up', async () => {
    emulator.setFaults({ hangEvery: 1 });
    const started = Date.now();
    await expect(fetch(`${emulator.url}/rest/api/3/field`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(emulator.stats().hung).toBe(1);
    emulator.setFaults({});
    expect((await fetch(`${emulator.url}/rest/api/3/field`)).status).toBe(200);
  });
});
