import WebSocket from 'ws';

interface InspectorReply {
  readonly id: number;
  readonly result?: { readonly result?: { readonly value?: unknown } };
  readonly error?: { readonly message: string };
}

/** The inspector address a process started with `--inspect=127.0.0.1:0` printed on stderr, if any yet. */
export function inspectorUrlIn(stderr: string): string | null {
  return /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1] ?? null;
}

/**
 * Forces a full garbage collection in a process started with `--inspect` and reads its heap: what
 * its live objects hold, without garbage and without asking the process for anything else (a
 * `/metrics` scrape allocates, and prom-client reads `/proc/self/fd` with one entry per socket).
 */
export async function heapAfterFullGc(inspectorUrl: string): Promise<number> {
  const ws = new WebSocket(inspectorUrl);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const pending = new Map<number, (reply: InspectorReply) => void>();
  ws.on('message', (data: Buffer) => {
    const reply = JSON.parse(data.toString()) as InspectorReply;
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  });
  let next = 0;
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<InspectorReply>((resolve, reject) => {
      next += 1;
      pending.set(next, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply)));
      ws.send(JSON.stringify({ id: next, method, params }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const reply = await call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true });
    const value = reply.result?.result?.value;
    if (typeof value !== 'number') throw new Error(`heapUsed was not a number: ${JSON.stringify(reply)}`);
    return value;
  } finally {
    ws.close();
  }
}
