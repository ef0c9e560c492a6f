/** What a panel says about a failed call: the server's message, with what to do next where there is one. */
import type { ResolverError } from '../../contract';

/** The sentence a panel shows for a failed call, with what to do next where there is one. */
export function describeError(error: ResolverError): string {
  switch (error.code) {
    case 'forbidden':
      return `${error.message} Ask an owner of the department or a Jira admin.`;
    case 'not-configured':
      return `${error.message} A Jira admin sets OKRs up under Apps → OKR settings.`;
    default:
      return error.message;
  }
}
