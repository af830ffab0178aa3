/** One log line of a server (pino JSON). */
export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

/** A server process this test file started: its logs, and when it exited (null while it runs). */
interface Kept {
  readonly url: string;
  readonly logs: readonly LogLine[];
  exitedAt: number | null;
}

const kept = new Set<Kept>();

/** Keeps `logs` of the server at `url` for {@link troubleSince}; call the result when it exits. */
export function keepLogs(url: string, logs: readonly LogLine[]): () => void {
  const entry: Kept = { url, logs, exitedAt: null };
  kept.add(entry);
  return () => {
    entry.exitedAt = Date.now();
  };
}

/** Drops the logs of servers that exited before `at` (epoch ms): no test from then on needs them. */
export function forgetExitedBefore(at: number): void {
  for (const entry of kept) if (entry.exitedAt !== null && entry.exitedAt < at) kept.delete(entry);
}

/** Whether a line is a warning or worse (pino levels 40 and up). */
export const isTrouble = (line: LogLine): boolean => typeof line.level === 'number' && line.level >= 40;

/**
 * The warnings and errors (every line with `all`) that servers logged from `since` (epoch ms) on,
 * by server url: those still running, and those that exited since.
 */
export function troubleSince(since: number, all = false): Record<string, LogLine[]> {
  const found: Record<string, LogLine[]> = {};
  for (const { url, logs, exitedAt } of kept) {
    if (exitedAt !== null && exitedAt < since) continue;
    const lines = logs.filter((l) => (all || isTrouble(l)) && typeof l['time'] === 'number' && l['time'] >= since);
    if (lines.length > 0) found[url] = [...(found[url] ?? []), ...lines].slice(-30);
  }
  return found;
}
