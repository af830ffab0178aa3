import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { watchLoopStalls } from './loop-stall-watch.js';

/** A real pino logger whose lines land in `lines`. */
function collectingLogger(lines: Record<string, unknown>[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return pino({ level: 'info' }, sink);
}

const busyFor = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // holding the event loop, as a synchronous SQLite wait or a long parse would
  }
};

describe('watchLoopStalls', () => {
  it('warns of a held event loop with how long it was held, and is quiet once stopped', async () => {
    const lines: Record<string, unknown>[] = [];
    const stop = watchLoopStalls(collectingLogger(lines), { everyMs: 20, warnAfterMs: 150 });
    busyFor(400);
    await vi.waitFor(() => expect(lines).not.toHaveLength(0), { timeout: 2000 });
    const [stall] = lines;
    expect(stall).toMatchObject({ event: 'event-loop-stalled', msg: 'event loop stalled', level: 40 });
    // Held 400 ms, ticking every 20: at least 400 − 20 late, and not much more on a quiet loop.
    expect(stall?.['ms']).toBeGreaterThanOrEqual(380);
    stop();
    // A second watch, still running, witnesses the next stall: once it has warned, the stopped one had its chance.
    const witness: Record<string, unknown>[] = [];
    const stopWitness = watchLoopStalls(collectingLogger(witness), { everyMs: 20, warnAfterMs: 150 });
    const seen = lines.length;
    busyFor(300);
    await vi.waitFor(() => expect(witness).not.toHaveLength(0), { timeout: 2000 });
    stopWitness();
    expect(lines).toHaveLength(seen);
  });
});
