import type { WireFormat } from '../../protocol/wire/wire-format.js';

/** Which server a worker's sockets speak to: ours (token auth) or the baseline (a bare user id). */
export type ServerKind = 'ours' | 'baseline';

/** One socket a worker opens. */
export interface SocketSpec {
  readonly userId: string;
  readonly token: string;
  /** The node this socket connects to (a cluster); the `open` message's `url` otherwise. */
  readonly url?: string;
}

/** One sender → recipient pair a worker drives. */
export interface PairSpec {
  readonly from: string;
  readonly to: string;
}

/** Coordinator → worker. */
export type ToWorker =
  | { readonly type: 'open'; readonly url: string; readonly wire: WireFormat; readonly kind: ServerKind; readonly sockets: readonly SocketSpec[] }
  | { readonly type: 'hugs'; readonly pairs: readonly PairSpec[]; readonly ratePerS: number; readonly warmupMs: number; readonly durationMs: number }
  /** Every socket listens to its friends' moods: ours by `mood:friends`, the relay by joining their rooms. */
  | { readonly type: 'listen'; readonly kind: ServerKind; readonly friends: readonly { readonly userId: string; readonly friendIds: readonly string[] }[] }
  /** `authors` (sockets this worker holds) record moods in turn at `ratePerS`. */
  | { readonly type: 'moods'; readonly authors: readonly string[]; readonly ratePerS: number; readonly warmupMs: number; readonly durationMs: number }
  | { readonly type: 'collect' }
  | { readonly type: 'close' };

/** Worker → coordinator. */
export type FromWorker =
  | { readonly type: 'opened'; readonly ok: number; readonly failed: number; readonly firstError: string | null; readonly ms: number }
  | { readonly type: 'hugs-done'; readonly sent: number; readonly measured: number; readonly acked: number; readonly failed: number; readonly firstError: string | null }
  | { readonly type: 'listening'; readonly ok: number; readonly failed: number; readonly firstError: string | null }
  | { readonly type: 'moods-done'; readonly sent: number; readonly measured: number; readonly acked: number; readonly failed: number; readonly firstError: string | null }
  | { readonly type: 'collected'; readonly latencies: readonly number[]; readonly received: number }
  | { readonly type: 'closed' }
  | { readonly type: 'error'; readonly message: string };
