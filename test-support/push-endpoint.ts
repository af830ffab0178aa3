import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One push as the local push service received it. */
export interface ReceivedPush {
  readonly path: string;
  /** What it was answered (null: not answered, it hangs). */
  readonly status: number | null;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
  /** When it arrived (epoch ms). */
  readonly at: number;
}

/** A local push service on 127.0.0.1: it records every push and answers what `status` says. */
export interface PushEndpoint {
  /** `http://127.0.0.1:<port>`: the origin VAPID tokens must name. */
  readonly origin: string;
  readonly received: ReceivedPush[];
  /** The status to answer a push to `path` with (default 201), and extra headers; `'hang'`: record it and never answer. */
  answer(path: string, status: number | 'hang', headers?: Record<string, string>): void;
  /** The pushes to `path` that were answered 2xx. */
  delivered(path: string): ReceivedPush[];
  /** Resolves once `count` pushes arrived, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedPush[]>;
  close(): Promise<void>;
}

/** Starts a {@link PushEndpoint} on a free port. */
export async function startPushEndpoint(): Promise<PushEndpoint> {
  const received: ReceivedPush[] = [];
  const answers = new Map<string, { status: number | 'hang'; headers: Record<string, string> }>();
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const answer = answers.get(path) ?? { status: 201, headers: {} };
      received.push({ path, status: answer.status === 'hang' ? null : answer.status, headers: req.headers, body: Buffer.concat(chunks), at: Date.now() });
      if (answer.status !== 'hang') res.writeHead(answer.status, answer.headers).end();
      for (const wake of [...waiters]) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    answer: (path, status, headers = {}) => answers.set(path, { status, headers }),
    delivered: (path) => received.filter((r) => r.path === path && r.status !== null && r.status >= 200 && r.status < 300),
    waitFor(count, timeoutMs = 10_000) {
      if (received.length >= count) return Promise.resolve(received.slice(0, count));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${received.length} of ${count} pushes arrived within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(received.slice(0, count));
        };
        waiters.add(check);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging requests would keep the server open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
