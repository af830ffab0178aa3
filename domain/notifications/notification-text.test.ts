import { describe, expect, it } from 'vitest';
import { seeded } from '../../test-support/seeded-random.js';
import { MAX_NOTIFICATION_BODY, type NotificationEvent, notificationContent } from './notification-text.js';
import { collapsePush } from './push-collapse.js';

const ana = { id: 'ana', displayName: 'Ana' };

function events(secret: string): NotificationEvent[] {
  return [
    { type: 'hug', from: ana, hugId: 'h1', kind: 'bear', message: secret },
    { type: 'hug-request', from: ana, requestId: 'r1', message: secret },
    { type: 'hug-request-answer', by: ana, requestId: 'r1', accepted: true, hugId: 'h2' },
    { type: 'friend-request', from: ana },
    { type: 'friend-accepted', by: ana },
    { type: 'group-invite', from: ana, groupId: 'g1', title: secret },
    { type: 'group-starting', groupId: 'g1', title: secret, startsAt: 1000, startsInMs: 60_000 },
    { type: 'streak-milestone', days: 7 },
    { type: 'friend-mood', friend: ana, moodId: 'm1', mood: 'sad' },
    { type: 'mood-reminder' },
  ];
}

describe('notification text', () => {
  it('says who did what, with ids to open, and what they wrote only when previews are on', () => {
    const [hug] = events('miss you');
    if (!hug) throw new Error('no event');
    expect(notificationContent(hug, true)).toEqual({ type: 'hug', title: 'Ana sent you a bear hug 🐻', body: 'miss you', data: { userId: 'ana', hugId: 'h1' }, actorId: 'ana' });
    expect(notificationContent(hug, false).body).toBe('Open HugMood to feel it.');
    expect(notificationContent({ type: 'friend-mood', friend: ana, moodId: 'm1', mood: 'sad' }, false).title).toBe('Ana shared how they feel');
  });

  it('says how soon a group hug starts', () => {
    const starting = (startsInMs: number) => notificationContent({ type: 'group-starting', groupId: 'g1', title: 'Friday', startsAt: 5, startsInMs }, true);
    expect(starting(60_000)).toMatchObject({ title: 'Your group hug starts in a minute', body: 'Friday', data: { groupId: 'g1', startsAt: 5 } });
    expect(starting(5 * 60_000).title).toBe('Your group hug starts in 5 minutes');
    expect(starting(2000).title).toBe('Your group hug starts in a moment');
  });

  it('never carries private text with previews off, and keeps every body short (property)', () => {
    const random = seeded(3);
    for (let i = 0; i < 200; i += 1) {
      const secret = `s3cret-${Math.floor(random() * 1e9)}-${'x'.repeat(Math.floor(random() * 400))}`;
      for (const event of events(secret)) {
        const hidden = notificationContent(event, false);
        expect(JSON.stringify(hidden)).not.toContain('s3cret');
        expect(JSON.stringify(hidden)).not.toContain('sad');
        const shown = notificationContent(event, true);
        expect([...shown.body].length).toBeLessThanOrEqual(MAX_NOTIFICATION_BODY);
      }
    }
  });

  it('collapses several of a type into one push under one key, with the latest ids', () => {
    const hugs = [1, 2, 3].map((n) => notificationContent({ type: 'hug', from: { id: `u${n}`, displayName: `U${n}` }, hugId: `h${n}`, kind: 'warm', message: null }, true));
    expect(collapsePush(hugs)).toEqual({ type: 'hug', title: '3 new hugs 🤗', body: 'U3 sent you a warm hug 🤗', data: { userId: 'u3', hugId: 'h3' }, count: 3, collapseKey: 'hm-hug' });
    expect(collapsePush(hugs.slice(0, 1))).toMatchObject({ count: 1, title: 'U1 sent you a warm hug 🤗' });
    expect(() => collapsePush([])).toThrow(RangeError);
    const request = notificationContent({ type: 'friend-request', from: ana }, true);
    expect(() => collapsePush([...hugs, request])).toThrow(RangeError);
  });
});
