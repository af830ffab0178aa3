import { HUG_KINDS, HUG_KIND_IDS, type HugKindId, MOODS, type Profile } from '@hugmood/client';
import { useFriendMoods, useHugMoodClient, usePresence, useSendHug } from '@hugmood/react';
import { type FormEvent, useState } from 'react';
import { PresenceDot } from './presence-dot.js';
import { useFriendsList } from './use-friends.js';

/** Find friends by username, answer requests, and see every friend's presence and latest mood. */
/** Tells the app a hug went out, to play it for the sender. */
type OnSent = (kind: HugKindId, to: string) => void;

export function FriendsPanel({ onToast, onSent }: { readonly onToast: (message: string) => void; readonly onSent: OnSent }) {
  const client = useHugMoodClient();
  const { list, reload } = useFriendsList();
  const [username, setUsername] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!client) return;
    setMessage(null);
    client.profile
      .lookup(username.trim().toLowerCase())
      .then((profile) => client.friends.request(profile.userId).then(({ state }) => ({ profile, state })))
      .then(({ profile, state }) => {
        onToast(state === 'friends' ? `You and ${profile.displayName} are friends now` : `Friend request sent to ${profile.displayName}`);
        setUsername('');
        reload();
      })
      .catch((error: unknown) => setMessage(error instanceof Error ? error.message : String(error)));
  };

  const answer = (userId: string, accept: boolean) => {
    if (!client) return;
    void (accept ? client.friends.accept(userId) : client.friends.decline(userId)).then(reload, (error: unknown) => setMessage(String(error)));
  };

  return (
    <section className="panel" aria-labelledby="friends-title">
      <h2 id="friends-title">Friends</h2>
      <form className="inline-form" onSubmit={add} aria-label="Add a friend">
        <label className="sr-only" htmlFor="friend-username">
          Username
        </label>
        <input id="friend-username" placeholder="Find by username" value={username} onChange={(e) => setUsername(e.target.value)} required minLength={3} />
        <button type="submit">Add</button>
      </form>
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      {list.incoming.length > 0 && (
        <ul className="requests" aria-label="Friend requests">
          {list.incoming.map(({ profile }) => (
            <li key={profile.userId}>
              <span>
                <strong>{profile.displayName}</strong> wants to be friends
              </span>
              <span className="actions">
                <button type="button" className="primary small" onClick={() => answer(profile.userId, true)}>
                  Accept
                </button>
                <button type="button" className="small" onClick={() => answer(profile.userId, false)}>
                  Decline
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.friends.length === 0 ? (
        <p className="empty">No friends yet. Add someone by their username.</p>
      ) : (
        <ul className="friends" aria-label="Your friends">
          {list.friends.map(({ profile }) => (
            <FriendRow key={profile.userId} profile={profile} onToast={onToast} onSent={onSent} />
          ))}
        </ul>
      )}
      {list.outgoing.length > 0 && <p className="hint">Waiting for {list.outgoing.map((f) => f.profile.displayName).join(', ')}.</p>}
    </section>
  );
}

function FriendRow({ profile, onToast, onSent }: { readonly profile: Profile; readonly onToast: (message: string) => void; readonly onSent: OnSent }) {
  const presence = usePresence('friends', (statuses) => statuses.get(profile.userId)?.status ?? 'offline');
  const mood = useFriendMoods().get(profile.userId)?.latest;
  const { send, sending } = useSendHug();
  const [kind, setKind] = useState<HugKindId>('warm');
  const hug = () => {
    send(profile.userId, { kind }).then(
      () => onSent(kind, profile.displayName),
      (error: unknown) => onToast(error instanceof Error ? error.message : String(error)),
    );
  };
  const moodInfo = mood ? MOODS[mood.mood] : undefined;
  return (
    <li className="friend" data-user={profile.username ?? profile.userId}>
      <PresenceDot status={presence} />
      <span className="friend-name">
        {profile.displayName}
        {moodInfo && (
          <span className="friend-mood" title={`Feeling ${moodInfo.label.toLowerCase()}`}>
            <span aria-hidden="true">{moodInfo.emoji}</span> <span className="mood-label">{moodInfo.label}</span>
          </span>
        )}
      </span>
      <span className="actions">
        <label className="sr-only" htmlFor={`kind-${profile.userId}`}>
          Kind of hug for {profile.displayName}
        </label>
        <select id={`kind-${profile.userId}`} value={kind} onChange={(e) => setKind(e.target.value as HugKindId)}>
          {HUG_KIND_IDS.map((id) => (
            <option key={id} value={id}>
              {HUG_KINDS[id].emoji} {HUG_KINDS[id].label}
            </option>
          ))}
        </select>
        <button type="button" className="primary small" disabled={sending > 0} onClick={hug} aria-label={`Send ${profile.displayName} a hug`}>
          Hug
        </button>
      </span>
    </li>
  );
}
