import type { RedisClient } from '../../persistence/redis/redis-client.js';
import { pack, unpack } from 'msgpackr';
import type { NodeMessage, NodeTransport } from './node-transport.js';

/** The channel a node listens on. */
export const nodeChannelOf = (nodeId: string) => `hm:node:${nodeId}`;

function isNodeMessage(value: unknown): value is NodeMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (m.kind === 'request' || m.kind === 'response') && typeof m.id === 'string' && typeof m.from === 'string';
}

/**
 * {@link NodeTransport} over Redis pub/sub: each node subscribes to its own channel only, so a
 * request costs one message to one node (unlike the adapter's broadcast to all). msgpack framed.
 * `sub` must be a connection used for nothing else (subscriber mode). On a Redis Cluster the channel
 * is a sharded one (`SPUBLISH`/`SSUBSCRIBE`, `sub` opened with sharded subscribers), so a message
 * travels to the one shard that owns it instead of over the whole cluster bus.
 */
export class RedisNodeTransport implements NodeTransport {
  private handler: ((message: NodeMessage) => void) | null = null;
  private readonly onBuffer = (channel: Buffer, payload: Buffer) => {
    if (channel.toString() !== nodeChannelOf(this.nodeId) || !this.handler) return;
    let message: unknown;
    try {
      message = unpack(payload);
    } catch {
      return; // not ours: ignore
    }
    if (isNodeMessage(message)) this.handler(message);
  };

  private readonly sharded: boolean;

  constructor(
    readonly nodeId: string,
    private readonly pub: RedisClient,
    private readonly sub: RedisClient,
  ) {
    this.sharded = pub.isCluster;
  }

  async publish(to: string, message: NodeMessage): Promise<void> {
    if (this.sharded) await this.pub.spublish(nodeChannelOf(to), pack(message));
    else await this.pub.publish(nodeChannelOf(to), pack(message));
  }

  async listen(onMessage: (message: NodeMessage) => void): Promise<void> {
    this.handler = onMessage;
    if (this.sharded) {
      this.sub.on('smessageBuffer', this.onBuffer);
      await this.sub.ssubscribe(nodeChannelOf(this.nodeId));
    } else {
      this.sub.on('messageBuffer', this.onBuffer);
      await this.sub.subscribe(nodeChannelOf(this.nodeId));
    }
  }

  async close(): Promise<void> {
    this.handler = null;
    if (this.sharded) {
      this.sub.off('smessageBuffer', this.onBuffer);
      await this.sub.sunsubscribe(nodeChannelOf(this.nodeId)).catch(() => undefined);
    } else {
      this.sub.off('messageBuffer', this.onBuffer);
      await this.sub.unsubscribe(nodeChannelOf(this.nodeId)).catch(() => undefined);
    }
  }
}
