import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIVACY, type PrivacySettings } from '../protocol/schemas/privacy.js';
import {
  canSendHug,
  canViewProfile,
  isPresenceVisible,
  presenceAudienceChange,
  presenceWatchAudience,
  visiblePresenceAudiences,
} from './privacy-policy.js';
import type { Relationship } from './relationship.js';

const withStatus = (showOnlineStatus: PrivacySettings['showOnlineStatus']): PrivacySettings => ({ ...DEFAULT_PRIVACY, showOnlineStatus });

describe('privacy policy', () => {
  it('decides who may watch presence, and through which room', () => {
    const table: [Relationship, PrivacySettings['showOnlineStatus'], string | null][] = [
      ['friends', 'public', 'friends'],
      ['friends', 'friends', 'friends'],
      ['friends', 'none', 'friends'],
      ['stranger', 'public', 'public'],
      ['stranger', 'friends', null],
      ['stranger', 'none', null],
      ['blocked', 'public', null],
      ['self', 'none', 'friends'],
    ];
    for (const [rel, setting, expected] of table) expect(presenceWatchAudience(rel, withStatus(setting)), `${rel}/${setting}`).toBe(expected);
  });

  it('shows friends the status unless hidden from everyone, strangers only when public', () => {
    expect(isPresenceVisible('friends', withStatus('friends'))).toBe(true);
    expect(isPresenceVisible('friends', withStatus('none'))).toBe(false);
    expect(isPresenceVisible('public', withStatus('friends'))).toBe(false);
    expect(visiblePresenceAudiences(withStatus('public'))).toEqual(['friends', 'public']);
    expect(visiblePresenceAudiences(withStatus('none'))).toEqual([]);
  });

  it('says what a privacy change means for existing watchers', () => {
    expect(presenceAudienceChange(withStatus('friends'), withStatus('none'))).toEqual({ friends: 'hidden', public: 'unchanged' });
    expect(presenceAudienceChange(withStatus('none'), withStatus('friends'))).toEqual({ friends: 'shown', public: 'unchanged' });
    expect(presenceAudienceChange(withStatus('public'), withStatus('friends'))).toEqual({ friends: 'unchanged', public: 'revoked' });
    expect(presenceAudienceChange(withStatus('public'), withStatus('none'))).toEqual({ friends: 'hidden', public: 'revoked' });
    expect(presenceAudienceChange(withStatus('friends'), withStatus('public'))).toEqual({ friends: 'unchanged', public: 'unchanged' });
  });

  it('hides profiles across blocks, and applies hug and mood settings', () => {
    expect(canViewProfile('stranger')).toBe(true);
    expect(canViewProfile('blocked')).toBe(false);
    const p = (allowHugsFrom: PrivacySettings['allowHugsFrom'], shareMoodsWith: PrivacySettings['shareMoodsWith']) => ({ ...DEFAULT_PRIVACY, allowHugsFrom, shareMoodsWith });
    expect(canSendHug('stranger', p('anyone', 'none'))).toBe(true);
    expect(canSendHug('stranger', p('friends', 'none'))).toBe(false);
    expect(canSendHug('friends', p('friends', 'none'))).toBe(true);
    expect(canSendHug('friends', p('none', 'none'))).toBe(false);
    expect(canSendHug('blocked', p('anyone', 'none'))).toBe(false);
    expect(canSendHug('self', p('anyone', 'none'))).toBe(false);
  });
});
