/** An HTTP request, independent of the transport that received it. The body is fully read. */
export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  /** The query string after `?`, undecoded (empty without one). */
  readonly query: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The peer address, or the `X-Forwarded-For` hop the trusted proxy appended (`TRUST_PROXY`). */
  readonly clientAddress: string;
  readonly body: Uint8Array;
}

/** An HTTP response, independent of the transport that sends it. */
export interface HttpResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/** Answers one request. Never rejects: failures become error responses inside. */
export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse>;

/** One route of the HTTP API. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly handler: HttpHandler;
}

/** Reason phrases for the statuses this server sends (uWS needs the full status line). */
export const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
