import { describe, expect, it } from 'vitest';
import { invalidPayload } from '../../domain/invalid-payload.js';
import { notificationPreferencesPatchSchema, notificationReadSchema, webPushSubscriptionSchema } from './notifications.js';

function refusedField(schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, payload: unknown): string | undefined {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return undefined;
  return invalidPayload(parsed.error as Parameters<typeof invalidPayload>[0]).details?.['field'] as string;
}

const keys = { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) };

describe('notification schemas', () => {
  it('takes preferences per type and channel, quiet hours in a zone, and lists of friends; names what is wrong', () => {
    const ok = notificationPreferencesPatchSchema.parse({ channels: { hug: { push: false } }, quietHours: { start: '22:00', end: '07:30', timeZone: 'Europe/Paris' }, mutedUserIds: ['a', 'a', 'b'] });
    expect(ok.mutedUserIds).toEqual(['a', 'b']);
    expect(notificationPreferencesPatchSchema.parse({ quietHours: null })).toEqual({ quietHours: null });
    expect(refusedField(notificationPreferencesPatchSchema, { channels: { hugs: { push: false } } })).toBe('channels');
    expect(refusedField(notificationPreferencesPatchSchema, { channels: { hug: { sms: true } } })).toBe('channels.hug');
    expect(refusedField(notificationPreferencesPatchSchema, { quietHours: { start: '24:00', end: '07:00', timeZone: 'UTC' } })).toBe('quietHours.start');
    expect(refusedField(notificationPreferencesPatchSchema, { quietHours: { start: '22:00', end: '07:00', timeZone: 'Moon/Base' } })).toBe('quietHours.timeZone');
    expect(refusedField(notificationPreferencesPatchSchema, { mutedUserIds: Array.from({ length: 1001 }, (_, i) => `u${i}`) })).toBe('mutedUserIds');
    expect(refusedField(notificationPreferencesPatchSchema, { sound: 'ding' })).toBeDefined();
  });

  it('reads by ids or up to one, never both', () => {
    expect(notificationReadSchema.parse({ ids: ['n_abcdefgh'] })).toEqual({ ids: ['n_abcdefgh'] });
    expect(notificationReadSchema.parse({ upTo: 'n_abcdefgh' })).toEqual({ upTo: 'n_abcdefgh' });
    expect(notificationReadSchema.safeParse({ ids: ['n_abcdefgh'], upTo: 'n_abcdefgh' }).success).toBe(false);
    expect(notificationReadSchema.safeParse({ ids: [] }).success).toBe(false);
  });

  it('takes a push subscription with an https endpoint of at most 1 KB and its keys', () => {
    expect(webPushSubscriptionSchema.parse({ endpoint: 'https://push.example.net/wpush/abc', keys })).toBeTruthy();
    expect(refusedField(webPushSubscriptionSchema, { endpoint: 'ftp://push.example.net/x', keys })).toBe('endpoint');
    expect(refusedField(webPushSubscriptionSchema, { endpoint: 'not a url', keys })).toBe('endpoint');
    expect(refusedField(webPushSubscriptionSchema, { endpoint: `https://push.example.net/${'x'.repeat(1024)}`, keys })).toBe('endpoint');
    expect(refusedField(webPushSubscriptionSchema, { endpoint: 'https://push.example.net/x', keys: { ...keys, auth: 'short' } })).toBe('keys.auth');
  });
});
