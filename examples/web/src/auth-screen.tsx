import type { AuthOptions } from '@hugmood/client';
import { type FormEvent, useState } from 'react';

interface Props {
  readonly error: string | null;
  readonly onSubmit: (auth: AuthOptions) => Promise<void>;
}

/** Sign up or log in. */
export function AuthScreen({ error, onSubmit }: Props) {
  const [mode, setMode] = useState<'sign-up' | 'log-in'>('sign-up');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const auth: AuthOptions = mode === 'sign-up' ? { username, password, signUp: true, ...(displayName.trim() ? { displayName: displayName.trim() } : {}) } : { username, password };
    onSubmit(auth).catch((caught: unknown) => {
      setFailure(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    });
  };

  const shown = failure ?? error;
  return (
    <main className="auth">
      <div className="auth-card">
        <h1 className="brand">
          <span aria-hidden="true">🤗</span> HugMood
        </h1>
        <p className="tagline">See how your friends are doing, and send them a hug.</p>
        <div className="tabs" role="tablist" aria-label="Account">
          <button type="button" role="tab" aria-selected={mode === 'sign-up'} onClick={() => setMode('sign-up')}>
            Sign up
          </button>
          <button type="button" role="tab" aria-selected={mode === 'log-in'} onClick={() => setMode('log-in')}>
            Log in
          </button>
        </div>
        <form onSubmit={submit} aria-label={mode === 'sign-up' ? 'Sign up' : 'Log in'}>
          <label>
            Username
            <input name="username" autoComplete="username" required minLength={3} maxLength={32} pattern="[A-Za-z0-9_.]+" value={username} onChange={(e) => setUsername(e.target.value)} />
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'} required minLength={8} value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          {mode === 'sign-up' && (
            <label>
              Display name <span className="hint">(optional)</span>
              <input name="displayName" autoComplete="nickname" maxLength={64} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
            </label>
          )}
          {shown && (
            <p className="error" role="alert">
              {shown}
            </p>
          )}
          <button className="primary" type="submit" disabled={busy}>
            {busy ? 'One moment…' : mode === 'sign-up' ? 'Create my account' : 'Log in'}
          </button>
        </form>
      </div>
    </main>
  );
}
