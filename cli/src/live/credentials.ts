/**
 * Which credentials a live command uses: `--email E --token T` (Jira Cloud basic auth with an
 * API token) or `--bearer TOKEN` (an OAuth or personal access token), each also read from the
 * environment (`JIRA_EMAIL`, `JIRA_API_TOKEN`, `JIRA_BEARER_TOKEN`); options win over the
 * environment. Messages name what is missing, never a value given.
 */
import type { JiraAuth } from '../jira-client';
import { UsageError } from '../io';

export interface CredentialOptions {
  readonly email?: string | undefined;
  readonly token?: string | undefined;
  readonly bearer?: string | undefined;
}

export type Env = Readonly<Record<string, string | undefined>>;

export const CREDENTIALS_HELP =
  'give --email E --token T (or set JIRA_EMAIL and JIRA_API_TOKEN), or --bearer TOKEN (or set JIRA_BEARER_TOKEN)';

const given = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v);

function basic(email: string | undefined, token: string | undefined, site: string): JiraAuth {
  if (email === undefined) throw new UsageError(`expected the account email for ${site} with the API token: give --email E or set JIRA_EMAIL`);
  if (token === undefined) throw new UsageError(`expected the API token for ${site} with the email: give --token T or set JIRA_API_TOKEN`);
  return { kind: 'basic', email, token };
}

/** The credentials for `site` (named in messages) from the options, else the environment; a UsageError when none or half of them are given. */
export function resolveJiraAuth(options: CredentialOptions, env: Env, site: string): JiraAuth {
  const email = given(options.email);
  const token = given(options.token);
  const bearer = given(options.bearer);
  if (bearer !== undefined) {
    if (email !== undefined || token !== undefined) throw new UsageError('expected either --email and --token or --bearer, not both');
    return { kind: 'bearer', token: bearer };
  }
  const envEmail = given(env.JIRA_EMAIL);
  const envToken = given(env.JIRA_API_TOKEN);
  if (email !== undefined || token !== undefined) return basic(email ?? envEmail, token ?? envToken, site);
  if (envEmail !== undefined && envToken !== undefined) return basic(envEmail, envToken, site);
  const envBearer = given(env.JIRA_BEARER_TOKEN);
  if (envBearer !== undefined) return { kind: 'bearer', token: envBearer };
  if (envEmail !== undefined || envToken !== undefined) return basic(envEmail, envToken, site);
  throw new UsageError(`expected credentials for ${site}: ${CREDENTIALS_HELP}`);
}
