import type { FriendMoodState, HugMoodClient, HugMoodError, MoodEntry, MoodId, MoodRecordResult, MoodStreakView, MoodSummaryResult, RecordMoodOptions } from '@hugmood/client';
import { useCallback, useEffect, useState } from 'react';
import { useHugMoodClient } from './client-context.js';
import { useClientStore } from './client-store.js';
import { useConnectionState } from './use-connection-state.js';

/** What {@link useMoods} answers. */
export interface MoodsState {
  /** Your latest moods, newest first (one page). */
  readonly history: readonly MoodEntry[];
  readonly streak: MoodStreakView | null;
  /** The insights of the last `summaryDays` days. */
  readonly summary: MoodSummaryResult | null;
  readonly loading: boolean;
  readonly error: HugMoodError | null;
  /** Records a mood (queued while offline, exactly once), then reads history, streak and summary again. */
  readonly record: (mood: MoodId, options: RecordMoodOptions) => Promise<MoodRecordResult>;
  readonly refresh: () => Promise<void>;
}

/**
 * Your moods: the latest page, your streak and a summary, read on every (re)connect and after each
 * mood you record.
 *
 * @example
 * ```tsx
 * const { streak, history, record } = useMoods({ summaryDays: 30 });
 * <button onClick={() => void record('calm', { intensity: 0.6 })}>Calm</button>
 * ```
 */
export function useMoods(options: { readonly summaryDays?: 7 | 30 | 90 | 365; readonly historyLimit?: number } = {}): MoodsState {
  const client = useHugMoodClient();
  const state = useConnectionState();
  const days = options.summaryDays ?? 30;
  const limit = options.historyLimit ?? 50;
  const [history, setHistory] = useState<readonly MoodEntry[]>([]);
  const [streak, setStreak] = useState<MoodStreakView | null>(null);
  const [summary, setSummary] = useState<MoodSummaryResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<HugMoodError | null>(null);

  const refresh = useCallback(async () => {
    if (!client) return;
    setLoading(true);
    try {
      const [page, nextStreak, nextSummary] = await Promise.all([client.moods.history({ limit }), client.moods.streak(), client.moods.summary(days)]);
      setHistory(page.entries);
      setStreak(nextStreak);
      setSummary(nextSummary);
      setError(null);
    } catch (caught) {
      setError(caught as HugMoodError);
    } finally {
      setLoading(false);
    }
  }, [client, days, limit]);

  useEffect(() => {
    if (client && state === 'connected') void refresh();
  }, [client, state, refresh]);

  const record = useCallback(
    async (mood: MoodId, recordOptions: RecordMoodOptions) => {
      if (!client) throw new Error('useMoods: no HugMoodClient in a HugMoodProvider');
      const result = await client.moods.record(mood, recordOptions);
      void refresh();
      return result;
    },
    [client, refresh],
  );
  return { history, streak, summary, loading, error, record, refresh };
}

const onBoard = (client: HugMoodClient, onChange: () => void) => client.moods.on('board', onChange);
const readBoard = (client: HugMoodClient) => client.moods.friendMoods();
const EMPTY_BOARD: ReadonlyMap<string, FriendMoodState> = new Map();

/**
 * Each friend's latest mood and streak (of those whose moods show to you), live. Listening starts
 * with the first component that uses it.
 *
 * @example
 * ```tsx
 * const moods = useFriendMoods();
 * const bobsMood = moods.get(bobId)?.latest?.mood;
 * ```
 */
export function useFriendMoods(): ReadonlyMap<string, FriendMoodState> {
  return useClientStore(useHugMoodClient(), onBoard, readBoard, EMPTY_BOARD);
}
