import { describe, expect, it } from 'vitest';
import type { Ack } from '../../protocol/ack.js';
import type { LogPort } from '../../rooms/log-port.js';
import { Metrics } from '../observability/metrics.js';
import { MemoryRateLimiter } from '../rate-limit/memory-rate-limiter.js';
import type { CommandContext, CommandHandlers } from './command-context.js';
import { createDispatcher } from './command-dispatcher.js';

const quiet: LogPort = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function dispatcher() {
  const handlers = new Proxy({}, { get: () => () => Promise.resolve({ serverTime: 1 }) }) as CommandHandlers;
  const dispatch = createDispatcher({
    handlers,
    limiter: new MemoryRateLimiter(),
    connLimiter: new MemoryRateLimiter(),
    connRule: { name: 'conn', capacity: 3, refillPerSecond: 0.001 },
    userRule: { name: 'user', capacity: 100, refillPerSecond: 0.001 },
    ownRules: { 'time:sync': { name: 'time-sync', capacity: 5, refillPerSecond: 0.001 } },
    metrics: new Metrics('test'),
    log: quiet,
  });
  const ctx = { socket: { id: 'sock-1', emit: () => true }, userId: 'u1' } as unknown as CommandContext;
  const send = (event: string, payload: unknown) => new Promise<Ack<unknown>>((resolve) => dispatch(ctx, event, [payload, resolve]));
  return { send };
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
});
