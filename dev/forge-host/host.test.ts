/**
 * The local Forge host over HTTP, without a browser: what it serves, the context it picks,
 * and how it refuses what it should (no session, a foreign content type, a bad body, an
 * unknown resolver, a wrong event token, a path outside the panel) — and that a refused or
 * invalid call stores nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSnapshotFile, startJiraEmulator, type JiraEmulator } from '../jira-emulator';
import { WEB_TRIGGER_PATH } from './routes';
import { DEFAULT_MANIFEST, startForgeHost, type ForgeHost } from './host';
import { readManifestFacts } from './manifest';
import { ACME_ISSUES } from './testing';

let emulator: JiraEmulator;
let host: ForgeHost;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'forge-host-test-'));
  for (const panel of ['department', 'epic', 'company', 'gadget', 'admin']) {
    mkdirSync(join(dir, 'ui', panel, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'ui', panel, 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/index.js"></script></head><body></body></html>');
    writeFileSync(join(dir, 'ui', panel, 'assets', 'index.js'), `console.log(${JSON.stringify(panel)});`);
  }
  emulator = await startJiraEmulator({ site: loadSnapshotFile(ACME_ISSUES), now: () => '2026-11-15T12:00:00.000Z' });
  host = await startForgeHost({ emulatorUrl: emulator.url, dataDir: join(dir, 'data'), uiDir: join(dir, 'ui'), build: 'never', clock: () => Date.parse('2026-11-15T12:00:00Z'), log: () => undefined });
  // The functions bundle is built (with @forge/bundler) when older than its sources: allow for it.
}, 180_000);

afterAll(async () => {
  await host?.stop();
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Loads a panel page; resolves with its session id and HTML. */
async function session(panel: string, query = ''): Promise<{ id: string; html: string; res: Response }> {
  const res = await fetch(`${host.url}/panels/${panel}/${query}`);
  const html = await res.text();
  return { id: /bridge\.js\?session=([A-Za-z0-9_-]+)/.exec(html)?.[1] ?? '', html, res };
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('panel pages', () => {
  it('serves the built page with the bridge shim first in <head> and a Custom UI CSP', async () => {
    const { id, html, res } = await session('department', '?project=ENG&theme=dark');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'",
    );
    expect(html).toMatch(new RegExp(`^<!doctype html><html><head>\\n<script src="/__forge-host/bridge.js\\?session=${id}"></script><script type="module"`));
  });

  it('reads from the app manifest that pages may inline styles and that the gadget has an edit view', () => {
    expect(readManifestFacts(DEFAULT_MANIFEST)).toEqual({ inlineStyles: true, gadgetEdit: 'gadget' });
  });

  it('follows a manifest without them: no inline styles, and no gadget edit view', async () => {
    const manifest = readFileSync(DEFAULT_MANIFEST, 'utf8')
      .replace(['', '  content:', '    styles:', '      - unsafe-inline', ''].join('\n'), '\n')
      .replace(['', '      edit:', '        resource: gadget', ''].join('\n'), '\n');
    expect(manifest).not.toContain('unsafe-inline');
    writeFileSync(join(dir, 'bare-manifest.yml'), manifest);
    expect(readManifestFacts(join(dir, 'bare-manifest.yml'))).toEqual({ inlineStyles: false, gadgetEdit: null });
    const bare = await startForgeHost({ emulatorUrl: emulator.url, dataDir: join(dir, 'bare-data'), uiDir: join(dir, 'ui'), build: 'never', manifestPath: join(dir, 'bare-manifest.yml'), subscribeToEvents: false, log: () => undefined });
    try {
      const page = await fetch(`${bare.url}/panels/gadget/`);
      expect(page.headers.get('content-security-policy')).toContain("style-src 'self';");
      await page.text();
      const edit = await fetch(`${bare.url}/panels/gadget/?mode=edit`);
      expect(edit.status).toBe(404);
      expect(await edit.json()).toEqual({ message: 'the manifest declares no edit view for the jira:dashboardGadget (edit: { resource }), so Jira shows none' });
    } finally {
      await bare.stop();
    }
  });

  it('gives the shim the context chosen by the query: project, caller, theme', async () => {
    const { id } = await session('department', '?project=ENG&accountId=raj%40acme.example&theme=dark');
    const script = await (await fetch(`${host.url}/__forge-host/bridge.js?session=${id}`)).text();
    const config = JSON.parse(/^globalThis\.__forgeHostConfig=(.*);$/m.exec(script)?.[1] ?? '{}') as { context: Record<string, unknown> };
    expect(config.context).toMatchObject({ accountId: 'raj@acme.example', moduleKey: 'department-okrs', theme: { colorMode: 'dark' }, extension: { type: 'jira:projectPage', project: { key: 'ENG' } } });
  });

  it('looks an issue panel\'s issue up in the emulator, and says when it is not there', async () => {
    const { id } = await session('epic', '?issue=ENG-101');
    const script = await (await fetch(`${host.url}/__forge-host/bridge.js?session=${id}`)).text();
    expect(script).toContain('"issue":{"id":"');
    expect(script).toContain('"key":"ENG-101","type":"Epic"');
    const missing = await session('epic', '?issue=ENG-99999');
    expect(missing.res.status).toBe(404);
    expect(JSON.parse(missing.html)).toEqual({ message: 'no issue ENG-99999 in the Jira emulator' });
  });

  it('refuses a context query it does not understand, naming the field', async () => {
    const res = await fetch(`${host.url}/panels/company/?theme=blue`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: 'theme: expected theme to be light or dark' });
  });

  it('never serves a file outside the panel folder', async () => {
    const res = await fetch(`${host.url}/panels/department/assets/..%2f..%2f..%2fdata%2fkvs.json`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/^expected a path inside the panel folder/);
  });
});

describe('calls from the shim', () => {
  it('refuses a call without the session of a page it served', async () => {
    const res = await post('/__forge-host/invoke', { functionKey: 'getCompanyView', payload: {} });
    expect(res.status).toBe(401);
  });

  it('refuses a body that is not JSON, or not a call', async () => {
    const { id } = await session('company');
    const form = await fetch(`${host.url}/__forge-host/invoke`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-forge-host-session': id }, body: 'x' });
    expect(form.status).toBe(415);
    const bad = await post('/__forge-host/invoke', { payload: {} }, { 'x-forge-host-session': id });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: 'functionKey: expected functionKey, the resolver name' });
  });

  it('fails the invoke of a resolver the app does not define, with the error @forge/resolver throws in the bundle', async () => {
    const { id } = await session('company');
    const res = await post('/__forge-host/invoke', { functionKey: 'dropTables', payload: {} }, { 'x-forge-host-session': id });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: "There was an error invoking the function - Resolver has no definition for 'dropTables'." });
  });

  it('passes an invalid payload to the resolver, which refuses it and stores nothing', async () => {
    const { id } = await session('admin');
    host.resetStats();
    const res = await post('/__forge-host/invoke', { functionKey: 'checkIn', payload: { kr: 'eng-o2-kr2' } }, { 'x-forge-host-session': id });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { ok: boolean; error: { code: string } };
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(host.stats().kvs.writes).toBe(0);
    expect(host.stats().calls).toEqual([expect.objectContaining({ kind: 'invoke', name: 'checkIn', kvsWrites: 0, ok: false })]);
  });

  it('accepts a gadget configuration only from the gadget', async () => {
    const company = await session('company');
    const refused = await post('/__forge-host/submit', { payload: { scope: { kind: 'company' } } }, { 'x-forge-host-session': company.id });
    expect(refused.status).toBe(400);
    const gadget = await session('gadget', '?gadget=g7&mode=edit');
    const saved = await post('/__forge-host/submit', { payload: { scope: { kind: 'department', department: 'eng' } } }, { 'x-forge-host-session': gadget.id });
    expect(saved.status).toBe(200);
    const view = await session('gadget', '?gadget=g7');
    const script = await (await fetch(`${host.url}/__forge-host/bridge.js?session=${view.id}`)).text();
    expect(script).toContain('"gadgetConfiguration":{"scope":{"kind":"department","department":"eng"}}');
  });
});

describe('the web trigger', () => {
  it('passes requests to the app, whose signature check refuses an unsigned one and stores nothing', async () => {
    host.resetStats();
    const res = await post(WEB_TRIGGER_PATH, { action: 'snapshot' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { ok: boolean; error: { code: string } }).error.code).toBe('unauthorized');
    expect(host.stats().calls).toEqual([expect.objectContaining({ kind: 'webtrigger', ok: false, kvsWrites: 0 })]);
  });
});

describe('issue events', () => {
  it('refuses an event posted without the host token', async () => {
    const res = await post('/__forge-host/events/not-the-token', { eventType: 'avi:jira:updated:issue' });
    expect(res.status).toBe(401);
  });
});
