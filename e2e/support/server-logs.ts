/** One log line of a server (pino JSON). */
export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

/** The logs of every server process this test file started that still runs, by its url. */
const running = new Map<string, readonly LogLine[]>();

/** Keeps `logs` of the server at `url` for {@link troubleSince} until it exits. */
export function keepLogs(url: string, logs: readonly LogLine[]): () => void {
  running.set(url, logs);
  return () => running.delete(url);
}

/** Whether a line is a warning or worse (pino levels 40 and up). */
export const isTrouble = (line: LogLine): boolean => typeof line.level === 'number' && line.level >= 40;

/** The warnings and errors that running servers logged from `since` (epoch ms) on, by server. */
export function troubleSince(since: number): Record<string, LogLine[]> {
  const found: Record<string, LogLine[]> = {};
  for (const [url, logs] of running) {
    const lines = logs.filter((l) => isTrouble(l) && typeof l['time'] === 'number' && l['time'] >= since);
    if (lines.length > 0) found[url] = lines.slice(-30);
  }
  return found;
}
