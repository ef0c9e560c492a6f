/**
 * The one error the Jira client throws for a request that did not give a usable answer:
 * Jira said no (4xx), kept failing past the retry bound (429, 5xx, timeouts, network
 * errors), or answered with a body that is not what the endpoint promises. The message
 * names the request, the status, Jira's own messages and the attempts made; it never
 * carries credentials.
 */

/** Why the request failed: an HTTP status, no answer in time, no connection, a bad body, or issues Jira could not return. */
export type JiraFailureKind = 'http' | 'timeout' | 'network' | 'malformed' | 'partial';

export interface JiraRequestErrorDetails {
  readonly kind: JiraFailureKind;
  readonly method: string;
  /** The path without the query string, e.g. `/rest/api/3/search/jql`. */
  readonly path: string;
  /** The last HTTP status seen; null when no response came back. */
  readonly status: number | null;
  readonly attempts: number;
  /** Jira's `errorMessages` followed by its `errors` as `field: message`. */
  readonly jiraMessages: readonly string[];
  /**
   * Whether the same request may succeed later (429, 5xx, timeouts, network errors, bodies cut
   * short, issues Jira could not return yet): a reconcile then continues from its checkpoint.
   * By default true for every kind but `http` 4xx and a body of the wrong shape.
   */
  readonly retryable?: boolean;
}

export class JiraRequestError extends Error implements JiraRequestErrorDetails {
  readonly kind: JiraFailureKind;
  readonly method: string;
  readonly path: string;
  readonly status: number | null;
  readonly attempts: number;
  readonly jiraMessages: readonly string[];
  readonly retryable: boolean;

  constructor(message: string, details: JiraRequestErrorDetails) {
    super(message);
    this.name = 'JiraRequestError';
    this.kind = details.kind;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.attempts = details.attempts;
    this.jiraMessages = details.jiraMessages;
    this.retryable = details.retryable ?? (details.kind === 'http' ? details.status === 429 || (details.status ?? 0) >= 500 : details.kind !== 'malformed');
  }
}

/** True when `e` is a failed Jira request (as opposed to a bug). */
export function isJiraRequestError(e: unknown): e is JiraRequestError {
  return e instanceof JiraRequestError;
}

/**
 * Jira's own messages from an error body `{ errorMessages, errors }`, in that order; for a
 * body that is not Jira's error shape, a trimmed excerpt of its text (empty when blank).
 */
export function readJiraMessages(json: unknown, text: string): string[] {
  if (json !== null && typeof json === 'object') {
    const body = json as { errorMessages?: unknown; errors?: unknown; message?: unknown };
    const out: string[] = [];
    if (Array.isArray(body.errorMessages)) {
      for (const m of body.errorMessages) if (typeof m === 'string' && m) out.push(m);
    }
    if (body.errors && typeof body.errors === 'object') {
      for (const [field, m] of Object.entries(body.errors)) if (typeof m === 'string') out.push(`${field}: ${m}`);
    }
    if (out.length === 0 && typeof body.message === 'string' && body.message) out.push(body.message);
    if (out.length > 0) return out;
  }
  const excerpt = excerptOf(text);
  return excerpt ? [excerpt] : [];
}

/** The start of a body on one line, for messages: at most `max` characters. */
export function excerptOf(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Replaces every occurrence of the given secrets (token, email, encoded header) with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}
