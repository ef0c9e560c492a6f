import { parsePanelContext } from './context';

describe('parsePanelContext', () => {
  it('reads the issue, the caller, the viewer\'s locale and time zone and the dark theme of an issue panel', () => {
    const outcome = parsePanelContext({
      accountId: 'acc-1',
      siteUrl: 'https://acme.atlassian.net',
      locale: 'de-DE',
      timezone: 'Europe/Berlin',
      theme: { colorMode: 'dark' },
      extension: { type: 'jira:issuePanel', issue: { id: '10001', key: 'ENG-101', type: 'Epic' }, project: { id: '10000', key: 'ENG' } },
    });
    expect(outcome).toEqual({
      kind: 'ok',
      context: { accountId: 'acc-1', siteUrl: 'https://acme.atlassian.net', colorMode: 'dark', projectKey: 'ENG', issueKey: 'ENG-101', issueType: 'Epic', locale: 'de-DE', timeZone: 'Europe/Berlin', gadget: { config: {}, editing: false } },
    });
  });

  it("reads a gadget's configuration and edit mode; no theme means the OS decides", () => {
    const outcome = parsePanelContext({ extension: { type: 'jira:dashboardGadget', gadgetConfiguration: { scope: { kind: 'company' } }, entryPoint: 'edit' } });
    expect(outcome.kind === 'ok' && outcome.context).toMatchObject({ colorMode: 'auto', accountId: null, gadget: { config: { scope: { kind: 'company' } }, editing: true } });
  });

  it('says what is wrong with a context it cannot read', () => {
    expect(parsePanelContext({ accountId: 'acc-1' })).toEqual({
      kind: 'invalid',
      message: 'Jira gave this panel a context it does not understand: extension: expected object, received undefined.',
    });
  });
});

describe('parsePanelContext on contexts of the wrong shape', () => {
  it.each([
    [{ extension: { issue: { key: '' } } }, 'extension.issue.key: expected a non-empty string, received string'],
    [{ extension: { project: 'ENG' } }, 'extension.project: expected object, received string'],
    [{ accountId: 7, extension: {} }, 'accountId: expected string, received number'],
    [{ theme: { colorMode: 1 }, extension: {} }, 'theme.colorMode: expected string, received number'],
    [{ extension: { gadgetConfiguration: [] } }, 'extension.gadgetConfiguration: expected object, received array'],
    [null, '(context): expected object, received null'],
  ])('refuses %j', (raw, message) => {
    expect(parsePanelContext(raw)).toEqual({ kind: 'invalid', message: `Jira gave this panel a context it does not understand: ${message}.` });
  });
});
