/**
 * The Forge manifest validates offline with Atlassian's own validator (@forge/manifest) with
 * no error and no warning, uses no Early Access feature, and every handler and resource it names
 * exists once the functions (bundled by the Forge CLI's bundler, @forge/bundler) and the Custom
 * UI panels are built.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ensureFunctionsBuilt } from '../jira-app/scripts/functions-bundle';
import { buildUi } from '../jira-app/scripts/build-ui';

const root = resolve(__dirname, '..');

interface ValidationResult {
  success: boolean;
  errors?: { message: string; level: string; line: number; column: number }[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validate } = require('@forge/manifest') as { validate: (basic: boolean, file: string) => Promise<ValidationResult> };

const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as {
  app: { runtime: { name: string }; package?: unknown };
  modules: Record<string, { key: string; function?: string; resource?: string; resolver?: { function: string }; handler?: string; edit?: { resource: string }; icon?: string; thumbnail?: string }[]>;
  resources: { key: string; path: string }[];
  permissions: { scopes: string[]; content?: { styles?: string[] }; external: { fetch: { backend: { address: string }[] } } };
};

let bundle = '';
beforeAll(async () => {
  bundle = ensureFunctionsBuilt();
  const missingUi = manifest.resources.some((r) => !existsSync(join(root, r.path, 'index.html')));
  if (missingUi) await buildUi();
}, 240_000);

describe('manifest.yml', () => {
  it('validates with @forge/manifest with no errors and no warnings', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const result = await validate(false, 'manifest.yml');
      expect(result.errors ?? []).toEqual([]);
      expect(result.success).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('runs on nodejs22.x and leaves packaging to Forge: no app.package (manual@2026 is Early Access, not for production)', () => {
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
    expect(manifest.app.package).toBeUndefined();
    expect(readFileSync(join(root, 'manifest.yml'), 'utf8')).not.toMatch(/manual@|bundler:/);
  });

  it('names handlers in src/index.ts beside the manifest, and the bundle @forge/bundler built from it exports each as a function', () => {
    const handlers = manifest.modules.function!.map((f) => f.handler!);
    expect(handlers).toEqual(['index.resolverHandler', 'index.issueTrigger', 'index.reconcileTrigger', 'index.queueConsumer', 'index.teamsWebTrigger']);
    expect(existsSync(join(root, 'src', 'index.ts'))).toBe(true);
    expect(bundle).toBe(join(root, 'jira-app', 'dist', 'functions', 'index.cjs'));
    // Loaded by plain Node, outside jest, as Forge's runtime loads it: no runtime globals yet.
    const exported = JSON.parse(execFileSync(process.execPath, ['-e', `const m = require(${JSON.stringify(bundle)}); console.log(JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v]))))`], { encoding: 'utf8' })) as Record<string, string>;
    for (const h of handlers) expect(exported[h.split('.')[1]!]).toBe('function');
  });

  it('points every resource at a built panel folder with an index.html', () => {
    expect(manifest.resources.map((r) => r.path)).toEqual(['department', 'epic', 'company', 'gadget', 'admin'].map((p) => `jira-app/dist/ui/${p}`));
    for (const r of manifest.resources) expect(existsSync(join(root, r.path, 'index.html'))).toBe(true);
  });

  it("takes the issue panel's icon and the gadget's thumbnail from the app's own resources, as SVG files the build wrote", () => {
    const images = Object.values(manifest.modules)
      .flat()
      .flatMap((m) => [m.icon, m.thumbnail].filter((v): v is string => v !== undefined));
    expect(images).toEqual(['resource:epic;icons/key-results.svg', 'resource:gadget;icons/okr-progress.svg']);
    for (const image of images) {
      // Forge's form: resource:<resource key>;<path inside that resource's folder>.
      const [, key, path] = /^resource:([a-z-]+);([\w/.-]+)$/.exec(image) ?? [];
      const resource = manifest.resources.find((r) => r.key === key);
      expect(resource).toBeDefined();
      const svg = readFileSync(join(root, resource!.path, path!), 'utf8');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="[\d ]+"/);
      expect(svg).not.toMatch(/<script|href=/);
    }
  });

  it('declares the five panels, the issue trigger ignoring the app itself, the hourly reconcile, the queue consumer and the web trigger', () => {
    const keys = Object.fromEntries(Object.entries(manifest.modules).map(([m, list]) => [m, list.map((x) => x.key)]));
    expect(keys).toEqual({
      'jira:projectPage': ['department-okrs'],
      'jira:issuePanel': ['epic-key-results'],
      'jira:globalPage': ['company-okrs'],
      'jira:dashboardGadget': ['okr-progress'],
      'jira:adminPage': ['okr-settings'],
      trigger: ['issue-events'],
      scheduledTrigger: ['hourly-reconcile'],
      consumer: ['okr-work-consumer'],
      webtrigger: ['teams-webtrigger'],
      function: ['resolver', 'issue-trigger', 'reconcile', 'queue-consumer', 'web-trigger'],
    });
    expect(manifest.modules.trigger![0]).toMatchObject({ events: ['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue'], filter: { ignoreSelf: true } });
  });

  it('gives the dashboard gadget an edit view, from its own resource (Jira shows none otherwise)', () => {
    expect(manifest.modules['jira:dashboardGadget']![0]).toMatchObject({ resource: 'gadget', edit: { resource: 'gadget' } });
  });

  it('lets the Custom UI pages inline styles, which Atlaskit injects, and nothing else beyond the default CSP', () => {
    expect(manifest.permissions.content).toEqual({ styles: ['unsafe-inline'] });
  });

  it('asks for the least scopes and egress only to the configured Teams service', () => {
    expect(manifest.permissions.scopes).toEqual(['read:jira-work', 'read:jira-user', 'storage:app']);
    expect(manifest.permissions.external.fetch.backend).toEqual([{ address: '${TEAMS_SERVICE_URL}' }]);
  });
});
