import type { FriendEntry } from '@hugmood/client';
import { useGroupHug, useGroupHugFrame, useHugMoodClient, useMe } from '@hugmood/react';
import { type FormEvent, useState } from 'react';
import { PulseRing } from './pulse-ring.js';
import { useGroupInvites } from './use-group-invites.js';
import { useReducedMotion } from './use-reduced-motion.js';

interface Props {
  readonly friends: readonly FriendEntry[];
  readonly nameOf: (userId: string) => string;
  /** Whether `nameOf` knows this user (a friend, or you): others are counted, not named. */
  readonly knows: (userId: string) => boolean;
  readonly onToast: (message: string) => void;
}

/** "You, Amy and 2 others". */
function people(ids: readonly string[], nameOf: (userId: string) => string, knows: (userId: string) => boolean): string {
  const named = ids.filter(knows).map(nameOf);
  const others = ids.length - named.length;
  const parts = [...named, ...(others > 0 ? [`${others} ${others === 1 ? 'other' : 'others'}`] : [])];
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** Gather friends into a group hug, count down together, and squeeze in sync. */
export function GroupHugPanel({ friends, nameOf, knows, onToast }: Props) {
  const client = useHugMoodClient();
  const { invites, dismiss } = useGroupInvites();
  const [active, setActive] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (!client) return;
    client.groupHugs.create({ title: title.trim() || 'Group hug', invitees: [...chosen] }).then(
      (group) => {
        setActive(group.id);
        setTitle('');
        setChosen(new Set());
      },
      (error: unknown) => onToast(error instanceof Error ? error.message : String(error)),
    );
  };
  const answer = (groupId: string, join: boolean) => {
    if (!client) return;
    dismiss(groupId);
    (join ? client.groupHugs.join(groupId).then(() => setActive(groupId)) : client.groupHugs.decline(groupId)).catch((error: unknown) => onToast(error instanceof Error ? error.message : String(error)));
  };

  return (
    <section className="panel group-panel" aria-labelledby="group-title">
      <h2 id="group-title">Group hug</h2>
      {invites.length > 0 && (
        <ul className="requests" aria-label="Group hug invitations">
          {invites.map((invite) => (
            <li key={invite.groupId}>
              <span>
                <strong>{nameOf(invite.from)}</strong> invites you to “{invite.title}”
              </span>
              <span className="actions">
                <button type="button" className="primary small" onClick={() => answer(invite.groupId, true)}>
                  Join
                </button>
                <button type="button" className="small" onClick={() => answer(invite.groupId, false)}>
                  Not now
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {active ? (
        <ActiveGroupHug groupId={active} nameOf={nameOf} knows={knows} onDone={() => setActive(null)} />
      ) : (
        <form onSubmit={create} aria-label="Start a group hug">
          <label>
            Name it
            <input value={title} maxLength={80} placeholder="Friday hug" onChange={(e) => setTitle(e.target.value)} />
          </label>
          <fieldset>
            <legend>Invite</legend>
            {friends.length === 0 && <p className="hint">Add friends to invite them.</p>}
            {friends.map(({ profile }) => (
              <label key={profile.userId} className="check">
                <input
                  type="checkbox"
                  checked={chosen.has(profile.userId)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(profile.userId);
                    else next.delete(profile.userId);
                    setChosen(next);
                  }}
                />
                {profile.displayName}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary" disabled={chosen.size === 0}>
            Gather friends
          </button>
        </form>
      )}
    </section>
  );
}

function ActiveGroupHug({ groupId, nameOf, knows, onDone }: Pick<Props, 'nameOf' | 'knows'> & { readonly groupId: string; readonly onDone: () => void }) {
  const me = useMe();
  const reduced = useReducedMotion();
  const { group, timeline, pulse, summary, squeeze, start, leave, error } = useGroupHug(groupId);
  const frame = useGroupHugFrame(timeline, { reducedMotion: reduced });
  if (!group) return <p role="status">Joining…</p>;
  const phase = group.phase === 'complete' || group.phase === 'cancelled' ? group.phase : frame.phase;
  const seconds = frame.msUntilStart === null ? null : Math.max(0, Math.ceil(frame.msUntilStart / 1000));
  return (
    <div className="group" data-testid="group-hug" data-phase={phase}>
      <h3>{group.title}</h3>
      <p className="hint">
        {people(group.participants, nameOf, knows)}
        {group.invited.length > 0 && ` · waiting for ${people(group.invited, nameOf, knows)}`}
      </p>
      <PulseRing frame={frame} warmth={pulse?.warmth ?? 0} reducedMotion={reduced} />
      <p className="group-status" role="status" aria-live="polite">
        {phase === 'gathering' && 'Gathering friends…'}
        {phase === 'countdown' && `Starting in ${seconds ?? 0}…`}
        {phase === 'live' && (pulse && pulse.participantsSqueezing > 0 ? `${pulse.participantsSqueezing} squeezing · warmth ${Math.round(pulse.warmth * 100)}%` : 'Squeeze together!')}
        {(phase === 'ended' || phase === 'complete') && `Done. ${summary ? `Peak warmth ${Math.round(summary.peakWarmth * 100)}%.` : ''}`}
        {phase === 'cancelled' && 'This group hug was cancelled.'}
      </p>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      <div className="actions">
        {group.phase === 'gathering' && group.creatorId === me?.userId && (
          <button type="button" className="primary" onClick={() => void start().catch(() => undefined)}>
            Start now
          </button>
        )}
        {phase === 'live' && (
          <button type="button" className="primary squeeze" onClick={() => void squeeze(0.8).catch(() => undefined)}>
            Squeeze 🤗
          </button>
        )}
        {phase === 'gathering' || phase === 'countdown' || phase === 'live' ? (
          <button type="button" onClick={() => void leave().then(onDone, () => undefined)}>
            Leave
          </button>
        ) : (
          <button type="button" onClick={onDone}>
            Close
          </button>
        )}
      </div>
    </div>
  );
}
