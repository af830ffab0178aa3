import { type FeedItem, MOODS } from '@hugmood/client';
import { useFeed, useSendHug } from '@hugmood/react';
import { OlderButton } from './older-button.js';
import { timeAgo } from './time-ago.js';

function describe(item: FeedItem, nameOf: (userId: string) => string): string {
  const who = nameOf(item.userId);
  switch (item.type) {
    case 'mood':
      return `${who} feels ${MOODS[item.mood.mood].emoji} ${MOODS[item.mood.mood].label.toLowerCase()}`;
    case 'streak-milestone':
      return `${who} reached a ${item.days}-day streak 🔥`;
    case 'group-hug':
      return `${who} was in “${item.title}” with ${item.participantCount - 1} others`;
    case 'friendship': {
      const other = nameOf(item.friendId);
      return other === 'You' ? `You and ${who} are friends now` : `${who} and ${other} are friends now`;
    }
  }
}

/** Your friends' activity, live; a mood or milestone can be answered with a hug. */
export function FeedPanel({ nameOf, onToast, onSent }: { readonly nameOf: (userId: string) => string; readonly onToast: (message: string) => void; readonly onSent: (kind: 'warm', to: string) => void }) {
  const { items, hasMore, loadMore } = useFeed();
  const { send } = useSendHug();
  const answer = (item: FeedItem) => {
    send(item.userId, { kind: 'warm', context: { activityId: item.id } }).then(
      () => onSent('warm', nameOf(item.userId)),
      (error: unknown) => onToast(error instanceof Error ? error.message : String(error)),
    );
  };
  return (
    <section className="panel" aria-labelledby="feed-title">
      <h2 id="feed-title">Friends’ activity</h2>
      {items.length === 0 ? (
        <p className="empty">When your friends share a mood, it shows here.</p>
      ) : (
        <ul className="feed" aria-live="polite">
          {items.map((item) => (
            <li key={item.id} data-type={item.type}>
              <span>{describe(item, nameOf)}</span>
              <time dateTime={new Date(item.createdAt).toISOString()}>{timeAgo(item.createdAt)}</time>
              {(item.type === 'mood' || item.type === 'streak-milestone') && (
                <button type="button" className="small" onClick={() => answer(item)} aria-label={`Send ${nameOf(item.userId)} a hug for this`}>
                  Send a hug
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <OlderButton hasMore={hasMore} loadMore={loadMore} />
    </section>
  );
}
