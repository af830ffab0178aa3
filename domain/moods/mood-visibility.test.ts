import { describe, expect, it } from 'vitest';
import type { MoodVisibility } from '../../protocol/types/moods.js';
import type { Relationship } from '../relationship.js';
import { canSeeMood, effectiveVisibility, moodAudiences, recordedVisibility } from './mood-visibility.js';

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

  it('lets each viewer see exactly what the rooms it would listen in hear', () => {
    for (const shareMoodsWith of SHARES) {
      for (const visibility of VISIBILITIES) {
        const privacy = { shareMoodsWith };
        const rooms = moodAudiences(visibility, privacy);
        for (const relationship of RELATIONSHIPS) {
          const sees = canSeeMood(relationship, privacy, visibility);
          if (relationship === 'self') expect(sees).toBe(true);
          if (relationship === 'blocked') expect(sees).toBe(false);
          if (relationship === 'friends') expect(sees).toBe(rooms.includes('friends'));
          if (relationship === 'stranger') expect(sees).toBe(rooms.includes('public'));
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
    expect(moodAudiences('public', { shareMoodsWith: 'none' })).toEqual([]);
  });
});
