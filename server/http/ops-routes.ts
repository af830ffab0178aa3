import type { Registry } from 'prom-client';
import { json } from './http-responses.js';
import type { Route } from './http-types.js';

/** What the operational routes read. */
export interface OpsRouteDeps {
  readonly nodeId: string;
  /** Resolves when every dependency (the store) answers. */
  readonly checkReady: () => Promise<void>;
  /** True once shutdown began: the node stops reporting ready so balancers drain it. */
  readonly isShuttingDown: () => boolean;
}

/** `GET /healthz` (the process is alive) and `GET /readyz` (it can serve), for load balancers. */
export function opsRoutes(deps: OpsRouteDeps): Route[] {
  return [
    { method: 'GET', path: '/healthz', handler: () => Promise.resolve(json(200, { status: 'ok', nodeId: deps.nodeId })) },
    {
      method: 'GET',
      path: '/readyz',
      handler: async () => {
        if (deps.isShuttingDown()) return json(503, { status: 'shutting_down', nodeId: deps.nodeId });
        try {
          await deps.checkReady();
          return json(200, { status: 'ready', nodeId: deps.nodeId });
        } catch (error) {
          return json(503, { status: 'unavailable', nodeId: deps.nodeId, reason: error instanceof Error ? error.message : 'unknown' });
        }
      },
    },
  ];
}

/**
 * `GET /metrics` in Prometheus format. Served on a listener of its own (`METRICS_PORT`), never on
 * the public one: it tells whoever reads it how busy each node is and which commands fail.
 */
export function metricsRoute(registry: Registry): Route {
  return {
    method: 'GET',
    path: '/metrics',
    handler: async () => ({ status: 200, headers: { 'content-type': registry.contentType }, body: await registry.metrics() }),
  };
}
