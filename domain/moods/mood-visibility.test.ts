import { describe, expect, it } from 'vitest';
import type { MoodVisibility } from '../../protocol/types/moods.js';
import type { Relationship } from '../relationship.js';
import { canSeeMood, effectiveVisibility, friendVisibilities, recordedVisibility, showsToFriends } from './mood-visibility.js';

const SHARES = ['none', 'friends', 'public'] as const;
const VISIBILITIES: MoodVisibility[] = ['private', 'friends', 'public'];
const RELATIONSHIPS: Relationship[] = ['self', 'friends', 'stranger', 'blocked'];

describe('mood visibility', () => {
  it('defaults a new mood to the author\'s shareMoodsWith and never makes it wider', () => {
    expect(recordedVisibility(undefined, { shareMoodsWith: 'friends' })).toBe('friends');
    expect(recordedVisibility(undefined, { shareMoodsWith: 'none' })).toBe('private');
    expect(recordedVisibility('public', { shareMoodsWith: 'friends' })).toBe('friends');
    expect(recordedVisibility('private', { shareMoodsWith: 'public' })).toBe('private');
  });

  it('lets a friend hear live exactly the moods a friend may read, and a friend\'s reads match friendVisibilities', () => {
    for (const shareMoodsWith of SHARES) {
      for (const visibility of VISIBILITIES) {
        const privacy = { shareMoodsWith };
        const live = showsToFriends(visibility, privacy);
        for (const relationship of RELATIONSHIPS) {
          const sees = canSeeMood(relationship, privacy, visibility);
          if (relationship === 'self') expect(sees).toBe(true);
          if (relationship === 'blocked') expect(sees).toBe(false);
          if (relationship === 'friends') {
            expect(sees).toBe(live);
            expect(sees).toBe(friendVisibilities(privacy).includes(visibility));
          }
          if (relationship === 'stranger') expect(sees).toBe(effectiveVisibility(visibility, privacy) === 'public');
        }
        // Narrowing the privacy never shows more.
        expect(VISIBILITIES.indexOf(effectiveVisibility(visibility, privacy))).toBeLessThanOrEqual(VISIBILITIES.indexOf(visibility));
      }
    }
    // Strangers see public moods only while the author shares publicly; friends unless they share with no one.
    expect(canSeeMood('stranger', { shareMoodsWith: 'public' }, 'public')).toBe(true);
    expect(canSeeMood('stranger', { shareMoodsWith: 'friends' }, 'public')).toBe(false);
    expect(canSeeMood('friends', { shareMoodsWith: 'friends' }, 'friends')).toBe(true);
    expect(canSeeMood('self', { shareMoodsWith: 'none' }, 'private')).toBe(true);
    // A public mood of someone who now shares with no one is seen by no one else.
    expect(canSeeMood('friends', { shareMoodsWith: 'none' }, 'public')).toBe(false);
    expect(showsToFriends('public', { shareMoodsWith: 'none' })).toBe(false);
    expect(friendVisibilities({ shareMoodsWith: 'none' })).toEqual([]);
  });
});
