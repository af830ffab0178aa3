import { hugIntensityAt } from '../../../protocol/hug-kinds.js';
import type { HugAnimation } from '../../../protocol/types/hugs.js';

/** Where an animation stands at one instant. */
export interface TimelineFrame {
  /** 0 before the start, 1 at and after the end. */
  readonly t: number;
  /** The curve's intensity at `t`, 0..1: map it to scale, glow or haptics. */
  readonly intensity: number;
  readonly done: boolean;
}

/**
 * A renderer-agnostic animation timeline: when it starts, how long it lasts, and the intensity
 * at any instant.
 *
 * @example
 * ```ts
 * const frame = () => {
 *   const { intensity, done } = hug.timeline.progress(Date.now());
 *   heart.style.transform = `scale(${1 + intensity * 0.3})`;
 *   if (!done) requestAnimationFrame(frame);
 * };
 * requestAnimationFrame(frame);
 * ```
 */
export interface HugTimeline {
  /** When the animation starts (epoch ms, this device's clock). */
  readonly startsAt: number;
  readonly durationMs: number;
  /** Keyframes `[t, intensity]`, linearly interpolated. */
  readonly curve: HugAnimation['curve'];
  /** The frame at `now` (epoch ms). */
  progress(now: number): TimelineFrame;
}

/**
 * Builds the timeline of `animation` starting at `startsAt`.
 *
 * @example
 * ```ts
 * const timeline = createTimeline(hug.animation, Date.now());
 * timeline.progress(timeline.startsAt + timeline.durationMs / 2).intensity;
 * ```
 */
export function createTimeline(animation: HugAnimation, startsAt: number): HugTimeline {
  const durationMs = Math.max(1, animation.durationMs);
  return {
    startsAt,
    durationMs: animation.durationMs,
    curve: animation.curve,
    progress(now: number): TimelineFrame {
      const t = Math.min(1, Math.max(0, (now - startsAt) / durationMs));
      return { t, intensity: hugIntensityAt(animation, t), done: now >= startsAt + durationMs };
    },
  };
}
