/**
 * The hug-kind catalogue. Each kind carries the animation metadata a client needs to play it:
 * a duration and an intensity curve given as keyframes `[t, intensity]`, with `t` from 0 to 1
 * and intensity from 0 to 1, linearly interpolated. Renderers map intensity to scale, glow or haptics.
 */
export interface HugKind {
  readonly id: string;
  readonly label: string;
  readonly emoji: string;
  readonly durationMs: number;
  /** Keyframes sorted by `t`, starting at t = 0 and ending at t = 1. */
  readonly curve: readonly (readonly [t: number, intensity: number])[];
}

/** Every hug kind, keyed by id. */
export const HUG_KINDS = {
  warm: {
    id: 'warm',
    label: 'Warm hug',
    emoji: '🤗',
    durationMs: 2400,
    curve: [[0, 0], [0.3, 0.8], [0.7, 0.8], [1, 0]],
  },
  bear: {
    id: 'bear',
    label: 'Bear hug',
    emoji: '🐻',
    durationMs: 3200,
    curve: [[0, 0], [0.2, 1], [0.8, 1], [1, 0]],
  },
  side: {
    id: 'side',
    label: 'Side hug',
    emoji: '🫂',
    durationMs: 1600,
    curve: [[0, 0], [0.5, 0.5], [1, 0]],
  },
  squeeze: {
    id: 'squeeze',
    label: 'Squeeze',
    emoji: '💞',
    durationMs: 2000,
    curve: [[0, 0], [0.15, 1], [0.3, 0.4], [0.45, 1], [0.6, 0.4], [0.75, 1], [1, 0]],
  },
  healing: {
    id: 'healing',
    label: 'Healing hug',
    emoji: '💗',
    durationMs: 5000,
    curve: [[0, 0], [0.4, 0.6], [0.6, 0.6], [1, 0]],
  },
} as const satisfies Record<string, HugKind>;

/** A hug-kind id. */
export type HugKindId = keyof typeof HUG_KINDS;

/** Every hug-kind id, in catalogue order. */
export const HUG_KIND_IDS = Object.keys(HUG_KINDS) as [HugKindId, ...HugKindId[]];

/**
 * The intensity of `kind` at `t` (0..1 of its duration), by linear interpolation between keyframes.
 * Values outside 0..1 are clamped.
 */
export function hugIntensityAt(kind: Pick<HugKind, 'curve'>, t: number): number {
  const clamped = Math.min(1, Math.max(0, t));
  const curve = kind.curve;
  for (let i = 1; i < curve.length; i += 1) {
    const [t1, v1] = curve[i] as readonly [number, number];
    if (clamped <= t1) {
      const [t0, v0] = curve[i - 1] as readonly [number, number];
      const span = t1 - t0;
      return span === 0 ? v1 : v0 + ((v1 - v0) * (clamped - t0)) / span;
    }
  }
  const last = curve[curve.length - 1];
  return last ? last[1] : 0;
}
