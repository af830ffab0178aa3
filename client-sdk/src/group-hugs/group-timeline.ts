import { hugIntensityAt } from '../../../protocol/hug-kinds.js';
import type { TimelineFrame } from '../hugs/hug-timeline.js';

/** Where a group hug's timeline stands at one instant. */
export type GroupTimelinePhase = 'countdown' | 'live' | 'ended';

/**
 * A group hug's shared timeline: the same `startsAt` (server time), duration and curve on every
 * device. Pass nothing to read it at `client.clock.now()`, so devices with different clocks
 * animate in step.
 *
 * @example
 * ```ts
 * const frame = () => {
 *   const { intensity, done } = group.timeline!.progress();
 *   ring.style.transform = `scale(${1 + intensity * 0.4})`;
 *   if (!done) requestAnimationFrame(frame);
 * };
 * ```
 */
export interface GroupTimeline {
  /** When the live part starts, in server time (epoch ms). */
  readonly startsAt: number;
  readonly durationMs: number;
  readonly curve: readonly (readonly [number, number])[];
  /** `countdown` before `startsAt`, `live` during, `ended` after. */
  phaseAt(serverNow?: number): GroupTimelinePhase;
  /** The frame at `serverNow` (default: the synced clock's now). */
  progress(serverNow?: number): TimelineFrame;
  /** Milliseconds until the live part starts (negative once started). */
  msUntilStart(serverNow?: number): number;
}

/** Builds a group timeline read against `clockNow` (server time). */
export function createGroupTimeline(startsAt: number, durationMs: number, curve: GroupTimeline['curve'], clockNow: () => number): GroupTimeline {
  const span = Math.max(1, durationMs);
  return {
    startsAt,
    durationMs,
    curve,
    phaseAt(serverNow = clockNow()) {
      if (serverNow < startsAt) return 'countdown';
      return serverNow < startsAt + durationMs ? 'live' : 'ended';
    },
    progress(serverNow = clockNow()) {
      const t = Math.min(1, Math.max(0, (serverNow - startsAt) / span));
      return { t, intensity: hugIntensityAt({ curve }, t), done: serverNow >= startsAt + durationMs };
    },
    msUntilStart(serverNow = clockNow()) {
      return startsAt - serverNow;
    },
  };
}
