import { parsePanelContext } from './context';

describe('parsePanelContext', () => {
  it('reads the issue, the caller and the dark theme of an issue panel', () => {
    const outcome = parsePanelContext({
      accountId: 'acc-1',
      siteUrl: 'https://acme.atlassian.net',
      theme: { colorMode: 'dark' },
      extension: { type: 'jira:issuePanel', issue: { id: '10001', key: 'ENG-101', type: 'Epic' }, project: { id: '10000', key: 'ENG' } },
    });
    expect(outcome).toEqual({
      kind: 'ok',
      context: { accountId: 'acc-1', siteUrl: 'https://acme.atlassian.net', colorMode: 'dark', projectKey: 'ENG', issueKey: 'ENG-101', issueType: 'Epic', gadget: { config: {}, editing: false } },
    });
  });

  it("reads a gadget's configuration and edit mode; no theme means the OS decides", () => {
    const outcome = parsePanelContext({ extension: { type: 'jira:dashboardGadget', gadgetConfiguration: { scope: { kind: 'company' } }, entryPoint: 'edit' } });
    expect(outcome.kind === 'ok' && outcome.context).toMatchObject({ colorMode: 'auto', accountId: null, gadget: { config: { scope: { kind: 'company' } }, editing: true } });
  });

  it('says what is wrong with a context it cannot read', () => {
    expect(parsePanelContext({ accountId: 'acc-1' })).toEqual({
      kind: 'invalid',
      message: 'Jira gave this panel a context it does not understand: extension: Invalid input: expected object, received undefined.',
    });
  });
});
