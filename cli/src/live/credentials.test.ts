import { UsageError } from '../io';
import { resolveJiraAuth } from './credentials';

const site = 'https://acme.atlassian.net';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('Jira credentials', () => {
  it('takes --email and --token, or --bearer', () => {
    expect(resolveJiraAuth({ email: 'a@acme.example', token: 't0k' }, {}, site)).toEqual({ kind: 'basic', email: 'a@acme.example', token: 't0k' });
    expect(resolveJiraAuth({ bearer: 'b3arer' }, {}, site)).toEqual({ kind: 'bearer', token: 'b3arer' });
  });

  it('reads JIRA_EMAIL and JIRA_API_TOKEN, else JIRA_BEARER_TOKEN', () => {
    expect(resolveJiraAuth({}, { JIRA_EMAIL: 'e@x.example', JIRA_API_TOKEN: 'env-token', JIRA_BEARER_TOKEN: 'env-bearer' }, site)).toEqual({ kind: 'basic', email: 'e@x.example', token: 'env-token' });
    expect(resolveJiraAuth({}, { JIRA_BEARER_TOKEN: 'env-bearer', JIRA_EMAIL: '' }, site)).toEqual({ kind: 'bearer', token: 'env-bearer' });
  });

  it('lets options win over the environment and completes half given on the command line from it', () => {
    expect(resolveJiraAuth({ bearer: 'cli-bearer' }, { JIRA_EMAIL: 'e@x.example', JIRA_API_TOKEN: 'env-token' }, site)).toEqual({ kind: 'bearer', token: 'cli-bearer' });
    expect(resolveJiraAuth({ token: 'cli-token' }, { JIRA_EMAIL: 'e@x.example', JIRA_API_TOKEN: 'env-token' }, site)).toEqual({ kind: 'basic', email: 'e@x.example', token: 'cli-token' });
  });

  it('refuses none, half, or both kinds, naming what is missing and never a value', () => {
    expect(refusal(() => resolveJiraAuth({}, {}, site))).toBe(
      'expected credentials for https://acme.atlassian.net: give --email E --token T (or set JIRA_EMAIL and JIRA_API_TOKEN), or --bearer TOKEN (or set JIRA_BEARER_TOKEN)',
    );
    expect(refusal(() => resolveJiraAuth({ email: 'a@acme.example' }, {}, site))).toBe('expected the API token for https://acme.atlassian.net with the email: give --token T or set JIRA_API_TOKEN');
    expect(refusal(() => resolveJiraAuth({}, { JIRA_API_TOKEN: 'secret-env-token' }, site))).toBe(
      'expected the account email for https://acme.atlassian.net with the API token: give --email E or set JIRA_EMAIL',
    );
    expect(refusal(() => resolveJiraAuth({ bearer: 'secret-bearer', token: 'secret-token' }, {}, site))).toBe('expected either --email and --token or --bearer, not both');
  });
});
