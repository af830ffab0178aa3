import type { Server } from 'socket.io';
import type { HttpRequest, HttpResponse } from '../http/http-types.js';
import { STATUS_TEXT } from '../http/http-types.js';
import type { UwsModule } from './native-uws.js';
import { clientAddressOf, type Transport, type TransportOptions, type WireSocketProbe } from './transport.js';

/** A uWebSockets.js WebSocket: `close()` ends it at once (no close frame), unlike `end()`. */
interface UwsSocket {
  getBufferedAmount(): number;
  close(): void;
}

const uwsProbe: WireSocketProbe = {
  bufferedBytes: (raw) => (raw as UwsSocket).getBufferedAmount(),
  terminate: (raw) => (raw as UwsSocket).close(),
};

// uWS drops a frame sent past `maxBackpressure` (and keeps the socket open); the gateway closes a
// connection past `sendBufferBytes`, so the limit is set far enough above it that nothing is dropped.
const BACKPRESSURE_MARGIN_BYTES = 64 * 1024 * 1024;

type UwsApp = ReturnType<UwsModule['App']>;
type ListenSocket = Parameters<Parameters<UwsApp['listen']>[2]>[0];

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Socket.IO and the HTTP API on uWebSockets.js (the native binary), through `io.attachApp`. */
export class UwsTransport implements Transport {
  readonly name = 'uws';
  readonly probe = uwsProbe;
  private readonly app: UwsApp;
  private listenSocket: ListenSocket | null = null;

  constructor(
    private readonly uws: UwsModule,
    private readonly options: TransportOptions,
  ) {
    this.app = uws.App();
  }

  attach(io: Server): void {
    // Engine.IO passes `maxBackpressure` through to uWS's `app.ws()`, though Socket.IO's options type omits it.
    const engineOptions: Parameters<Server['attachApp']>[1] & { maxBackpressure: number } = {
      maxBackpressure: (this.options.sendBufferBytes ?? 1024 * 1024) + BACKPRESSURE_MARGIN_BYTES,
    };
    io.attachApp(this.app, engineOptions);
    // Registered after Socket.IO's own routes, which stay more specific than this catch-all.
    this.app.any('/*', (res, req) => {
      let aborted = false;
      res.onAborted(() => {
        aborted = true;
      });
      // The request object is only valid during this call: copy what we need now.
      const headers: Record<string, string> = {};
      req.forEach((key, value) => {
        headers[key] = value;
      });
      const method = req.getMethod().toUpperCase();
      const path = req.getUrl();
      const query = req.getQuery() ?? '';
      const peer = Buffer.from(res.getRemoteAddressAsText()).toString();
      const clientAddress = clientAddressOf(headers, peer, this.options.trustedProxies);
      const send = (response: HttpResponse, closeConnection = false) => {
        if (aborted) return;
        res.cork(() => {
          res.writeStatus(`${response.status} ${STATUS_TEXT[response.status] ?? ''}`.trim());
          for (const [key, value] of Object.entries(response.headers ?? {})) res.writeHeader(key, value);
          res.end(response.body ?? '', closeConnection);
        });
      };
      const handle = (body: Uint8Array) => {
        const request: HttpRequest = { method, path, query, headers, clientAddress, body };
        void this.options.http(request).then((response) => send(response));
      };
      const tooLarge = () =>
        send({ status: 413, headers: { 'content-type': 'application/json' }, body: '{"error":{"code":"invalid_payload","message":"body too large"}}' }, true);

      if (Number(headers['content-length'] ?? 0) > this.options.maxBodyBytes) return tooLarge();
      if (BODYLESS.has(method)) return handle(new Uint8Array(0));
      const chunks: Buffer[] = [];
      let size = 0;
      let refused = false;
      res.onData((chunk, isLast) => {
        if (refused) return;
        size += chunk.byteLength;
        if (size > this.options.maxBodyBytes) {
          refused = true;
          return tooLarge();
        }
        // uWS reuses the chunk's memory after this callback returns: copy it.
        chunks.push(Buffer.from(chunk.slice(0)));
        if (isLast) handle(Buffer.concat(chunks));
      });
    });
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.app.listen(host, port, (socket) => {
        if (!socket) return reject(new Error(`uWebSockets.js could not listen on ${host}:${port}`));
        this.listenSocket = socket;
        resolve(this.uws.us_socket_local_port(socket));
      });
    });
  }

  stopListening(): Promise<void> {
    if (this.listenSocket) this.uws.us_listen_socket_close(this.listenSocket);
    this.listenSocket = null;
    return Promise.resolve();
  }

  async close(): Promise<void> {
    await this.stopListening();
    // `close()` (ends every socket) exists on this binary but is missing from its typings.
    (this.app as UwsApp & { close(): void }).close();
  }
}
