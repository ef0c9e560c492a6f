import { readStartConfig } from './config';

const read = (argv: string[], env: Record<string, string> = {}) => readStartConfig(argv, env, '/repo');

describe('readStartConfig', () => {
  it('uses the documented defaults, paths resolved against the working directory', () => {
    expect(read([])).toEqual({
      kind: 'ok',
      config: {
        ports: { page: 4000, jira: 4010, forge: 4020, connector: 4030, teams: 3978 },
        dataDir: '/repo/.data',
        orgFile: '/repo/examples/acme.yaml',
        issuesFile: '/repo/examples/acme-issues.json',
        reconcileEveryMinutes: 60,
      },
    });
  });

  it('takes ports and folders from the environment, and flags over the environment', () => {
    const outcome = read(['--jira-port', '5010', '--data', 'state'], { OKR_JIRA_PORT: '6010', OKR_TEAMS_PORT: '6078', OKR_DATA_DIR: '/elsewhere', OKR_RECONCILE_MINUTES: '0' });
    expect(outcome.kind === 'ok' && outcome.config).toMatchObject({ ports: { jira: 5010, teams: 6078 }, dataDir: '/repo/state', reconcileEveryMinutes: 0 });
  });

  it('refuses a port that is not a number, naming the setting it came from', () => {
    expect(read([], { OKR_FORGE_PORT: 'forty' })).toEqual({ kind: 'invalid', message: 'expected OKR_FORGE_PORT to be a port number (1-65535, or 0 for any free port), got "forty"' });
    expect(read(['--port', '70000'])).toEqual({ kind: 'invalid', message: 'expected --port to be at most 65535, got "70000"' });
  });

  it('refuses two servers on one port', () => {
    expect(read([], { OKR_START_PORT: '4010' })).toEqual({
      kind: 'invalid',
      message: 'expected a different port for each server, got 4010 for both the start page (OKR_START_PORT) and the Jira emulator (OKR_JIRA_PORT)',
    });
  });

  it('answers --help with every option and its variable, and refuses unknown options', () => {
    const help = read(['--help']);
    expect(help.kind).toBe('help');
    for (const name of ['OKR_START_PORT', 'OKR_JIRA_PORT', 'OKR_FORGE_PORT', 'OKR_CONNECTOR_PORT', 'OKR_TEAMS_PORT', 'OKR_DATA_DIR', 'OKR_ORG_FILE', 'OKR_ISSUES_FILE', 'OKR_RECONCILE_MINUTES']) {
      expect(help.kind === 'help' && help.text).toContain(name);
    }
    const unknown = read(['--colour']);
    expect(unknown.kind === 'invalid' && unknown.message.split('\n')[0]).toBe("Unknown option '--colour'");
  });
});
