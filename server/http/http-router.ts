import type { OriginAllowlist } from '../config/config.js';
import { isOriginAllowed } from '../security/origin-policy.js';
import { errorResponse, responseForThrown } from './http-responses.js';
import type { HttpHandler, HttpRequest, HttpResponse, Route } from './http-types.js';

/** What the router reports about requests that failed unexpectedly. */
export type UnexpectedErrorReporter = (error: unknown, request: HttpRequest) => void;

function withCors(response: HttpResponse, origin: string | undefined): HttpResponse {
  if (!origin) return response;
  return { ...response, headers: { ...response.headers, 'access-control-allow-origin': origin, vary: 'Origin' } };
}

/**
 * The HTTP API as one handler, written once for every transport: exact-path routing, 404 and 405,
 * CORS for allowed browser Origins (others are refused with 403), and errors as catalogued JSON.
 */
export function createRouter(routes: readonly Route[], allowlist: OriginAllowlist, report: UnexpectedErrorReporter): HttpHandler {
  const byPath = new Map<string, Map<string, HttpHandler>>();
  for (const route of routes) {
    const methods = byPath.get(route.path) ?? new Map<string, HttpHandler>();
    methods.set(route.method, route.handler);
    byPath.set(route.path, methods);
  }
  return async (request) => {
    const origin = request.headers['origin'];
    if (!isOriginAllowed(origin, allowlist)) {
      return errorResponse({ code: 'forbidden', message: 'this Origin is not allowed', details: { reason: 'origin' } });
    }
    const methods = byPath.get(request.path);
    if (!methods) return withCors(errorResponse({ code: 'not_found', message: `no route ${request.path}` }), origin);
    if (request.method === 'OPTIONS') {
      return withCors(
        {
          status: 204,
          headers: {
            'access-control-allow-methods': [...methods.keys()].join(', '),
            'access-control-allow-headers': 'content-type, authorization',
            'access-control-max-age': '600',
          },
        },
        origin,
      );
    }
    const handler = methods.get(request.method);
    if (!handler) {
      return withCors({ status: 405, headers: { allow: [...methods.keys()].join(', ') }, body: '' }, origin);
    }
    try {
      return withCors(await handler(request), origin);
    } catch (error) {
      const { response, unexpected } = responseForThrown(error);
      if (unexpected) report(error, request);
      return withCors(response, origin);
    }
  };
}
