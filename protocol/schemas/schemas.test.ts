import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMAND_SCHEMAS, isCommandName } from '../commands.js';
import { handshakeAuthSchema, registerRequestSchema } from './auth.js';
import { presenceSetSchema, presenceWatchSchema } from './presence.js';
import { privacyUpdateSchema } from './privacy.js';
import { profileUpdateSchema } from './profile.js';

describe('protocol schemas', () => {
  it('normalises usernames and refuses bad ones', () => {
    expect(registerRequestSchema.parse({ username: '  Alice.B ', password: 'long enough' }).username).toBe('alice.b');
    for (const username of ['ab', 'a'.repeat(33), 'bad name', 'émile', 'x/y']) {
      expect(registerRequestSchema.safeParse({ username, password: 'long enough' }).success, username).toBe(false);
    }
  });

  it('refuses control characters in one-line text, but allows newlines in a bio', () => {
    expect(profileUpdateSchema.safeParse({ displayName: 'Ana\u0000' }).success).toBe(false);
    expect(profileUpdateSchema.safeParse({ displayName: 'Ana\nB' }).success).toBe(false);
    expect(profileUpdateSchema.safeParse({ bio: 'line one\nline two' }).success).toBe(true);
    expect(profileUpdateSchema.safeParse({ bio: 'bell \u0007' }).success).toBe(false);
    expect(profileUpdateSchema.parse({ displayName: '  Ana  ' }).displayName).toBe('Ana');
  });

  it('accepts only http(s) avatar URLs, and null to clear', () => {
    expect(profileUpdateSchema.safeParse({ avatarUrl: 'https://cdn.example.com/a.png' }).success).toBe(true);
    expect(profileUpdateSchema.safeParse({ avatarUrl: null }).success).toBe(true);
    for (const url of ['javascript:alert(1)', 'data:image/png;base64,xx', 'ftp://x.example', 'not a url']) {
      expect(profileUpdateSchema.safeParse({ avatarUrl: url }).success, url).toBe(false);
    }
  });

  it('needs at least one field in partial updates', () => {
    expect(profileUpdateSchema.safeParse({}).success).toBe(false);
    expect(privacyUpdateSchema.safeParse({}).success).toBe(false);
    expect(privacyUpdateSchema.safeParse({ showOnlineStatus: 'everyone' }).success).toBe(false);
    expect(privacyUpdateSchema.parse({ allowFriendRequests: false })).toEqual({ allowFriendRequests: false });
  });

  it('deduplicates and bounds watch lists', () => {
    expect(presenceWatchSchema.parse({ userIds: ['a', 'b', 'a'] }).userIds).toEqual(['a', 'b']);
    expect(presenceWatchSchema.safeParse({ userIds: Array.from({ length: 101 }, (_, i) => `u${i}`) }).success).toBe(false);
    expect(presenceWatchSchema.safeParse({ userIds: ['has space'] }).success).toBe(false);
  });

  it('bounds the activity and the handshake fields', () => {
    expect(presenceSetSchema.safeParse({ status: 'active', activity: 'x'.repeat(65) }).success).toBe(false);
    expect(presenceSetSchema.safeParse({ status: 'busy' }).success).toBe(false);
    expect(handshakeAuthSchema.safeParse({ token: 't', v: 1, deviceId: 'short' }).success).toBe(false);
    expect(handshakeAuthSchema.safeParse({ token: 't', v: 1, deviceKind: 'toaster' }).success).toBe(false);
  });

  it('has a schema for every command name, and nothing else is a command', () => {
    expect(COMMAND_NAMES.length).toBe(Object.keys(COMMAND_SCHEMAS).length);
    for (const name of COMMAND_NAMES) expect(name).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*(:[a-z]+)?$/);
    expect(isCommandName('toString')).toBe(false);
    expect(isCommandName('__proto__')).toBe(false);
    expect(isCommandName(7)).toBe(false);
  });
});
