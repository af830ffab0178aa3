import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { parserFor } from '../../protocol/wire/wire-format.js';
import type { FromWorker, PairSpec, ServerKind, SocketSpec, ToWorker } from './worker-messages.js';

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

function openOne(url: string, wire: Parameters<typeof parserFor>[0], kind: ServerKind, spec: SocketSpec, n: number): Promise<string | null> {
  const auth = kind === 'ours' ? { v: PROTOCOL_VERSION, token: spec.token, deviceId: `bench-device-${n}`, deviceKind: 'server' } : { userId: spec.userId };
  const socket = io(spec.url ?? url, { transports: ['websocket'], reconnection: false, forceNew: true, parser: parserFor(wire), auth, timeout: OPEN_TIMEOUT_MS });
  socket.on('hug:received', (event: HugPayload) => onHug(socket, kind, event));
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

async function hugs(message: Extract<ToWorker, { type: 'hugs' }>): Promise<void> {
  const pairs: PairSpec[] = [...message.pairs];
  const total = message.warmupMs + message.durationMs;
  const start = now();
  let sent = 0;
  let acked = 0;
  let failed = 0;
  let firstError: string | null = null;
  let outstanding = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = now() - start;
      const due = Math.min(total, elapsed) * (message.ratePerS / 1000);
      while (sent < due) {
        const pair = pairs[sent % pairs.length];
        const socket = pair ? sockets.get(pair.from) : undefined;
        sent += 1;
        if (!pair || !socket) {
          failed += 1;
          firstError ??= 'sender socket not open';
          continue;
        }
        const t = now();
        const phase = t - start < message.warmupMs ? 'w' : 'm';
        outstanding += 1;
        socket
          .timeout(ACK_TIMEOUT_MS)
          .emit('hug:send', { to: pair.to, kind: 'warm', message: `${phase}:${t}`, clientId: `bench-${process.pid}-${Math.round(start)}-${sent}` }, (error: Error | null, ack?: { ok?: boolean; error?: { code?: string } }) => {
            outstanding -= 1;
            if (!error && ack?.ok) acked += 1;
            else {
              failed += 1;
              firstError ??= error ? error.message : (ack?.error?.code ?? 'malformed ack');
            }
          });
      }
      if (elapsed >= total) {
        const waitForAcks = () => (outstanding === 0 || now() - start > total + ACK_TIMEOUT_MS ? resolve() : setTimeout(waitForAcks, 20));
        return waitForAcks();
      }
      setTimeout(tick, 1);
    };
    tick();
  });
  send({ type: 'hugs-done', sent, acked, failed, firstError });
}

process.on('message', (message: ToWorker) => {
  const run = async () => {
    switch (message.type) {
      case 'open':
        return open(message);
      case 'hugs':
        return hugs(message);
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
