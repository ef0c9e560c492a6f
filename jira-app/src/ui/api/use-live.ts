/**
 * Keeps an open panel current without a reload: every few seconds, while the page is visible,
 * it asks `getVersion` for the storage stamp (one small KVS read, no Jira call) and calls
 * `onChange` when the stamp moved, which loads the view again. Forge Realtime cannot serve
 * here: its publish works only from invocations that start in a UI, and Jira changes reach the
 * app through event triggers.
 */
import { useEffect, useRef, useState } from 'react';
import { invokeResolver } from './invoke';

export const LIVE_POLL_MS = 2000;

export interface Live {
  /** When the view was last loaded because of a change, or when the panel opened (ms). */
  readonly updatedAt: number;
}

/** Polls the stamp and calls `onChange` whenever it moves. */
export function useLive(onChange: () => void, pollMs = LIVE_POLL_MS): Live {
  const [updatedAt, setUpdatedAt] = useState(() => Date.now());
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    let seen: string | null | undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      if (document.visibilityState === 'visible') {
        const res = await invokeResolver('getVersion', {});
        if (stopped) return;
        if (res.ok) {
          if (seen !== undefined && res.data.stamp !== seen) {
            latest.current();
            setUpdatedAt(Date.now());
          }
          seen = res.data.stamp;
        }
      }
      if (!stopped) timer = setTimeout(() => void poll(), pollMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pollMs]);
  return { updatedAt };
}
