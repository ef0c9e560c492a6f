/**
 * Keeps the open tab current without a reload: every second while the page is visible it asks
 * the service for its version stamp (three counter reads by key, no call to the Jira app: what
 * the Jira site sent, the review records others saved, the agenda requests made in Teams) and,
 * when the stamp moved, bumps `round`, which views take as a cue to load their data again quietly.
 * Hidden pages do not poll; they poll at once when they show again.
 */
import { useEffect, useState } from 'react';
import type { TabApi } from './api';

export const LIVE_POLL_MS = 1000;

export interface Live {
  /** Counts the changes seen since the tab opened; views reload when it moves. */
  readonly round: number;
  /** When the last change was seen, or when the tab opened (ms). */
  readonly updatedAt: number;
}

export function useLive(api: Pick<TabApi, 'version'>, pollMs = LIVE_POLL_MS): Live {
  const [live, setLive] = useState<Live>(() => ({ round: 0, updatedAt: Date.now() }));
  useEffect(() => {
    let seen: string | null | undefined;
    let stopped = false;
    let busy = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      clearTimeout(timer);
      if (!busy && document.visibilityState === 'visible') {
        busy = true;
        try {
          const { version } = await api.version();
          if (!stopped && seen !== undefined && version !== seen) setLive((l) => ({ round: l.round + 1, updatedAt: Date.now() }));
          seen = version;
        } catch {
          // A missed poll is retried at the next tick; the views show their own load errors.
        } finally {
          busy = false;
        }
      }
      if (!stopped) timer = setTimeout(() => void poll(), pollMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void poll();
    };
    document.addEventListener('visibilitychange', onVisibility);
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [api, pollMs]);
  return live;
}
