import { useEffect, useState } from 'react';
import { errorText } from '../api/client.js';

/**
 * What a screen reads from the API: `load` runs whenever `key` changes (a stale answer is
 * dropped), giving the data, or the error's one line; a null key loads nothing. `set` replaces
 * the data with what a later call answered (a form's reply).
 */
export function useLoaded<T>(
  key: string | null,
  load: () => Promise<{ data?: T | undefined; error?: unknown }>,
  fallback: string,
): { data: T | undefined; error: string | undefined; set: (data: T) => void } {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: string }>({
    key: null,
  });
  useEffect(() => {
    if (key === null) return undefined;
    let live = true;
    void load().then((r) => {
      if (!live) return;
      setState(
        r.data !== undefined ? { key, data: r.data } : { key, error: errorText(r.error, fallback) },
      );
    });
    return () => {
      live = false;
    };
    // `load` is the caller's inline function: `key` says when it asks for something new.
  }, [key]);
  const current = key !== null && state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    set: (data: T) => setState({ key, data }),
  };
}
