import { describe, expect, it } from 'vitest';
import { FIRST_MOOD_PROTOCOL_VERSION, MOOD_IDS, MOODS, type MoodDefinition, moodSeenBy } from './mood-catalogue.js';

describe('mood catalogue', () => {
  it('has at least twelve moods, each with a label, an emoji, a colour and its place on the circumplex', () => {
    expect(MOOD_IDS.length).toBeGreaterThanOrEqual(12);
    for (const id of MOOD_IDS) {
      const m: MoodDefinition = MOODS[id];
      expect(m.id).toBe(id);
      expect(m.label.length).toBeGreaterThan(0);
      expect(m.emoji.length).toBeGreaterThan(0);
      expect(m.colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(m.valence).toBeGreaterThanOrEqual(-1);
      expect(m.valence).toBeLessThanOrEqual(1);
      expect(m.arousal).toBeGreaterThanOrEqual(0);
      expect(m.arousal).toBeLessThanOrEqual(1);
    }
    // Both halves of the circumplex are there.
    expect(MOOD_IDS.some((id) => MOODS[id].valence > 0.5)).toBe(true);
    expect(MOOD_IDS.some((id) => MOODS[id].valence < -0.5)).toBe(true);
  });

  it('gives every mood added after the first mood version a fallback an older client knows', () => {
    for (const id of MOOD_IDS) {
      const m: MoodDefinition = MOODS[id];
      if (m.since > FIRST_MOOD_PROTOCOL_VERSION) expect(moodSeenBy(id, FIRST_MOOD_PROTOCOL_VERSION)).not.toBeNull();
    }
  });

  it('shows an older client the fallback of a mood it does not know, and a client from before moods nothing', () => {
    const catalogue: Record<string, MoodDefinition> = {
      ...MOODS,
      nostalgic: { id: 'nostalgic', label: 'Nostalgic', emoji: '📼', colour: '#c2a383', valence: 0.1, arousal: 0.3, since: 5, fallback: 'wistful' },
      wistful: { id: 'wistful', label: 'Wistful', emoji: '🍂', colour: '#b0a08a', valence: 0, arousal: 0.25, since: 4, fallback: 'calm' },
      looped: { id: 'looped', label: 'Looped', emoji: '🔁', colour: '#000000', valence: 0, arousal: 0, since: 9, fallback: 'looped' },
    };
    expect(moodSeenBy('nostalgic', 5, catalogue)).toBe('nostalgic');
    expect(moodSeenBy('nostalgic', 4, catalogue)).toBe('wistful');
    expect(moodSeenBy('nostalgic', 3, catalogue)).toBe('calm');
    expect(moodSeenBy('calm', 2, catalogue)).toBeNull();
    expect(moodSeenBy('unknown', 5, catalogue)).toBeNull();
    expect(moodSeenBy('looped', 3, catalogue)).toBeNull();
  });
});
