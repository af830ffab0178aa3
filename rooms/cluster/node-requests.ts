import { randomUUID } from 'node:crypto';
import { CommandError } from '../../domain/command-error.js';
import type { ProtocolError } from '../../protocol/errors.js';
import type { LogPort } from '../log-port.js';
import type { NodeMessage, NodeTransport } from './node-transport.js';

/** A node method: what it takes and what it answers. */
export interface NodeMethod<Body, Result> {
  readonly body: Body;
  readonly result: Result;
}

/** Every method one node may call on another, by name. */
export type NodeMethods = Record<string, NodeMethod<unknown, unknown>>;

/** No answer came in time: the node may be dead, or just slow. */
export class NodeRequestTimeoutError extends Error {
  override readonly name = 'NodeRequestTimeoutError';
  constructor(
    readonly to: string,
    readonly method: string,
    readonly timeoutMs: number,
  ) {
    super(`node ${to} did not answer ${method} within ${timeoutMs} ms`);
  }
}

type Handler<M extends NodeMethods, K extends keyof M> = (body: M[K]['body'], from: string) => Promise<M[K]['result']>;

interface Pending {
  readonly resolve: (body: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

function toProtocolError(error: unknown): ProtocolError {
  if (error instanceof CommandError) return error.toProtocolError();
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Node-to-node request/response: the one place that owns request ids, timeouts and errors across
 * nodes (the transport only carries messages). A handler's `CommandError` reaches the caller as
 * the same `CommandError`; anything else as `internal`; silence as {@link NodeRequestTimeoutError}.
 * A request to this node itself calls the handler directly.
 */
export class NodeRequests<M extends NodeMethods> {
  private readonly handlers = new Map<keyof M, (body: unknown, from: string) => Promise<unknown>>();
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly transport: NodeTransport,
    private readonly log: LogPort,
  ) {}

  /** This node's id. */
  get nodeId(): string {
    return this.transport.nodeId;
  }

  /** Starts answering requests (call once, after registering handlers). */
  start(): Promise<void> {
    return this.transport.listen((message) => this.receive(message));
  }

  /** Answers method `method` with `handler`. */
  handle<K extends keyof M & string>(method: K, handler: Handler<M, K>): void {
    this.handlers.set(method, handler);
  }

  /** Calls `method` on node `to`; rejects after `timeoutMs` without an answer. */
  async request<K extends keyof M & string>(to: string, method: K, body: M[K]['body'], timeoutMs: number): Promise<M[K]['result']> {
    if (to === this.nodeId) return this.run(method, body, this.nodeId);
    const id = randomUUID();
    const answer = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new NodeRequestTimeoutError(to, method, timeoutMs));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
    });
    try {
      await this.transport.publish(to, { kind: 'request', id, from: this.nodeId, method, body });
    } catch (error) {
      this.settle(id)?.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return (await answer);
  }

  /** Fails every request still waiting and stops the transport. */
  async close(): Promise<void> {
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(new Error('node requests closed'));
    await this.transport.close();
  }

  private run<K extends keyof M & string>(method: K, body: M[K]['body'], from: string): Promise<M[K]['result']> {
    const handler = this.handlers.get(method);
    if (!handler) return Promise.reject(new CommandError('internal', `no node method ${method}`));
    return handler(body, from);
  }

  private settle(id: string): Pending | undefined {
    const entry = this.pending.get(id);
    if (entry) {
      clearTimeout(entry.timer);
      this.pending.delete(id);
    }
    return entry;
  }

  private receive(message: NodeMessage): void {
    if (message.kind === 'response') {
      const entry = this.settle(message.id);
      if (!entry) return; // timed out already
      if (message.ok) entry.resolve(message.body);
      else entry.reject(CommandError.fromProtocol(message.error));
      return;
    }
    const { id, from, method, body } = message;
    this.run(method, body as M[string]['body'], from)
      .then(
        (result): NodeMessage => ({ kind: 'response', id, from: this.nodeId, ok: true, body: result }),
        (error: unknown): NodeMessage => {
          if (!(error instanceof CommandError)) this.log.error({ err: error, method, from }, 'node request handler failed');
          return { kind: 'response', id, from: this.nodeId, ok: false, error: toProtocolError(error) };
        },
      )
      .then((response) => this.transport.publish(from, response))
      .catch((error: unknown) => this.log.warn({ err: error, method, to: from }, 'could not answer a node request'));
  }
}
