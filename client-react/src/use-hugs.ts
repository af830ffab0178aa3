import type { HugMoodError, HugSendResult, ReceivedHug, SendHugOptions, TimelineFrame } from '@hugmood/client';
import { useCallback, useEffect, useState } from 'react';
import { useHugMoodClient } from './client-context.js';
import { useAnimationFrame } from './use-animation-frame.js';
import { useLatest } from './use-latest.js';

/** Options of {@link useHugs}. */
export interface UseHugsOptions {
  /** Called once for each hug that arrives while the component is mounted (the latest callback, without re-subscribing). */
  readonly onReceived?: (hug: ReceivedHug) => void;
  /** How many of the latest hugs to keep in `received`. Default 20. */
  readonly keep?: number;
}

/**
 * The hugs that arrived while mounted (newest first, once each, live or after a reconnect), and
 * `onReceived` for each.
 *
 * @example
 * ```tsx
 * const { received } = useHugs({ onReceived: (hug) => toast(`A ${hug.kind} hug!`) });
 * return <HugPlayer hug={received[0]} />;
 * ```
 */
export function useHugs(options: UseHugsOptions = {}): { readonly received: readonly ReceivedHug[] } {
  const client = useHugMoodClient();
  const onReceived = useLatest(options.onReceived);
  const keep = options.keep ?? 20;
  const [received, setReceived] = useState<readonly ReceivedHug[]>([]);
  useEffect(() => {
    if (!client) return undefined;
    return client.hugs.on('received', (hug) => {
      setReceived((list) => [hug, ...list].slice(0, keep));
      onReceived.current?.(hug);
    });
  }, [client, keep, onReceived]);
  return { received };
}

/** What {@link useSendHug} answers. */
export interface SendHugState {
  /** Sends a hug (queued while offline, exactly once); resolves with the server's answer or rejects with a `HugMoodError`. */
  readonly send: (to: string, options: SendHugOptions) => Promise<HugSendResult>;
  /** Sends still on their way. */
  readonly sending: number;
  readonly lastResult: HugSendResult | null;
  readonly error: HugMoodError | null;
}

/**
 * Sending hugs, with how many are on their way and the last outcome.
 * @example
 * ```tsx
 * const { send, sending, error } = useSendHug();
 * <button disabled={sending > 0} onClick={() => void send(friendId, { kind: 'bear' })}>Hug</button>
 * ```
 */
export function useSendHug(): SendHugState {
  const client = useHugMoodClient();
  const [sending, setSending] = useState(0);
  const [lastResult, setLastResult] = useState<HugSendResult | null>(null);
  const [error, setError] = useState<HugMoodError | null>(null);
  const send = useCallback(
    async (to: string, options: SendHugOptions) => {
      if (!client) throw new Error('useSendHug: no HugMoodClient in a HugMoodProvider');
      setSending((n) => n + 1);
      try {
        const result = await client.hugs.send(to, options);
        setLastResult(result);
        setError(null);
        return result;
      } catch (caught) {
        setError(caught as HugMoodError);
        throw caught;
      } finally {
        setSending((n) => n - 1);
      }
    },
    [client],
  );
  return { send, sending, lastResult, error };
}

const IDLE: TimelineFrame = { t: 0, intensity: 0, done: true };

/**
 * Where a hug's animation stands, as state updated on every animation frame while it plays (a hug
 * received, or any `{ timeline }`: `createTimeline(HUG_KINDS[kind], Date.now())` plays one you send): `t`
 * (0..1), `intensity` (the hug kind's curve at `t`, 0..1: map it to scale or glow) and `done`.
 * With `reducedMotion`, no frames run: the hug shows at its peak at once and is done.
 *
 * @example
 * ```tsx
 * const { intensity } = useHugAnimation(hug);
 * return <Heart style={{ transform: `scale(${1 + intensity * 0.5})` }} />;
 * ```
 */
export function useHugAnimation(hug: Pick<ReceivedHug, 'timeline'> | null | undefined, options: { readonly reducedMotion?: boolean } = {}): TimelineFrame {
  const timeline = hug?.timeline;
  const reduced = options.reducedMotion === true;
  const compute = (): TimelineFrame => {
    if (!timeline) return IDLE;
    if (reduced) return { t: 1, intensity: Math.max(...timeline.curve.map(([, i]) => i)), done: true };
    return timeline.progress(Date.now());
  };
  const frame = useAnimationFrame(compute, Boolean(timeline) && !reduced && !compute().done, [timeline, reduced]);
  return frame;
}
