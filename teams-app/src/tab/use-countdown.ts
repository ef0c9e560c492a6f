/** A pausable countdown of an agenda item's minutes. */
import { useCallback, useEffect, useState } from 'react';

export interface Countdown {
  readonly remainingMs: number;
  readonly running: boolean;
  toggle(): void;
  reset(): void;
}

export function useCountdown(minutes: number): Countdown {
  const total = minutes * 60_000;
  const [elapsedBefore, setElapsedBefore] = useState(0);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === null) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [startedAt]);
  const elapsed = elapsedBefore + (startedAt === null ? 0 : Math.max(0, now - startedAt));
  const toggle = useCallback(() => {
    const t = Date.now();
    if (startedAt === null) {
      setNow(t);
      setStartedAt(t);
    } else {
      setElapsedBefore((e) => e + (t - startedAt));
      setStartedAt(null);
    }
  }, [startedAt]);
  const reset = useCallback(() => {
    setElapsedBefore(0);
    setStartedAt(null);
  }, []);
  return { remainingMs: total - elapsed, running: startedAt !== null, toggle, reset };
}
