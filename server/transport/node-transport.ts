import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { Server } from 'socket.io';
import type { HttpResponse } from '../http/http-types.js';
import type { WebSocket } from 'ws';
import { clientAddressOf, type Transport, type TransportOptions, type WireSocketProbe } from './transport.js';

/** The `ws` WebSocket under a connection: `bufferedAmount` counts what the kernel has not taken yet. */
const wsProbe: WireSocketProbe = {
  bufferedBytes: (raw) => (raw as WebSocket).bufferedAmount,
  terminate: (raw) => (raw as WebSocket).terminate(),
};

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function send(res: ServerResponse, response: HttpResponse): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(response.status, { ...response.headers });
  res.end(response.body ?? '');
}

/**
 * How long a connection may take to send a whole request (headers and body), including a
 * connection that sends nothing at all. uWebSockets.js closes such connections after about 10 s;
 * Node's defaults (60 s for headers, checked every 30 s) would keep them 40-65 s.
 */
export const HTTP_REQUEST_TIMEOUT_MS = 10_000;

/** Socket.IO (on the `ws` engine) and the HTTP API on Node's http server: the fallback transport. */
export class NodeTransport implements Transport {
  readonly name = 'node';
  readonly probe = wsProbe;
  private readonly server: HttpServer;

  constructor(private readonly options: TransportOptions) {
    this.server = createServer(
      { headersTimeout: HTTP_REQUEST_TIMEOUT_MS, requestTimeout: HTTP_REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1000 },
      (req, res) => this.onRequest(req, res),
    );
  }

  attach(io: Server): void {
    // Socket.IO wraps the request listener: its path goes to Engine.IO, the rest to onRequest.
    io.attach(this.server);
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  stopListening(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      // close() stops accepting at once; its callback waits for open connections, which Socket.IO ends.
      this.server.close(() => undefined);
      resolve();
    });
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return Promise.resolve();
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const headers = flatHeaders(req);
    const tooLarge = () => {
      send(res, { status: 413, headers: { 'content-type': 'application/json', connection: 'close' }, body: '{"error":{"code":"invalid_payload","message":"body too large"}}' });
      req.destroy();
    };
    if (Number(headers['content-length'] ?? 0) > this.options.maxBodyBytes) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.byteLength;
      if (size > this.options.maxBodyBytes) {
        refused = true;
        return tooLarge();
      }
      chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (refused) return;
      void this.options
        .http({
          method: (req.method ?? 'GET').toUpperCase(),
          path: (req.url ?? '/').split('?')[0] ?? '/',
          query: (req.url ?? '').split('?')[1] ?? '',
          headers,
          clientAddress: clientAddressOf(headers, req.socket.remoteAddress ?? 'unknown', this.options.trustedProxies),
          body: Buffer.concat(chunks),
        })
        .then((response) => send(res, response));
    });
  }
}
