/**
 * Type tests of the hooks: correct use compiles, and each `@ts-expect-error` line must not (the
 * typecheck fails if one of them does compile). Never run, only type-checked.
 */
import type { PresenceEntry } from '@hugmood/client';
import { useFeed, useGroupHug, useHugAnimation, useHugs, useMoods, useNotifications, usePresence, useSendHug } from '../src/index.js';

export function Correct(): string {
  const statuses: ReadonlyMap<string, PresenceEntry> = usePresence('friends');
  const online: number = usePresence(['u1', 'u2'], (s) => [...s.values()].filter((p) => p.status === 'online').length);
  const { received } = useHugs({ onReceived: (hug) => hug.timeline.progress(Date.now()).intensity });
  const { intensity } = useHugAnimation(received[0], { reducedMotion: true });
  const { send } = useSendHug();
  void send('u1', { kind: 'bear', message: 'hi' });
  const { group, squeeze } = useGroupHug('g_1');
  void squeeze(0.5);
  const { record } = useMoods({ summaryDays: 30 });
  void record('calm', { intensity: 0.4 });
  const { unread } = useNotifications();
  const { items } = useFeed();
  return `${statuses.size} ${online} ${intensity} ${group?.phase ?? ''} ${unread} ${items.length}`;
}

export function Wrong(): void {
  // @ts-expect-error: a target is user ids or 'friends'
  usePresence('everyone');
  // @ts-expect-error: the selector's result is what the hook answers
  const count: string = usePresence('friends', (s) => s.size);
  void count;
  const { send } = useSendHug();
  // @ts-expect-error: not a hug kind
  void send('u1', { kind: 'squish' });
  // @ts-expect-error: not a mood
  void useMoods().record('hangry', { intensity: 0.4 });
  // @ts-expect-error: not a summary period
  useMoods({ summaryDays: 14 });
  // @ts-expect-error: onReceived gets a hug, not a string
  useHugs({ onReceived: (hug: string) => hug });
}
