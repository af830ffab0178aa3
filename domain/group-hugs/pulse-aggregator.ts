/** One broadcast of a live group hug's shared warmth. */
export interface Pulse {
  /** 0..1: how warmly the group squeezes right now, smoothed over the last few pulses. */
  readonly warmth: number;
  /** How many participants squeezed since the previous pulse. */
  readonly participantsSqueezing: number;
}

/** How much of the previous warmth a pulse keeps: the glow fades over about half a second at 10 Hz. */
const DECAY = 0.6;
/** Below this warmth, with nobody squeezing, pulses stop until the next tap. */
const QUIET = 0.005;

/**
 * Aggregates taps into pulses, whatever the tap rate. Between two pulses it keeps one number per
 * squeezing participant (their strongest tap), so a flood costs a map write, never a broadcast.
 * The caller flushes it on a fixed tick (10 Hz or slower).
 */
export class PulseAggregator {
  private readonly window = new Map<string, number>();
  private warmth = 0;

  /** Counts taps: `userId` squeezed at `intensity` (0..1). */
  add(userId: string, intensity: number): void {
    const clamped = Math.min(1, Math.max(0, intensity));
    const before = this.window.get(userId);
    if (before === undefined || clamped > before) this.window.set(userId, clamped);
  }

  /**
   * Closes the window: the pulse to broadcast, or `null` when nobody squeezed and the warmth has
   * faded. `participants` is how many take part (the share of them squeezing makes the warmth).
   */
  flush(participants: number): Pulse | null {
    const squeezing = this.window.size;
    let sum = 0;
    for (const intensity of this.window.values()) sum += intensity;
    this.window.clear();
    const share = participants > 0 ? Math.min(1, sum / participants) : 0;
    this.warmth = this.warmth * DECAY + share * (1 - DECAY);
    if (squeezing === 0 && this.warmth < QUIET) {
      this.warmth = 0;
      return null;
    }
    return { warmth: Math.round(this.warmth * 1000) / 1000, participantsSqueezing: squeezing };
  }
}
