import type { HugSocket } from './socket-types.js';

/** What {@link FloodGuard} is built from. */
export interface FloodGuardOptions {
  /** Refusals within {@link windowMs} after which a connection is cut. */
  readonly refusals: number;
  readonly windowMs: number;
  /** How long a cut user's new handshakes on this node are refused. */
  readonly cooldownMs: number;
  /** Hears each cut (metrics, logs). */
  readonly onCut?: (socket: HugSocket) => void;
  readonly now?: () => number;
}

// Past this many users in cooldown, expired entries are swept on the next cut.
const SWEEP_AT = 1024;

/**
 * Cuts connections that keep exceeding their rate limits, instead of answering every excess event
 * with `rate_limited`. Each refusal counts against the socket's window (kept on its data, so an
 * idle socket costs nothing here); past the limit the socket gets `session:ended` (`rate_limited`,
 * with `retryAfterMs`) and is disconnected, and its user's handshakes on this node are refused for
 * the cooldown, so reconnecting at once buys nothing.
 */
export class FloodGuard {
  private readonly cooldowns = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: FloodGuardOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Counts one refusal of `socket`. Returns true when the socket has been cut: the refusal (and
   * anything else it sent) is not answered.
   */
  refused(socket: HugSocket): boolean {
    const data = socket.data;
    const now = this.now();
    if (now - data.refusalsSince > this.options.windowMs) {
      data.refusalsSince = now;
      data.refusals = 0;
    }
    data.refusals += 1;
    if (data.refusals < this.options.refusals) return false;
    this.cut(socket, now);
    return true;
  }

  /** Milliseconds `userId` must still wait before a handshake on this node is accepted; 0 when none. */
  cooldownOf(userId: string): number {
    const until = this.cooldowns.get(userId);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left > 0) return left;
    this.cooldowns.delete(userId);
    return 0;
  }

  private cut(socket: HugSocket, now: number): void {
    if (!socket.connected) return;
    if (this.cooldowns.size >= SWEEP_AT) {
      for (const [userId, until] of this.cooldowns) if (until <= now) this.cooldowns.delete(userId);
    }
    this.cooldowns.set(socket.data.userId, now + this.options.cooldownMs);
    this.options.onCut?.(socket);
    socket.emit('session:ended', { reason: 'rate_limited', retryAfterMs: this.options.cooldownMs, at: now });
    socket.disconnect(true);
  }
}
