/** Loads data for a view and reloads it on demand; the latest request wins. */
import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> = { readonly kind: 'loading' } | { readonly kind: 'ok'; readonly data: T } | { readonly kind: 'error'; readonly message: string };

export function useLoad<T>(load: () => Promise<T>, keys: readonly unknown[]): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    setState({ kind: 'loading' });
    load().then(
      (data) => ticket === latest.current && setState({ kind: 'ok', data }),
      (error: unknown) => ticket === latest.current && setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [...keys, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [state, reload];
}
