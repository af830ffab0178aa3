import { useCallback, useSyncExternalStore } from 'react';

/**
 * `useSyncExternalStore` over a part of the client (the client itself, or a handle it gives out,
 * such as a group hug's), with a fallback when there is none (no provider value, no handle yet, or
 * server rendering): `subscribe` and `read` are called with the source, and `empty` is the value
 * without one. `read` must answer the same object until the data changes. React reads again once
 * subscribed, so a change between the first read and the subscription is not lost.
 */
export function useClientStore<S, T>(source: S | null, subscribe: (source: S, onChange: () => void) => () => void, read: (source: S) => T, empty: T): T {
  const subscribeTo = useCallback((onChange: () => void) => (source !== null ? subscribe(source, onChange) : () => undefined), [source, subscribe]);
  const snapshot = useCallback(() => (source !== null ? read(source) : empty), [source, read, empty]);
  return useSyncExternalStore(subscribeTo, snapshot, () => empty);
}
