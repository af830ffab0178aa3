import type { HugMoodClient } from '@hugmood/client';
import { createContext, type ReactNode, useContext } from 'react';

const ClientContext = createContext<HugMoodClient | null>(null);

/** Props of {@link HugMoodProvider}. */
export interface HugMoodProviderProps {
  /**
   * The client the hooks below use. `null` while there is none (not signed in yet, or rendering on
   * a server): the hooks then answer their empty values and do nothing.
   */
  readonly client: HugMoodClient | null;
  readonly children?: ReactNode;
}

/**
 * Makes a {@link HugMoodClient} available to the hooks of this package. The app creates the
 * client (so it decides when to sign in and to close it); the provider only passes it down.
 *
 * @example
 * ```tsx
 * const [client] = useState(() => HugMoodClient.connect({ url, auth: 'stored', storage: webStorage() }));
 * useEffect(() => () => client.close(), [client]);
 * return <HugMoodProvider client={client}><App /></HugMoodProvider>;
 * ```
 */
export function HugMoodProvider({ client, children }: HugMoodProviderProps): ReactNode {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

/**
 * The client of the nearest {@link HugMoodProvider} (`null` when it has none).
 * @example
 * ```tsx
 * const client = useHugMoodClient();
 * ```
 */
export function useHugMoodClient(): HugMoodClient | null {
  return useContext(ClientContext);
}
