import { z } from 'zod';
import { deviceIdSchema, deviceKindSchema } from '../ids.js';
import type { HandshakeAuth } from '../types/auth.js';
import { assertSameShape } from './same-shape.js';
import { lineOfText } from './text.js';

/** Login name: 3-32 of a-z 0-9 _ . , case-insensitive (stored lower-case). */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(32)
  .regex(/^[a-z0-9_.]+$/, 'must be 3-32 characters of a-z, 0-9, _ and .');

/** Passwords: 8-256 characters; hashed with scrypt, never stored or logged. */
export const passwordSchema = z.string().min(8).max(256);

/** `POST /v1/auth/register` body. */
export const registerRequestSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  displayName: lineOfText(1, 64).optional(),
});

/** `POST /v1/auth/login` body. */
export const loginRequestSchema = z.object({
  username: usernameSchema,
  password: z.string().min(1).max(256),
});

/** `POST /v1/auth/refresh` and `POST /v1/auth/logout` body. */
export const refreshTokenRequestSchema = z.object({
  refreshToken: z.string().min(1).max(512),
});

/**
 * `DELETE /v1/account` body (optional): the password, which confirms a deletion asked with an
 * access token that is not fresh. Accounts without a password (from an identity provider) confirm
 * with a fresh token instead.
 */
export const accountDeleteRequestSchema = z.object({
  password: z.string().min(1).max(256).optional(),
});

/** The Socket.IO handshake `auth` object. */
export const handshakeAuthSchema = z.object({
  token: z.string().min(1).max(8192),
  /** Protocol version (see `PROTOCOL_VERSION`). */
  v: z.number().int(),
  deviceId: deviceIdSchema.optional(),
  deviceKind: deviceKindSchema.optional(),
});

assertSameShape<z.input<typeof handshakeAuthSchema>, HandshakeAuth>(true);

/** `auth:refresh`: replace the socket's access token before it expires. */
export const authRefreshSchema = z.object({
  token: z.string().min(1).max(8192),
});

export type { AuthRefreshResult, HandshakeAuth, TokenPair } from '../types/auth.js';
