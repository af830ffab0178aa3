import type { GroupHug, GroupHugSummary, GroupHugView, GroupPulseEvent, GroupTimeline, GroupTimelinePhase, HugMoodError, TimelineFrame } from '@hugmood/client';
import { useCallback, useEffect, useState } from 'react';
import { useHugMoodClient } from './client-context.js';
import { useAnimationFrame } from './use-animation-frame.js';
import { useClientStore } from './client-store.js';

const onChange = (handle: GroupHug, changed: () => void) => handle.on('change', changed);
const readState = (handle: GroupHug) => handle.state;
const onPulse = (handle: GroupHug, changed: () => void) => handle.on('pulse', changed);
const readPulse = (handle: GroupHug) => handle.lastPulse;
const onComplete = (handle: GroupHug, changed: () => void) => handle.on('complete', changed);
const readSummary = (handle: GroupHug) => handle.summary;

/** What {@link useGroupHug} answers. */
export interface GroupHugState {
  /** The group hug's state (phase, participants, invitees, `startsAt`), `null` until read. */
  readonly group: GroupHugView | null;
  /** The SDK's handle, for anything the hook does not cover. */
  readonly handle: GroupHug | null;
  /** The shared timeline on the server clock, once the countdown fixed `startsAt`. */
  readonly timeline: GroupTimeline | null;
  /** The group's latest shared pulse (warmth, squeezers). */
  readonly pulse: GroupPulseEvent | null;
  /** The summary, once the live part ended. */
  readonly summary: GroupHugSummary | null;
  readonly error: HugMoodError | null;
  /** One squeeze while live (intensity 0..1). */
  readonly squeeze: (intensity: number) => Promise<void>;
  readonly join: () => Promise<void>;
  readonly leave: () => Promise<void>;
  readonly start: () => Promise<void>;
}

/**
 * One group hug, live: its state, timeline and pulses, and the commands to take part. The state
 * comes from the handle the SDK keeps current (reconnects included).
 *
 * @example
 * ```tsx
 * const { group, timeline, pulse, squeeze } = useGroupHug(groupId);
 * const ring = useGroupHugFrame(timeline);
 * return <Ring phase={ring.phase} scale={1 + ring.frame.intensity * 0.4} onPointerDown={() => void squeeze(0.8)} />;
 * ```
 */
export function useGroupHug(groupId: string | null): GroupHugState {
  const client = useHugMoodClient();
  const [handle, setHandle] = useState<GroupHug | null>(null);
  const [error, setError] = useState<HugMoodError | null>(null);
  const group = useClientStore(handle, onChange, readState, null);
  const pulse = useClientStore(handle, onPulse, readPulse, null);
  const summary = useClientStore(handle, onComplete, readSummary, null);

  useEffect(() => {
    setHandle(null);
    setError(null);
    if (!client || groupId === null) return undefined;
    let live = true;
    const known = client.groupHugs.handle(groupId);
    if (known) setHandle(known);
    else
      client.groupHugs.get(groupId).then(
        (found) => live && setHandle(found),
        (caught: unknown) => live && setError(caught as HugMoodError),
      );
    return () => {
      live = false;
    };
  }, [client, groupId]);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
        setError(null);
      } catch (caught) {
        setError(caught as HugMoodError);
        throw caught;
      }
    },
    [],
  );
  const need = useCallback(() => {
    if (!client || groupId === null) throw new Error('useGroupHug: no client or no group hug');
    return { client, groupId };
  }, [client, groupId]);
  const squeeze = useCallback((intensity: number) => run(() => { const c = need(); return c.client.groupHugs.squeeze(c.groupId, intensity); }), [run, need]);
  const join = useCallback(() => run(async () => { const c = need(); setHandle(await c.client.groupHugs.join(c.groupId)); }), [run, need]);
  const leave = useCallback(() => run(() => { const c = need(); return c.client.groupHugs.leave(c.groupId); }), [run, need]);
  const start = useCallback(() => run(() => { const c = need(); return c.client.groupHugs.start(c.groupId); }), [run, need]);

  const timeline = group && handle && group.startsAt !== null ? handle.timeline : null;
  return { group, handle, timeline, pulse, summary, error, squeeze, join, leave, start };
}

/** Where a group hug's shared timeline stands now. */
export interface GroupHugFrame {
  readonly phase: GroupTimelinePhase | 'gathering';
  readonly frame: TimelineFrame;
  /** Milliseconds until the live part starts (negative once started; `null` while gathering). */
  readonly msUntilStart: number | null;
}

const GATHERING: GroupHugFrame = { phase: 'gathering', frame: { t: 0, intensity: 0, done: false }, msUntilStart: null };

/**
 * The group timeline's frame at the synced server clock, as state on every animation frame until
 * it ends: every participant's device shows the same phase at the same moment. With
 * `reducedMotion`, it updates four times a second instead (enough for a countdown).
 *
 * @example
 * ```tsx
 * const { phase, frame, msUntilStart } = useGroupHugFrame(timeline);
 * phase === 'countdown' ? <Countdown ms={msUntilStart} /> : <Ring scale={1 + frame.intensity * 0.4} />;
 * ```
 */
export function useGroupHugFrame(timeline: GroupTimeline | null, options: { readonly reducedMotion?: boolean } = {}): GroupHugFrame {
  const compute = (): GroupHugFrame => {
    if (!timeline) return GATHERING;
    return { phase: timeline.phaseAt(), frame: timeline.progress(), msUntilStart: timeline.msUntilStart() };
  };
  const running = timeline !== null && timeline.phaseAt() !== 'ended';
  return useAnimationFrame(compute, running, [timeline?.startsAt, timeline?.durationMs], options.reducedMotion === true ? 250 : undefined);
}
