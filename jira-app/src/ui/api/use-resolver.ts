/**
 * A React hook over `callResolver` for reads: loading, error and data states, a `reload`
 * that keeps the data on screen while it refreshes, and no state update after unmount.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResolverError, ResolverName, ResolverPayload, ResolverResult } from '../../contract';
import { invokeResolver } from './invoke';

export type Remote<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: ResolverError }
  | { readonly state: 'ready'; readonly data: T; readonly refreshing: boolean };

export interface UseResolver<T> {
  readonly remote: Remote<T>;
  /** Calls again; the current data stays until the answer arrives. */
  readonly reload: () => void;
}

/** Reads `name` with `payload` (null: wait, e.g. for the context) and again whenever the payload changes. */
export function useResolver<N extends ResolverName>(name: N, payload: ResolverPayload<N> | null): UseResolver<ResolverResult<N>> {
  const [remote, setRemote] = useState<Remote<ResolverResult<N>>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const key = payload === null ? null : JSON.stringify(payload);
  const latest = useRef(0);

  useEffect(() => {
    if (key === null) return;
    const ticket = ++latest.current;
    setRemote((r) => (r.state === 'ready' ? { ...r, refreshing: true } : { state: 'loading' }));
    void invokeResolver(name, JSON.parse(key) as ResolverPayload<N>).then((res) => {
      if (ticket !== latest.current) return;
      setRemote(res.ok ? { state: 'ready', data: res.data, refreshing: false } : { state: 'error', error: res.error });
    });
    return () => {
      // A newer call (or unmount) makes this one's answer stale.
      if (latest.current === ticket) latest.current++;
    };
  }, [name, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { remote, reload };
}
