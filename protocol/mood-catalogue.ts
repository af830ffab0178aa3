/**
 * The mood catalogue. Each mood carries what a client needs to show it (a label, an emoji, a
 * colour) and where it sits on the circumplex: its default valence (−1 unpleasant .. 1 pleasant)
 * and arousal (0 low energy .. 1 high energy). A record may override both for itself.
 *
 * A mood names the protocol version that introduced it (`since`). A client of an older version is
 * shown the mood's `fallback` instead (followed until one it knows), so adding a mood never sends an
 * old client an id it cannot render.
 */
export interface MoodDefinition {
  readonly id: string;
  readonly label: string;
  readonly emoji: string;
  /** A CSS hex colour, `#rrggbb`. */
  readonly colour: string;
  /** −1..1. */
  readonly valence: number;
  /** 0..1. */
  readonly arousal: number;
  /** The protocol version that introduced this mood. */
  readonly since: number;
  /** What a client older than `since` is shown instead; absent for the moods of the first version that had moods. */
  readonly fallback?: string;
}

/** The protocol version that introduced moods: older clients are sent none. */
export const FIRST_MOOD_PROTOCOL_VERSION = 3;

const mood = (id: string, label: string, emoji: string, colour: string, valence: number, arousal: number) =>
  ({ id, label, emoji, colour, valence, arousal, since: FIRST_MOOD_PROTOCOL_VERSION }) as const;

/** Every mood, keyed by id, pleasant ones first. */
export const MOODS = {
  joyful: mood('joyful', 'Joyful', '😄', '#ffc83d', 0.9, 0.75),
  loved: mood('loved', 'Loved', '🥰', '#ff7aa2', 0.85, 0.55),
  grateful: mood('grateful', 'Grateful', '🙏', '#f4a259', 0.8, 0.4),
  proud: mood('proud', 'Proud', '🌟', '#f6c453', 0.7, 0.6),
  hopeful: mood('hopeful', 'Hopeful', '🌱', '#8bc34a', 0.6, 0.45),
  content: mood('content', 'Content', '🙂', '#a5d6a7', 0.55, 0.3),
  calm: mood('calm', 'Calm', '😌', '#7fc8a9', 0.5, 0.15),
  tired: mood('tired', 'Tired', '😴', '#9aa5b1', -0.2, 0.1),
  lonely: mood('lonely', 'Lonely', '🥺', '#7986cb', -0.6, 0.3),
  anxious: mood('anxious', 'Anxious', '😰', '#b39ddb', -0.6, 0.8),
  stressed: mood('stressed', 'Stressed', '😫', '#e57373', -0.65, 0.85),
  sad: mood('sad', 'Sad', '😢', '#64b5f6', -0.7, 0.25),
  overwhelmed: mood('overwhelmed', 'Overwhelmed', '🌊', '#8e7cc3', -0.7, 0.9),
  angry: mood('angry', 'Angry', '😠', '#e53935', -0.75, 0.9),
} as const satisfies Record<string, MoodDefinition>;

/** A mood id. */
export type MoodId = keyof typeof MOODS;

/** Every mood id, in catalogue order. */
export const MOOD_IDS = Object.keys(MOODS) as [MoodId, ...MoodId[]];

/**
 * The mood a client of protocol version `version` is shown for `id`: the mood itself when the
 * client knows it, else its fallback (followed until one the client knows), else null (a client
 * from before moods, or an id not in `catalogue`).
 */
export function moodSeenBy(id: string, version: number, catalogue: Readonly<Record<string, MoodDefinition>> = MOODS): string | null {
  const seen = new Set<string>();
  for (let current: string | undefined = id; current !== undefined && !seen.has(current); ) {
    seen.add(current);
    const entry: MoodDefinition | undefined = catalogue[current];
    if (!entry) return null;
    if (entry.since <= version) return entry.id;
    current = entry.fallback;
  }
  return null;
}
