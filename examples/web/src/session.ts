import { type AuthOptions, HugMoodClient, webStorage } from '@hugmood/client';

/** The demo's one client: signed in with the SDK's own sign-in, its state in localStorage. */
export function startClient(url: string, auth: AuthOptions): HugMoodClient {
  const client = HugMoodClient.connect({ url, auth, storage: webStorage(), deviceKind: 'web' });
  // The browser tests read the SDK's clock and timelines through this (?debug=1 only).
  if (new URLSearchParams(location.search).has('debug')) (window as { hugmoodDemo?: { client: HugMoodClient } }).hugmoodDemo = { client };
  return client;
}
