import { describe, expect, it } from 'vitest';
import { applyPreferencesPatch, channelsFor, DEFAULT_NOTIFICATION_PREFERENCES } from './notification-preferences.js';
import { planPush } from './push-plan.js';

const at = Date.UTC(2026, 0, 15, 23); // midnight in Paris
const base = { type: 'hug' as const, prefs: DEFAULT_NOTIFICATION_PREFERENCES, actorId: 'ann', connected: false, hasPushDevice: true, at };

describe('push plan', () => {
  it('pushes only when no device is connected (unless asked), the channel is on, and not in quiet hours', () => {
    expect(planPush(base)).toEqual({ kind: 'push', at, heldBack: false });
    expect(planPush({ ...base, connected: true })).toEqual({ kind: 'skip', reason: 'device-connected' });
    expect(planPush({ ...base, connected: true, prefs: applyPreferencesPatch(base.prefs, { pushWhileConnected: true }) }).kind).toBe('push');
    expect(planPush({ ...base, hasPushDevice: false })).toEqual({ kind: 'skip', reason: 'no-device' });
    expect(planPush({ ...base, prefs: applyPreferencesPatch(base.prefs, { channels: { hug: { push: false } } }) })).toEqual({ kind: 'skip', reason: 'channel-off' });
    expect(planPush({ ...base, prefs: applyPreferencesPatch(base.prefs, { mutedUserIds: ['ann'] }) })).toEqual({ kind: 'skip', reason: 'muted-or-not-close' });
    const quiet = applyPreferencesPatch(base.prefs, { quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' } });
    expect(planPush({ ...base, prefs: quiet })).toEqual({ kind: 'push', at: Date.UTC(2026, 0, 16, 6), heldBack: true });
  });

  it('sends a friend\'s mood only for close friends and never for a muted one; defaults follow the catalogue', () => {
    const on = applyPreferencesPatch(DEFAULT_NOTIFICATION_PREFERENCES, { channels: { 'friend-mood': { in_app: true, push: true } } });
    expect(channelsFor('friend-mood', on, 'bo')).toEqual([]);
    const close = applyPreferencesPatch(on, { closeUserIds: ['bo', 'bo'] });
    expect(close.closeUserIds).toEqual(['bo']);
    expect(channelsFor('friend-mood', close, 'bo')).toEqual(['in_app', 'push']);
    expect(channelsFor('friend-mood', applyPreferencesPatch(close, { mutedUserIds: ['bo'] }), 'bo')).toEqual([]);
    expect(channelsFor('hug', DEFAULT_NOTIFICATION_PREFERENCES, 'bo')).toEqual(['in_app', 'push']);
    expect(channelsFor('streak-milestone', DEFAULT_NOTIFICATION_PREFERENCES, null)).toEqual(['in_app']);
    // A patch of one channel leaves the type's others, and the other types, as they were.
    const patched = applyPreferencesPatch(DEFAULT_NOTIFICATION_PREFERENCES, { channels: { hug: { email: true } } });
    expect(patched.channels.hug).toEqual({ in_app: true, push: true, email: true });
    expect(patched.channels['friend-request']).toEqual(DEFAULT_NOTIFICATION_PREFERENCES.channels['friend-request']);
  });
});
