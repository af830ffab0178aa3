import { useNotifications } from '@hugmood/react';
import { useEffect, useRef, useState } from 'react';
import { OlderButton } from './older-button.js';
import { timeAgo } from './time-ago.js';

/** The bell: the unread count, and the notification centre it opens (opening reads them). */
export function NotificationBell() {
  const { items, unread, markAllRead, hasMore, loadMore } = useNotifications();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    void markAllRead();
    const close = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', close);
    panel.current?.focus();
    return () => window.removeEventListener('keydown', close);
    // Read what is shown when opened, and what arrives while open.
  }, [open, markAllRead]);

  return (
    <div className="bell-wrap">
      <button type="button" className="bell" aria-expanded={open} aria-controls="notifications" aria-label={`Notifications, ${unread} unread`} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">🔔</span>
        {unread > 0 && (
          <span className="badge" data-testid="unread-count">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <div id="notifications" className="notifications" ref={panel} tabIndex={-1} role="region" aria-label="Notifications">
          {items.length === 0 ? (
            <p className="empty">Nothing yet.</p>
          ) : (
            <ul>
              {items.map((n) => (
                <li key={n.id} className={n.readAt === null ? 'unread' : undefined}>
                  <strong>{n.title}</strong>
                  <span>{n.body}</span>
                  <time dateTime={new Date(n.createdAt).toISOString()}>{timeAgo(n.createdAt)}</time>
                </li>
              ))}
            </ul>
          )}
          <OlderButton hasMore={hasMore} loadMore={loadMore} />
        </div>
      )}
    </div>
  );
}
