import type { Logger } from '../../client-sdk/src/index.js';

/** One line an SDK client of a test logged (info and up). */
export interface ClientLogLine {
  readonly time: number;
  readonly client: string;
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly context?: Record<string, unknown>;
}

const lines: ClientLogLine[] = [];
/** Kept for a failed test's report; older lines go first. */
const KEPT = 2000;

/** An SDK logger that keeps what `client` says at info and up (a lost connection, a retry) for {@link clientLinesSince}. */
export function recordingLogger(client: string): Logger {
  const keep = (level: ClientLogLine['level']) => (message: string, context?: Record<string, unknown>) => {
    lines.push({ time: Date.now(), client, level, message, ...(context === undefined ? {} : { context: plain(context) }) });
    if (lines.length > KEPT) lines.splice(0, lines.length - KEPT);
  };
  return { debug: () => undefined, info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** What the clients logged from `since` (epoch ms) on. */
export function clientLinesSince(since: number): ClientLogLine[] {
  return lines.filter((l) => l.time >= since);
}

/** Errors as their message, so the line prints as JSON. */
function plain(context: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(context).map(([k, v]) => [k, v instanceof Error ? `${v.name}: ${v.message}` : v]));
}
