import type { HugMoodClient } from '@hugmood/client';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * `useSyncExternalStore` over a part of the client, with a fallback when there is no client (no
 * provider value, or server rendering): `subscribe` and `read` are called with the client, and
 * `empty` is the value without one. `read` must answer the same object until the data changes.
 */
export function useClientStore<T>(client: HugMoodClient | null, subscribe: (client: HugMoodClient, onChange: () => void) => () => void, read: (client: HugMoodClient) => T, empty: T): T {
  const subscribeTo = useCallback((onChange: () => void) => (client ? subscribe(client, onChange) : () => undefined), [client, subscribe]);
  const snapshot = useCallback(() => (client ? read(client) : empty), [client, read, empty]);
  return useSyncExternalStore(subscribeTo, snapshot, () => empty);
}
