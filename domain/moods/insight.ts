/** The inputs and the result shape every mood insight shares. */

import type { MoodId } from '../../protocol/mood-catalogue.js';
import type { Insight } from '../../protocol/types/mood-summary.js';

export type { Insight } from '../../protocol/types/mood-summary.js';

/** A recorded mood, as the insights read it. */
export interface MoodPoint {
  /** When it was recorded (epoch ms). */
  readonly at: number;
  /** The zone it was recorded in: its weekday, hour and date are read there. */
  readonly timeZone: string;
  readonly mood: MoodId;
  /** 0..1. */
  readonly intensity: number;
  /** −1..1: the record's own, or its mood's default. */
  readonly valence: number;
  readonly tags: readonly string[];
}

/** A hug the user received, or a group hug they took part in (`at`: when it ended). */
export interface HugPoint {
  readonly at: number;
  readonly kind: 'hug' | 'group-hug';
  /** The sender of a hug; null for a group hug. */
  readonly from: string | null;
}

/** `figures` when `have` reaches `need`, else a "not enough data". */
export function insightWhen<T extends object>(have: number, need: number, figures: () => T): Insight<T> {
  return have >= need ? { status: 'ok', ...figures() } : { status: 'not-enough-data', have, need };
}
