import type { ProtocolError } from '../../protocol/errors.js';

/** One message between two nodes: a request, or the answer to one (matched by `id`). */
export type NodeMessage =
  | { readonly kind: 'request'; readonly id: string; readonly from: string; readonly method: string; readonly body: unknown }
  | { readonly kind: 'response'; readonly id: string; readonly from: string; readonly ok: true; readonly body: unknown }
  | { readonly kind: 'response'; readonly id: string; readonly from: string; readonly ok: false; readonly error: ProtocolError };

/**
 * How messages reach one node: in memory, or Redis pub/sub on a channel per node (so a message
 * reaches its node only, never every node). Delivery is at-most-once and unordered; request ids,
 * timeouts and errors live in `NodeRequests`, never in a transport.
 */
export interface NodeTransport {
  readonly nodeId: string;
  /** Sends `message` to node `to`; resolves once handed to the transport, not when received. */
  publish(to: string, message: NodeMessage): Promise<void>;
  /** Starts delivering this node's messages to `onMessage`. */
  listen(onMessage: (message: NodeMessage) => void): Promise<void>;
  close(): Promise<void>;
}
