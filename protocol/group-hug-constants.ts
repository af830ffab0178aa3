// No zod here: the SDK bundles these values, and zod stays on the server.

/** The phases of a group hug, in order; `complete` and `cancelled` are final. */
export const GROUP_HUG_PHASES = ['gathering', 'countdown', 'live', 'complete', 'cancelled'] as const;

/** Where a group hug stands. */
export type GroupHugPhase = (typeof GROUP_HUG_PHASES)[number];

/** Whether `phase` is final (`complete` or `cancelled`): nothing changes a group hug afterwards. */
export function isFinalPhase(phase: GroupHugPhase): boolean {
  return phase === 'complete' || phase === 'cancelled';
}

/**
 * Up to this many participants, a group hug's diffs (`group:state`) name who joined, left and
 * declined; in a larger one they carry `participantCount` only, so a join costs every follower the
 * same few bytes whatever the group's size (naming each joiner to everyone is O(N²) bytes). The
 * snapshot (`group:get`) always lists everyone.
 */
export const GROUP_LISTED_PARTICIPANTS = 100;

/** Shortest and longest live part of a group hug, in ms. */
export const GROUP_HUG_DURATION = { min: 3_000, max: 10 * 60_000, default: 30_000 } as const;

/**
 * The intensity curve of every group hug, keyframes `[t, intensity]` over its live part: a swell,
 * three squeezes together, and a gentle release.
 */
export const GROUP_HUG_CURVE: readonly (readonly [number, number])[] = [
  [0, 0],
  [0.1, 0.7],
  [0.25, 1],
  [0.35, 0.6],
  [0.5, 1],
  [0.6, 0.6],
  [0.75, 1],
  [0.9, 0.5],
  [1, 0],
];
