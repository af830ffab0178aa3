import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { parserFor } from '../../protocol/wire/wire-format.js';
import type { FromWorker, ServerKind, SocketSpec, ToWorker } from './worker-messages.js';

// A bench client process: it holds a share of the sockets (a process may hold 20,000 open files),
// sends hugs at its share of the rate, and measures delivery latency on the recipients it holds.
// Driven by the coordinator over IPC.

const OPEN_CONCURRENCY = 200;
const OPEN_TIMEOUT_MS = 30_000;
const ACK_TIMEOUT_MS = 10_000;

const sockets = new Map<string, Socket>();
const latencies: number[] = [];
let received = 0;

const now = () => performance.timeOrigin + performance.now();
const send = (message: FromWorker) => process.send?.(message);

interface HugPayload {
  readonly hug?: { readonly message?: unknown; readonly id?: unknown; readonly clientId?: unknown };
  readonly id?: unknown;
}

function onHug(socket: Socket, kind: ServerKind, event: HugPayload): void {
  const at = now();
  received += 1;
  const message = typeof event.hug?.message === 'string' ? event.hug.message : '';
  // "m:<t>" is a measured send, "w:<t>" a warm-up one.
  if (message.startsWith('m:')) latencies.push(at - Number(message.slice(2)));
  // Receipts, as the SDK sends them: ours records delivery; the baseline just answers.
  const hugId = kind === 'ours' ? event.hug?.id : event.id;
  socket.timeout(ACK_TIMEOUT_MS).emit('hug:ack', { hugIds: [hugId] }, () => undefined);
}

interface MoodUpdatePayload {
  readonly entry?: { readonly note?: unknown };
}

/** A friend's mood arrived: measured when its note says it was sent in the measured window. */
function onMood(event: MoodUpdatePayload): void {
  const at = now();
  received += 1;
  const note = typeof event.entry?.note === 'string' ? event.entry.note : '';
  if (note.startsWith('m:')) latencies.push(at - Number(note.slice(2)));
}

function openOne(url: string, wire: Parameters<typeof parserFor>[0], kind: ServerKind, spec: SocketSpec, n: number): Promise<string | null> {
  const auth = kind === 'ours' ? { v: PROTOCOL_VERSION, token: spec.token, deviceId: `bench-device-${n}`, deviceKind: 'server' } : { userId: spec.userId };
  const socket = io(spec.url ?? url, { transports: ['websocket'], reconnection: false, forceNew: true, parser: parserFor(wire), auth, timeout: OPEN_TIMEOUT_MS });
  socket.on('hug:received', (event: HugPayload) => onHug(socket, kind, event));
  socket.on('mood:friend-update', (event: MoodUpdatePayload) => onMood(event));
  return new Promise((resolve) => {
    socket.once('connect', () => {
      sockets.set(spec.userId, socket);
      resolve(null);
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

async function open(message: Extract<ToWorker, { type: 'open' }>): Promise<void> {
  const started = Date.now();
  let next = 0;
  let ok = 0;
  let failed = 0;
  let firstError: string | null = null;
  const lane = async () => {
    while (next < message.sockets.length) {
      const n = next++;
      const spec = message.sockets[n];
      if (!spec) return;
      const error = await openOne(message.url, message.wire, message.kind, spec, n);
      if (error === null) ok += 1;
      else {
        failed += 1;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, lane));
  send({ type: 'opened', ok, failed, firstError, ms: Date.now() - started });
}

/** What a paced run of commands came to. */
interface PacedResult {
  sent: number;
  /** Sent in the measured window (after the warm-up). */
  measured: number;
  acked: number;
  failed: number;
  firstError: string | null;
}

type AckCallback = (error: Error | null, ack?: { ok?: boolean; error?: { code?: string } }) => void;

/**
 * Fires `warmupMs + durationMs` worth of commands at `ratePerS`, in order; `fire(n, phase, t, done)`
 * sends the n-th (phase `w` in the warm-up, `m` after) and calls `done` with its ack. Resolves once
 * every ack came, or `ACK_TIMEOUT_MS` after the last send.
 */
function paced(ratePerS: number, warmupMs: number, durationMs: number, fire: (n: number, phase: 'w' | 'm', t: number, done: AckCallback) => boolean): Promise<PacedResult> {
  const total = warmupMs + durationMs;
  const start = now();
  const result: PacedResult = { sent: 0, measured: 0, acked: 0, failed: 0, firstError: null };
  let outstanding = 0;
  const done: AckCallback = (error, ack) => {
    outstanding -= 1;
    if (!error && ack?.ok) result.acked += 1;
    else {
      result.failed += 1;
      result.firstError ??= error ? error.message : (ack?.error?.code ?? 'malformed ack');
    }
  };
  return new Promise<PacedResult>((resolve) => {
    const tick = () => {
      const elapsed = now() - start;
      const due = Math.min(total, elapsed) * (ratePerS / 1000);
      while (result.sent < due) {
        const n = result.sent;
        result.sent += 1;
        const t = now();
        const phase = t - start < warmupMs ? 'w' : 'm';
        if (phase === 'm') result.measured += 1;
        outstanding += 1;
        if (!fire(n, phase, t, done)) done(new Error('sender socket not open'));
      }
      if (elapsed >= total) {
        const waitForAcks = () => (outstanding === 0 || now() - start > total + ACK_TIMEOUT_MS ? resolve(result) : setTimeout(waitForAcks, 20));
        return waitForAcks();
      }
      setTimeout(tick, 1);
    };
    tick();
  });
}

async function hugs(message: Extract<ToWorker, { type: 'hugs' }>): Promise<void> {
  const started = Math.round(now());
  const result = await paced(message.ratePerS, message.warmupMs, message.durationMs, (n, phase, t, done) => {
    const pair = message.pairs[n % message.pairs.length];
    const socket = pair ? sockets.get(pair.from) : undefined;
    if (!pair || !socket) return false;
    socket.timeout(ACK_TIMEOUT_MS).emit('hug:send', { to: pair.to, kind: 'warm', message: `${phase}:${t}`, clientId: `bench-${process.pid}-${started}-${n}` }, done);
    return true;
  });
  send({ type: 'hugs-done', ...result });
}

async function listen(message: Extract<ToWorker, { type: 'listen' }>): Promise<void> {
  let ok = 0;
  let failed = 0;
  let firstError: string | null = null;
  await Promise.all(
    message.friends.map(async ({ userId, friendIds }) => {
      const socket = sockets.get(userId);
      try {
        if (!socket) throw new Error('socket not open');
        const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('mood:friends', message.kind === 'ours' ? {} : { friendIds })) as { ok?: boolean; error?: { code?: string } };
        if (!ack.ok) throw new Error(ack.error?.code ?? 'malformed ack');
        ok += 1;
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }),
  );
  send({ type: 'listening', ok, failed, firstError });
}

async function moods(message: Extract<ToWorker, { type: 'moods' }>): Promise<void> {
  const started = Math.round(now());
  const result = await paced(message.ratePerS, message.warmupMs, message.durationMs, (n, phase, t, done) => {
    const author = message.authors[n % message.authors.length];
    const socket = author === undefined ? undefined : sockets.get(author);
    if (!socket) return false;
    socket.timeout(ACK_TIMEOUT_MS).emit('mood:record', { mood: 'calm', intensity: 0.5, note: `${phase}:${t}`, timeZone: 'UTC', clientId: `bench-${process.pid}-${started}-${n}` }, done);
    return true;
  });
  send({ type: 'moods-done', ...result });
}

process.on('message', (message: ToWorker) => {
  const run = async () => {
    switch (message.type) {
      case 'open':
        return open(message);
      case 'hugs':
        return hugs(message);
      case 'listen':
        return listen(message);
      case 'moods':
        return moods(message);
      case 'collect':
        // Deliveries may still be in flight right after the last send: give them a moment.
        await new Promise((resolve) => setTimeout(resolve, 500));
        send({ type: 'collected', latencies, received });
        // The next rate step measures afresh.
        latencies.length = 0;
        received = 0;
        return;
      case 'close':
        for (const socket of sockets.values()) socket.close();
        sockets.clear();
        latencies.length = 0;
        received = 0;
        return send({ type: 'closed' });
    }
  };
  run().catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
});
