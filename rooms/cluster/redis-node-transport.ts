import type { Redis } from 'ioredis';
import { pack, unpack } from 'msgpackr';
import type { NodeMessage, NodeTransport } from './node-transport.js';

const channelOf = (nodeId: string) => `hm:node:${nodeId}`;

function isNodeMessage(value: unknown): value is NodeMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (m.kind === 'request' || m.kind === 'response') && typeof m.id === 'string' && typeof m.from === 'string';
}

/**
 * {@link NodeTransport} over Redis pub/sub: each node subscribes to its own channel only, so a
 * request costs one message to one node (unlike the adapter's broadcast to all). msgpack framed.
 * `sub` must be a connection used for nothing else (subscriber mode).
 */
export class RedisNodeTransport implements NodeTransport {
  private handler: ((message: NodeMessage) => void) | null = null;
  private readonly onBuffer = (channel: Buffer, payload: Buffer) => {
    if (channel.toString() !== channelOf(this.nodeId) || !this.handler) return;
    let message: unknown;
    try {
      message = unpack(payload);
    } catch {
      return; // not ours: ignore
    }
    if (isNodeMessage(message)) this.handler(message);
  };

  constructor(
    readonly nodeId: string,
    private readonly pub: Redis,
    private readonly sub: Redis,
  ) {}

  async publish(to: string, message: NodeMessage): Promise<void> {
    await this.pub.publish(channelOf(to), pack(message));
  }

  async listen(onMessage: (message: NodeMessage) => void): Promise<void> {
    this.handler = onMessage;
    this.sub.on('messageBuffer', this.onBuffer);
    await this.sub.subscribe(channelOf(this.nodeId));
  }

  async close(): Promise<void> {
    this.handler = null;
    this.sub.off('messageBuffer', this.onBuffer);
    await this.sub.unsubscribe(channelOf(this.nodeId)).catch(() => undefined);
  }
}
