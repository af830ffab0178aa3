import { describe, expect, it } from 'vitest';
import type { Ack } from '../../protocol/ack.js';
import type { LogPort } from '../../rooms/log-port.js';
import { Metrics } from '../observability/metrics.js';
import { MemoryRateLimiter } from '../rate-limit/memory-rate-limiter.js';
import type { CommandContext, CommandHandlers } from './command-context.js';
import { createDispatcher } from './command-dispatcher.js';
import { FloodGuard } from './flood-guard.js';

const quiet: LogPort = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** A socket stand-in: records what it was sent and whether it was cut. */
function fakeSocket() {
  const socket = {
    id: 'sock-1',
    connected: true,
    data: { userId: 'u1', refusals: 0, refusalsSince: 0 },
    emitted: [] as { event: string; payload: unknown }[],
    emit(event: string, payload: unknown) {
      socket.emitted.push({ event, payload });
      return true;
    },
    disconnect() {
      socket.connected = false;
    },
  };
  return socket;
}

function dispatcher(floodGuard?: FloodGuard) {
  const handlers = new Proxy({}, { get: () => () => Promise.resolve({ serverTime: 1 }) }) as CommandHandlers;
  const dispatch = createDispatcher({
    ...(floodGuard ? { floodGuard } : {}),
    handlers,
    limiter: new MemoryRateLimiter(),
    connLimiter: new MemoryRateLimiter(),
    connRule: { name: 'conn', capacity: 3, refillPerSecond: 0.001 },
    userRule: { name: 'user', capacity: 100, refillPerSecond: 0.001 },
    ownRules: { 'time:sync': { name: 'time-sync', capacity: 5, refillPerSecond: 0.001 } },
    metrics: new Metrics('test'),
    log: quiet,
  });
  const socket = fakeSocket();
  const ctx = { socket, userId: 'u1' } as unknown as CommandContext;
  const send = (event: string, payload: unknown) => new Promise<Ack<unknown>>((resolve) => dispatch(ctx, event, [payload, resolve]));
  /** Dispatches without waiting: resolves with the answer, or `null` if none comes by the next macrotask. */
  const fire = (event: string, payload: unknown) =>
    new Promise<Ack<unknown> | null>((resolve) => {
      dispatch(ctx, event, [payload, resolve]);
      setTimeout(() => resolve(null), 20);
    });
  return { send, fire, socket };
}

describe('command dispatcher rate limits', () => {
  it('limits a command with its own bucket apart from the shared ones, both ways', async () => {
    const { send } = dispatcher();
    const syncs = [];
    for (let i = 0; i < 7; i += 1) syncs.push(await send('time:sync', {}));
    expect(syncs.filter((a) => a.ok)).toHaveLength(5);
    expect(syncs.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { scope: 'time-sync' } } });
    // The shared per-connection bucket (3) is untouched by the syncs…
    const others = [];
    for (let i = 0; i < 4; i += 1) others.push(await send('friends:list', {}));
    expect(others.filter((a) => a.ok)).toHaveLength(3);
    expect(others.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { scope: 'conn' } } });
  });

  it('cuts a connection that keeps exceeding its limits instead of answering every excess event', async () => {
    const cuts: string[] = [];
    const guard = new FloodGuard({ refusals: 5, windowMs: 60_000, cooldownMs: 1000, onCut: (s) => cuts.push(s.id) });
    const { send, fire, socket } = dispatcher(guard);
    const answers = [];
    // The bucket holds 3; refusals 1-4 are answered, the 5th cuts the connection instead.
    for (let i = 0; i < 7; i += 1) answers.push(await send('friends:list', {}));
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(answers.filter((a) => !a.ok)).toHaveLength(4);
    expect(await fire('friends:list', {})).toBeNull();
    expect(socket.connected).toBe(false);
    expect(cuts).toEqual(['sock-1']);
    expect(socket.emitted.find((e) => e.event === 'session:ended')?.payload).toMatchObject({ reason: 'rate_limited', retryAfterMs: 1000 });
    // Its user waits out the cooldown before a handshake is accepted again.
    expect(guard.cooldownOf('u1')).toBeGreaterThan(0);
    expect(guard.cooldownOf('someone-else')).toBe(0);
  });
});
