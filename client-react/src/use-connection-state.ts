import type { ConnectionState, HugMoodClient, Profile } from '@hugmood/client';
import { useHugMoodClient } from './client-context.js';
import { useClientStore } from './client-store.js';

const onState = (client: HugMoodClient, onChange: () => void) => client.onStateChange(onChange);
const readState = (client: HugMoodClient) => client.state;
const onMe = (client: HugMoodClient, onChange: () => void) => client.onMeChange(onChange);
const readMe = (client: HugMoodClient) => client.me;

/**
 * The connection state, re-rendering on every change: `disconnected`, `connecting`, `connected`,
 * `reconnecting` or `closed` (`disconnected` without a client).
 *
 * @example
 * ```tsx
 * const state = useConnectionState();
 * return state === 'connected' ? null : <Banner>Reconnecting…</Banner>;
 * ```
 */
export function useConnectionState(): ConnectionState {
  return useClientStore(useHugMoodClient(), onState, readState, 'disconnected');
}

/**
 * The signed-in user's profile (`null` until the first connect has read it).
 * @example
 * ```tsx
 * const me = useMe();
 * return <h1>Hello, {me?.displayName ?? 'friend'}</h1>;
 * ```
 */
export function useMe(): Profile | null {
  return useClientStore(useHugMoodClient(), onMe, readMe, null);
}
