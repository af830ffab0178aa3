import { type AuthOptions, type HugMoodClient, UnauthorizedError } from '@hugmood/client';
import { HugMoodProvider } from '@hugmood/react';
import { useCallback, useEffect, useState } from 'react';
import { AuthScreen } from './auth-screen.js';
import { Home } from './home.js';
import { serverUrl } from './server-url.js';
import { startClient } from './session.js';

type Screen = { readonly kind: 'loading' } | { readonly kind: 'signed-out'; readonly error: string | null } | { readonly kind: 'signed-in'; readonly client: HugMoodClient };

/** Resumes the stored session if there is one; otherwise asks to sign up or log in. */
export function App() {
  const [url, setUrl] = useState<string | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });

  useEffect(() => {
    void serverUrl().then(setUrl);
  }, []);

  const signIn = useCallback(
    (auth: AuthOptions): Promise<void> => {
      if (url === null) return Promise.resolve();
      const client = startClient(url, auth);
      return client.whenConnected(15_000).then(
        () => setScreen({ kind: 'signed-in', client }),
        (error: unknown) => {
          client.close();
          const stored = auth === 'stored';
          const message = error instanceof UnauthorizedError && stored ? null : error instanceof Error ? error.message : String(error);
          setScreen({ kind: 'signed-out', error: message });
          if (!stored) throw error;
        },
      );
    },
    [url],
  );

  useEffect(() => {
    if (url !== null) signIn('stored').catch(() => undefined);
  }, [url, signIn]);

  useEffect(() => {
    if (screen.kind !== 'signed-in') return undefined;
    const { client } = screen;
    // A session that ends for good (deleted account, revoked session) goes back to sign-in.
    const off = client.onError((error, { fatal }) => fatal && setScreen({ kind: 'signed-out', error: error.message }));
    return () => {
      off();
      client.close();
    };
  }, [screen]);

  const signOut = useCallback(async () => {
    if (screen.kind === 'signed-in') await screen.client.logout();
    setScreen({ kind: 'signed-out', error: null });
  }, [screen]);

  if (screen.kind === 'loading') return <p className="splash" role="status">Opening HugMood…</p>;
  if (screen.kind === 'signed-out') return <AuthScreen error={screen.error} onSubmit={signIn} />;
  return (
    <HugMoodProvider client={screen.client}>
      <Home onSignOut={() => void signOut()} />
    </HugMoodProvider>
  );
}
