import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { fillManifest, readPackageValues, validateManifest, writeTeamsPackage, type PackageValues } from './teams-package';

const appPackageDir = join(__dirname, '..', 'appPackage');
const template = readFileSync(join(appPackageDir, 'manifest.json'), 'utf8');
const env = { BOT_ID: '11111111-2222-3333-4444-555555555555', AAD_APP_ID: '66666666-7777-8888-9999-000000000000', TAB_DOMAIN: 'okr.example.com' };
const values: PackageValues = env;
type Manifest = {
  manifestVersion: string;
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  configurableTabs: { configurationUrl: string; scopes: string[]; context: string[] }[];
  staticTabs: { name: string; contentUrl: string; scopes: string[] }[];
  webApplicationInfo: { id: string; resource: string };
  validDomains: string[];
};

describe('the Teams manifest', () => {
  const filled = JSON.parse(fillManifest(template, values)) as Manifest;

  test('the checked-in manifest keeps its placeholders and uses the newest bundled schema, 1.30', () => {
    expect(template).toContain('"botId": "${{BOT_ID}}"');
    expect(template).toContain('"id": "${{AAD_APP_ID}}"');
    expect(JSON.parse(template).manifestVersion).toBe('1.30');
  });

  test('a filled copy validates against the bundled schema with no errors', async () => {
    expect(await validateManifest(filled)).toEqual([]);
  });

  test('the validator does report a broken manifest (so the check above means something)', async () => {
    const errors = await validateManifest({ ...filled, bots: [{ ...filled.bots[0], botId: 'not-a-guid' }] });
    expect(errors).toEqual([expect.stringContaining('/bots/0/botId must match pattern')]);
  });

  test('declares the bot, its commands, the configurable tab, My OKRs, SSO and the domain', () => {
    expect(filled.bots[0]?.botId).toBe(env.BOT_ID);
    expect(filled.bots[0]?.scopes).toEqual(['team', 'groupChat', 'personal']);
    expect(filled.bots[0]?.commandLists[0]?.commands.map((c) => c.title)).toEqual(['status', 'agenda', 'blocked', 'follow', 'unfollow', 'connect', 'help']);
    expect(filled.configurableTabs[0]?.context).toEqual(['channelTab', 'meetingSidePanel', 'meetingStage', 'meetingChatTab']);
    expect(filled.configurableTabs[0]?.configurationUrl).toBe('https://okr.example.com/tab/config.html');
    expect(filled.staticTabs).toEqual([expect.objectContaining({ name: 'My OKRs', scopes: ['personal'], contentUrl: 'https://okr.example.com/tab/index.html?personal=1' })]);
    expect(filled.webApplicationInfo).toEqual({ id: env.AAD_APP_ID, resource: `api://okr.example.com/${env.AAD_APP_ID}` });
    expect(filled.validDomains).toEqual(['okr.example.com']);
  });
});

describe('package values', () => {
  test('names every missing or malformed value', () => {
    expect(readPackageValues({ BOT_ID: 'bot', TAB_DOMAIN: 'https://okr.example.com/x' })).toEqual({
      kind: 'invalid',
      problems: [
        'BOT_ID: expected a GUID like 00000000-0000-0000-0000-000000000000',
        'TAB_DOMAIN: expected a host name like okr.example.com (no https://, no path)',
        'AAD_APP_ID: missing',
      ],
    });
  });

  test('a placeholder with no value is an error, not an empty string', () => {
    expect(() => fillManifest('{"x":"${{TEAMS_APP_ID}}"}', values)).toThrow('the manifest uses ${{TEAMS_APP_ID}} but no value is defined for it');
  });
});

describe('writeTeamsPackage', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('writes a zip holding the filled manifest and both icons at its root', async () => {
    const outFile = join(dir, 'dist', 'okr-bridge-teams.zip');
    const result = await writeTeamsPackage({ appPackageDir, outFile, env });
    expect(result).toEqual({ kind: 'written', file: outFile, bytes: expect.any(Number) });
    const files = unzipSync(readFileSync(outFile));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = new TextDecoder().decode(files['manifest.json']);
    expect(manifest).not.toContain('${{');
    expect((JSON.parse(manifest) as Manifest).bots[0]?.botId).toBe(env.BOT_ID);
    expect(Buffer.from(files['color.png'] ?? []).equals(readFileSync(join(appPackageDir, 'color.png')))).toBe(true);
    expect(Buffer.from(files['outline.png'] ?? []).equals(readFileSync(join(appPackageDir, 'outline.png')))).toBe(true);
  });

  test('writes nothing when a value is missing', async () => {
    const outFile = join(dir, 'out.zip');
    expect(await writeTeamsPackage({ appPackageDir, outFile, env: { ...env, BOT_ID: undefined } })).toEqual({ kind: 'invalid', problems: ['BOT_ID: missing'] });
    expect(() => readFileSync(outFile)).toThrow('ENOENT');
  });
});
