import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandError } from '../../domain/command-error.js';
import type { LogPort } from '../log-port.js';
import { NodeRequests, NodeRequestTimeoutError } from './node-requests.js';
import type { NodeTransport } from './node-transport.js';

/** Opens the transports of several nodes that can reach each other, and silences one. */
export interface NodeTransportFactory {
  open(nodeIds: readonly string[]): Promise<NodeTransport[]>;
  /** Makes `nodeId` stop answering (dead, or cut off). */
  silence(nodeId: string): Promise<void>;
}

type TestMethods = {
  echo: { body: { text: string }; result: { text: string; by: string; from: string } };
  refuse: { body: Record<string, never>; result: never };
  crash: { body: Record<string, never>; result: never };
  slow: { body: { ms: number }; result: { waited: number } };
};

const quiet: LogPort = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** Request/response across nodes on each transport: answers, errors, timeouts, concurrency. */
export function runNodeRequestsContract(name: string, factory: NodeTransportFactory): void {
  describe(`node requests contract: ${name}`, () => {
    const opened: NodeRequests<TestMethods>[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((n) => n.close()));
    });

    async function nodes(count: number) {
      const ids = Array.from({ length: count }, (_, i) => `n${i}-${randomUUID().slice(0, 8)}`);
      const transports = await factory.open(ids);
      const all = transports.map((t) => {
        const node = new NodeRequests<TestMethods>(t, quiet);
        node.handle('echo', ({ text }, from) => Promise.resolve({ text, by: node.nodeId, from }));
        node.handle('refuse', () => Promise.reject(new CommandError('forbidden', 'not you', { reason: 'test' })));
        node.handle('crash', () => Promise.reject(new Error('boom')));
        node.handle('slow', async ({ ms }) => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          return { waited: ms };
        });
        opened.push(node);
        return node;
      });
      await Promise.all(all.map((n) => n.start()));
      return all;
    }

    it('answers a request on the node it names, and tells the handler who asked', async () => {
      const [a, b] = await nodes(2);
      if (!a || !b) throw new Error('nodes');
      expect(await a.request(b.nodeId, 'echo', { text: 'hi' }, 2000)).toEqual({ text: 'hi', by: b.nodeId, from: a.nodeId });
      expect(await a.request(a.nodeId, 'echo', { text: 'self' }, 2000)).toEqual({ text: 'self', by: a.nodeId, from: a.nodeId });
    });

    it('carries a refusal back as the same CommandError, and a crash as internal', async () => {
      const [a, b] = await nodes(2);
      if (!a || !b) throw new Error('nodes');
      await expect(a.request(b.nodeId, 'refuse', {}, 2000)).rejects.toMatchObject({ name: 'CommandError', code: 'forbidden', details: { reason: 'test' } });
      await expect(a.request(b.nodeId, 'crash', {}, 2000)).rejects.toMatchObject({ code: 'internal' });
    });

    it('matches many concurrent answers to their requests, across several nodes', async () => {
      const [a, b, c] = await nodes(3);
      if (!a || !b || !c) throw new Error('nodes');
      const calls = Array.from({ length: 200 }, (_, i) => a.request(i % 2 ? b.nodeId : c.nodeId, 'echo', { text: `m${i}` }, 5000));
      const answers = await Promise.all(calls);
      answers.forEach((answer, i) => expect(answer).toEqual({ text: `m${i}`, by: i % 2 ? b.nodeId : c.nodeId, from: a.nodeId }));
    });

    it('times out on a silent node within its bound, and a late answer is dropped', async () => {
      const [a, b] = await nodes(2);
      if (!a || !b) throw new Error('nodes');
      const started = Date.now();
      await expect(a.request(b.nodeId, 'slow', { ms: 400 }, 100)).rejects.toBeInstanceOf(NodeRequestTimeoutError);
      expect(Date.now() - started).toBeLessThan(1000);
      await factory.silence(b.nodeId);
      await expect(a.request(b.nodeId, 'echo', { text: 'anyone?' }, 150)).rejects.toMatchObject({ name: 'NodeRequestTimeoutError', to: b.nodeId });
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
  });
}
