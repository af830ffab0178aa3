import { describe, expect, it } from 'vitest';
import { MOODS } from '../../protocol/mood-catalogue.js';
import { moodEntryOf } from './mood-entry.js';

describe('mood entry', () => {
  it('fills valence and arousal from the catalogue, narrows the visibility, and dates it in the sender\'s zone', () => {
    // 23:30 UTC on the 30th: already December 1st in Tokyo.
    const at = Date.UTC(2026, 10, 30, 23, 30);
    const entry = moodEntryOf('m_1', 'ann', { mood: 'grateful', intensity: 0.7, visibility: 'public', timeZone: 'Asia/Tokyo', note: '' }, { shareMoodsWith: 'friends' }, at);
    expect(entry).toEqual({
      id: 'm_1',
      userId: 'ann',
      mood: 'grateful',
      intensity: 0.7,
      valence: MOODS.grateful.valence,
      arousal: MOODS.grateful.arousal,
      note: null,
      tags: [],
      visibility: 'friends',
      timeZone: 'Asia/Tokyo',
      localDate: '2026-12-01',
      recordedAt: at,
      updatedAt: null,
    });
    const own = moodEntryOf('m_2', 'ann', { mood: 'sad', intensity: 0.2, valence: -0.1, arousal: 0.9, note: 'rain', tags: ['rain'], timeZone: 'UTC' }, { shareMoodsWith: 'none' }, at);
    expect(own).toMatchObject({ valence: -0.1, arousal: 0.9, note: 'rain', tags: ['rain'], visibility: 'private', localDate: '2026-11-30' });
  });
});
