import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../src/connection/connection-state.js';
import { Emitter } from '../src/emitter.js';
import { HugMoodError, TimeoutError, UnavailableError } from '../src/errors.js';
import { Outbox, type OutboxConnection } from '../src/hugs/outbox.js';

/** A connection the test moves by hand. */
class FakeConnection implements OutboxConnection {
  readonly events = new Emitter<{ state: [state: ConnectionState, previous: ConnectionState] }>();
  state: ConnectionState = 'connected';
  closedBy: HugMoodError | null = null;
  set(state: ConnectionState): void {
    const previous = this.state;
    this.state = state;
    this.events.emit('state', state, previous);
  }
}

/** A server stand-in: records what was sent, in order, and lets the test answer each attempt. */
function wire() {
  const sent: string[] = [];
  const pending: { name: string; ok: () => void; fail: (error: unknown) => void }[] = [];
  const send = (name: string) => () =>
    new Promise<string>((resolve, reject) => {
      sent.push(name);
      pending.push({ name, ok: () => resolve(name), fail: reject });
    });
  return { sent, pending, send };
}

const options = { maxPending: 100, maxWaitMs: 60_000, maxAttempts: 8, backoff: { baseDelayMs: 100, maxDelayMs: 1000 }, random: () => 0.5 };

describe('outbox', () => {
  afterEach(() => vi.useRealTimers());

  it('resends after a reconnect in the order the app sent: what failed with the connection before what was made offline', async () => {
    vi.useFakeTimers();
    const connection = new FakeConnection();
    const outbox = new Outbox(connection, options);
    const w = wire();
    const results = ['a', 'b', 'c'].map((n) => outbox.run(w.send(n)));
    expect(w.sent).toEqual(['a', 'b', 'c']);
    // The connection drops: every attempt in flight fails, and two more sends are made offline.
    connection.set('reconnecting');
    for (const p of w.pending.splice(0)) p.fail(new TimeoutError('timeout', 'the socket has been disconnected'));
    results.push(outbox.run(w.send('d')), outbox.run(w.send('e')));
    // Every failure handled and any backoff long over (fake time): still nothing goes out while offline.
    await vi.advanceTimersByTimeAsync(5000);
    expect(w.sent).toEqual(['a', 'b', 'c']);
    connection.set('connected');
    expect(w.sent).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'd', 'e']);
    for (const p of w.pending.splice(0)) p.ok();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('holds later sends behind one that waits out a retryAfterMs', async () => {
    vi.useFakeTimers();
    const outbox = new Outbox(new FakeConnection(), options);
    const w = wire();
    const first = outbox.run(w.send('first'));
    w.pending.shift()?.fail(new UnavailableError('unavailable', 'backpressure', undefined, 500));
    await vi.advanceTimersByTimeAsync(0);
    const second = outbox.run(w.send('second'));
    expect(w.sent).toEqual(['first']);
    await vi.advanceTimersByTimeAsync(500);
    expect(w.sent).toEqual(['first', 'first', 'second']);
    for (const p of w.pending.splice(0)) p.ok();
    await expect(first).resolves.toBe('first');
    await expect(second).resolves.toBe('second');
  });

  it('fails at once on a permanent error, without holding the others', async () => {
    const outbox = new Outbox(new FakeConnection(), options);
    const w = wire();
    const bad = outbox.run(w.send('bad'));
    const good = outbox.run(w.send('good'));
    w.pending[0]?.fail(new HugMoodError('forbidden', 'no'));
    w.pending[1]?.ok();
    await expect(bad).rejects.toMatchObject({ code: 'forbidden' });
    await expect(good).resolves.toBe('good');
    expect(outbox.size).toBe(0);
  });

  it('bounds what waits offline, in count and time, and rejects what waits when the client closes', async () => {
    vi.useFakeTimers();
    const connection = new FakeConnection();
    connection.set('reconnecting');
    const outbox = new Outbox(connection, { ...options, maxPending: 2, maxWaitMs: 1000 });
    const w = wire();
    const a = outbox.run(w.send('a'));
    const b = outbox.run(w.send('b'));
    await expect(outbox.run(w.send('c'))).rejects.toMatchObject({ code: 'unavailable', details: { reason: 'offline_queue_full' } });
    const expired = expect(a).rejects.toMatchObject({ code: 'timeout' });
    const alsoExpired = expect(b).rejects.toMatchObject({ code: 'timeout' });
    await vi.advanceTimersByTimeAsync(1000);
    await expired;
    await alsoExpired;
    const d = outbox.run(w.send('d'));
    connection.set('closed');
    await expect(d).rejects.toMatchObject({ code: 'closed' });
    expect(w.sent).toEqual([]);
  });

  it('waits out a retry answered "still in progress" however often, without using up its attempts', async () => {
    vi.useFakeTimers();
    const outbox = new Outbox(new FakeConnection(), { ...options, maxAttempts: 2 });
    const w = wire();
    const send = outbox.run(w.send('slow'));
    for (let i = 0; i < 10; i += 1) {
      w.pending.shift()?.fail(new UnavailableError('unavailable', 'this hug is still being sent; try again', { reason: 'in_progress' }, 200));
      await vi.advanceTimersByTimeAsync(200);
    }
    w.pending.shift()?.ok();
    await expect(send).resolves.toBe('slow');
    expect(w.sent).toHaveLength(11);
  });

  it('reports its replayable sends as data while they wait, keeps them when the client closes, and resumes them first', async () => {
    vi.useFakeTimers();
    const connection = new FakeConnection();
    connection.set('reconnecting');
    const reported: (readonly { name: string; deadline: number }[])[] = [];
    const outbox = new Outbox(connection, { ...options, onChange: (sends) => reported.push(sends) });
    const w = wire();
    const kept = outbox.run(w.send('hug'), { name: 'hug:send', payload: { clientId: 'c_1' } });
    outbox.run(w.send('not replayable')).catch(() => undefined);
    expect(reported.at(-1)).toEqual([{ name: 'hug:send', payload: { clientId: 'c_1' }, deadline: Date.now() + 60_000 }]);
    connection.set('closed');
    await expect(kept).rejects.toMatchObject({ code: 'closed' });
    // Closing is not sending: the persisted list still holds the hug.
    expect(reported.at(-1)).toHaveLength(1);

    const next = new FakeConnection();
    next.set('reconnecting');
    const restarted = new Outbox(next, { ...options, onChange: (sends) => reported.push(sends) });
    const later = restarted.run(w.send('made after the restart'));
    const stored = [
      { name: 'hug:send', payload: { clientId: 'c_1' }, deadline: Date.now() + 30_000 },
      { name: 'mood:record', payload: { clientId: 'c_2' }, deadline: Date.now() - 1 },
    ];
    const [resumed, expired] = restarted.resume(stored, (send) => w.send(`resumed ${send.name}`)());
    await expect(expired).rejects.toMatchObject({ code: 'timeout' });
    next.set('connected');
    expect(w.sent).toEqual(['resumed hug:send', 'made after the restart']);
    for (const p of w.pending.splice(0)) p.ok();
    await expect(resumed).resolves.toBe('resumed hug:send');
    await expect(later).resolves.toBe('made after the restart');
    expect(reported.at(-1)).toEqual([]);
  });
});
