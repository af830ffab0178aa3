import type { NodeMessage, NodeTransport } from './node-transport.js';

/**
 * Nodes in one process (the embedded shape has one; tests run several). `unplug` makes a node
 * deaf and mute, like a process that died without a word.
 */
export class MemoryNodeHub {
  private readonly inboxes = new Map<string, (message: NodeMessage) => void>();
  private readonly unplugged = new Set<string>();

  /** The transport of node `nodeId`. */
  transport(nodeId: string): NodeTransport {
    return {
      nodeId,
      publish: (to, message) => {
        const deliver = this.inboxes.get(to);
        if (deliver && !this.unplugged.has(to) && !this.unplugged.has(nodeId)) {
          // Asynchronous, as on a network: a handler never runs inside its caller's stack.
          setImmediate(() => deliver(structuredClone(message)));
        }
        return Promise.resolve();
      },
      listen: (onMessage) => {
        this.inboxes.set(nodeId, onMessage);
        return Promise.resolve();
      },
      close: () => {
        this.inboxes.delete(nodeId);
        return Promise.resolve();
      },
    };
  }

  /** Cuts `nodeId` off: what it sends is lost, and nothing reaches it. */
  unplug(nodeId: string): void {
    this.unplugged.add(nodeId);
  }
}
