import { MOOD_IDS, MOODS } from '../../protocol/mood-catalogue.js';
import type { HugRecord } from '../../persistence/store/hug-repository.js';
import type { MoodRecord } from '../../persistence/store/mood-repository.js';
import { localDateOf } from '../../domain/local-time.js';
import { seeded } from '../../test-support/seeded-random.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TAGS = ['walk', 'work', 'family', 'sleep', 'sport', 'friends'];

/** A year of one user's moods (three a day) and the hugs they received, seeded so every run reads the same. */
export interface MoodYear {
  readonly moods: readonly MoodRecord[];
  readonly hugs: readonly HugRecord[];
}

/**
 * 365 days ending at `now`: a mood in the morning, the afternoon and the evening (in Lisbon), and
 * a hug from one of `friendIds` on two days in five, an hour before the afternoon mood, which it
 * lifts by 0.3 valence: the summary's hug lift has something real to find.
 */
export function moodYear(userId: string, friendIds: readonly string[], now: number, seed = 2026): MoodYear {
  const random = seeded(seed);
  const moods: MoodRecord[] = [];
  const hugs: HugRecord[] = [];
  const zone = 'Europe/Lisbon';
  for (let d = 364; d >= 0; d -= 1) {
    const day = Math.floor((now - d * DAY) / DAY) * DAY;
    const hugged = random() < 0.4 && friendIds.length > 0;
    for (const [slot, hour] of [9, 15, 21].entries()) {
      const at = day + hour * HOUR + Math.floor(random() * 30 * 60_000);
      if (at > now) continue;
      if (hugged && slot === 1) {
        const from = friendIds[Math.floor(random() * friendIds.length)] ?? friendIds[0] ?? userId;
        const id = `year-hug-${d}`;
        hugs.push({ id, from, to: userId, kind: 'warm', message: null, sentAt: at - HOUR, requestId: null, context: null, clientId: id, fingerprint: id, deliveredAt: at - HOUR, readAt: null });
      }
      const mood = MOOD_IDS[Math.floor(random() * MOOD_IDS.length)] ?? 'calm';
      const lift = hugged && slot === 1 ? 0.3 : 0;
      const valence = Math.max(-1, Math.min(1, MOODS[mood].valence * 0.5 + (random() - 0.5) * 0.6 + lift));
      const id = `year-mood-${d}-${slot}`;
      moods.push({
        id,
        userId,
        mood,
        intensity: Math.round(random() * 100) / 100,
        valence,
        arousal: MOODS[mood].arousal,
        note: null,
        tags: random() < 0.5 ? [TAGS[Math.floor(random() * TAGS.length)] ?? 'walk'] : [],
        visibility: 'friends',
        timeZone: zone,
        localDate: localDateOf(at, zone),
        recordedAt: at,
        updatedAt: null,
        clientId: id,
        fingerprint: id,
        deletedAt: null,
      });
    }
  }
  return { moods, hugs };
}
