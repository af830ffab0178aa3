import { CommandError } from '../../domain/command-error.js';
import { loginRequestSchema, refreshTokenRequestSchema, registerRequestSchema } from '../../protocol/schemas/auth.js';
import type { AuthService } from '../identity/auth-service.js';
import { json } from './http-responses.js';
import type { HttpHandler, Route } from './http-types.js';
import { parseJsonBody } from './json-body.js';

const localAccountsDisabled: HttpHandler = () =>
  Promise.reject(
    new CommandError('not_found', 'local accounts are disabled: this server trusts tokens from its identity provider (JWKS_URL)'),
  );

/**
 * `POST /v1/auth/register | login | refresh | logout`. Without a JWT secret (identity-provider
 * mode) the routes answer `not_found`.
 */
export function authRoutes(auth: AuthService, canIssue: boolean): Route[] {
  const route = (path: string, handler: HttpHandler): Route => ({ method: 'POST', path, handler: canIssue ? handler : localAccountsDisabled });
  return [
    route('/v1/auth/register', async (req) => json(201, await auth.register(parseJsonBody(req, registerRequestSchema), req.clientAddress))),
    route('/v1/auth/login', async (req) => json(200, await auth.login(parseJsonBody(req, loginRequestSchema), req.clientAddress))),
    route('/v1/auth/refresh', async (req) =>
      json(200, await auth.refresh(parseJsonBody(req, refreshTokenRequestSchema).refreshToken, req.clientAddress)),
    ),
    route('/v1/auth/logout', async (req) => {
      await auth.logout(parseJsonBody(req, refreshTokenRequestSchema).refreshToken);
      return { status: 204 };
    }),
  ];
}
