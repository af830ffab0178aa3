import { DELETED_USER_ID, type HugKindId } from '@hugmood/client';
import { useConnectionState, useMe } from '@hugmood/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { FeedPanel } from './feed-panel.js';
import { FriendsPanel } from './friends-panel.js';
import { GroupHugPanel } from './group-hug-panel.js';
import { HugStage, type StagedHug, sentHug } from './hug-stage.js';
import { MoodPanel } from './mood-panel.js';
import { NotificationBell } from './notification-bell.js';
import { useFriendsList } from './use-friends.js';

const CONNECTION_LABELS = { connected: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', disconnected: 'Offline', closed: 'Signed out' } as const;

/** The signed-in app: friends, moods, group hugs and activity, with hugs playing on top. */
export function Home({ onSignOut }: { readonly onSignOut: () => void }) {
  const me = useMe();
  const connection = useConnectionState();
  const { list } = useFriendsList();
  const [toasts, setToasts] = useState<readonly { id: number; text: string }[]>([]);
  const [staged, setStaged] = useState<StagedHug | null>(null);
  const onSent = useCallback((kind: HugKindId, to: string) => setStaged(sentHug(kind, to)), []);

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const entry of [...list.friends, ...list.incoming, ...list.outgoing]) map.set(entry.profile.userId, entry.profile.displayName);
    if (me) map.set(me.userId, 'You');
    return map;
  }, [list, me]);
  const nameOf = useCallback((userId: string) => (userId === DELETED_USER_ID ? 'Someone' : (names.get(userId) ?? 'Someone')), [names]);
  const knows = useCallback((userId: string) => names.has(userId), [names]);

  const toast = useCallback((text: string) => {
    const id = Date.now() + Math.random();
    setToasts((list) => [...list, { id, text }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), 4000);
  }, []);

  useEffect(() => {
    document.title = me ? `HugMood · ${me.displayName}` : 'HugMood';
  }, [me]);

  return (
    <>
      <header className="top">
        <h1 className="brand">
          <span aria-hidden="true">🤗</span> HugMood
        </h1>
        <p className={`connection connection-${connection}`} role="status" aria-label={CONNECTION_LABELS[connection]}>
          <span className="dot" aria-hidden="true" />{' '}
          <span className="connection-label" aria-hidden="true">
            {CONNECTION_LABELS[connection]}
          </span>
        </p>
        <NotificationBell />
        <p className="me">{me?.displayName ?? ''}</p>
        <button type="button" className="small" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main className="layout">
        <FriendsPanel onToast={toast} onSent={onSent} />
        <div className="column">
          <MoodPanel onToast={toast} />
          <GroupHugPanel friends={list.friends} nameOf={nameOf} knows={knows} onToast={toast} />
        </div>
        <FeedPanel nameOf={nameOf} onToast={toast} onSent={onSent} />
      </main>
      <HugStage nameOf={nameOf} staged={staged} onDone={() => setStaged(null)} />
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => (
          <p key={t.id} className="toast">
            {t.text}
          </p>
        ))}
      </div>
    </>
  );
}
