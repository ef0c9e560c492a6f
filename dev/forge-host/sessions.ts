/**
 * Panel sessions: each page load gets a random id that its shim sends with every call; the
 * host keeps the context it chose for that load, so the browser never asserts its own
 * account or project (in Jira, Forge attaches the context, not the iframe). Old sessions are
 * dropped beyond a bound.
 */
import { randomBytes } from 'node:crypto';
import type { PanelName } from './context';

export interface PanelSession {
  readonly id: string;
  readonly panel: PanelName;
  readonly gadget: string;
  readonly context: Readonly<Record<string, unknown>>;
}

const MAX_SESSIONS = 2000;

export class SessionStore {
  private readonly sessions = new Map<string, PanelSession>();

  /** Opens a session for one page load. */
  open(panel: PanelName, gadget: string, context: Readonly<Record<string, unknown>>): PanelSession {
    const session = { id: randomBytes(18).toString('base64url'), panel, gadget, context };
    this.sessions.set(session.id, session);
    if (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    return session;
  }

  /** The session with `id`, if the host opened it. */
  get(id: string | undefined): PanelSession | undefined {
    return id ? this.sessions.get(id) : undefined;
  }
}
