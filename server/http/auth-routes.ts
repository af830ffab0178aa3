import { CommandError } from '../../domain/command-error.js';
import { accountDeleteRequestSchema, loginRequestSchema, refreshTokenRequestSchema, registerRequestSchema } from '../../protocol/schemas/auth.js';
import type { AuthService } from '../identity/auth-service.js';
import { json } from './http-responses.js';
import { bearerToken } from './bearer-token.js';
import type { HttpHandler, Route } from './http-types.js';
import { parseJsonBody } from './json-body.js';

const localAccountsDisabled: HttpHandler = () =>
  Promise.reject(
    new CommandError('not_found', 'local accounts are disabled: this server trusts tokens from its identity provider (JWKS_URL)'),
  );

/**
 * `POST /v1/auth/register | login | refresh | logout`, and `DELETE /v1/account`. Without a JWT
 * secret (identity-provider mode) the `/v1/auth/*` routes answer `not_found`; accounts from the
 * identity provider can still be deleted (with a fresh token).
 */
export function authRoutes(auth: AuthService, canIssue: boolean): Route[] {
  const route = (path: string, handler: HttpHandler): Route => ({ method: 'POST', path, handler: canIssue ? handler : localAccountsDisabled });
  return [
    {
      method: 'DELETE',
      path: '/v1/account',
      handler: async (req) => {
        // The body is optional: a fresh token alone confirms.
        const body = req.body.byteLength === 0 ? {} : parseJsonBody(req, accountDeleteRequestSchema);
        await auth.deleteAccount({ accessToken: bearerToken(req), password: body.password }, req.clientAddress);
        return { status: 204 };
      },
    },
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
