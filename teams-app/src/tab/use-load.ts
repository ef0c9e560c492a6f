/**
 * Loads data for a view and reloads it on demand; the latest request wins. A change of
 * `refresh` (the live round) loads again quietly: the data on screen stays until the new data
 * arrives, so nothing flickers and the components keep their local state (notes being typed);
 * a quiet load that fails keeps the data shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type Loaded<T> = { readonly kind: 'loading' } | { readonly kind: 'ok'; readonly data: T } | { readonly kind: 'error'; readonly message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useLoad<T>(load: () => Promise<T>, keys: readonly unknown[], refresh = 0): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const refreshed = useRef(refresh);
  useEffect(() => {
    const ticket = ++latest.current;
    setState({ kind: 'loading' });
    load().then(
      (data) => ticket === latest.current && setState({ kind: 'ok', data }),
      (error: unknown) => ticket === latest.current && setState({ kind: 'error', message: messageOf(error) }),
    );
  }, [...keys, round]);
  useEffect(() => {
    if (refresh === refreshed.current) return;
    refreshed.current = refresh;
    const ticket = ++latest.current;
    load().then(
      (data) => ticket === latest.current && setState({ kind: 'ok', data }),
      (error: unknown) => ticket === latest.current && setState((s) => (s.kind === 'ok' ? s : { kind: 'error', message: messageOf(error) })),
    );
  }, [refresh]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [state, reload];
}
