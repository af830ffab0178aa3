import { describe, expect, it } from 'vitest';
import { CommandError } from '../../domain/command-error.js';
import { createRouter } from './http-router.js';
import { json } from './http-responses.js';
import type { HttpRequest } from './http-types.js';

const request = (overrides: Partial<HttpRequest>): HttpRequest => ({
  method: 'GET',
  path: '/',
  query: '',
  headers: {},
  clientAddress: '127.0.0.1',
  body: new Uint8Array(),
  ...overrides,
});

describe('http router', () => {
  const unexpected: unknown[] = [];
  const router = createRouter(
    [
      { method: 'GET', path: '/ok', handler: () => Promise.resolve(json(200, { fine: true })) },
      { method: 'POST', path: '/refuse', handler: () => Promise.reject(new CommandError('rate_limited', 'slow down', undefined, 2500)) },
      { method: 'POST', path: '/crash', handler: () => Promise.reject(new Error('secret internals')) },
    ],
    { kind: 'list', origins: new Set(['https://app.example']) },
    (error) => unexpected.push(error),
  );

  it('routes exactly, with 404 and 405', async () => {
    expect((await router(request({ path: '/ok' }))).status).toBe(200);
    expect((await router(request({ path: '/ok/' }))).status).toBe(404);
    const wrongMethod = await router(request({ method: 'POST', path: '/ok' }));
    expect(wrongMethod).toMatchObject({ status: 405, headers: { allow: 'GET' } });
  });

  it('turns catalogued errors into their status with Retry-After, and hides unexpected ones', async () => {
    const limited = await router(request({ method: 'POST', path: '/refuse' }));
    expect(limited.status).toBe(429);
    expect(limited.headers?.['retry-after']).toBe('3');
    expect(JSON.parse(String(limited.body))).toEqual({ error: { code: 'rate_limited', message: 'slow down', retryAfterMs: 2500 } });
    const crashed = await router(request({ method: 'POST', path: '/crash' }));
    expect(crashed.status).toBe(500);
    expect(String(crashed.body)).not.toContain('secret internals');
    expect(unexpected).toHaveLength(1);
  });

  it('adds CORS headers for allowed origins and refuses the others', async () => {
    const allowed = await router(request({ path: '/ok', headers: { origin: 'https://app.example' } }));
    expect(allowed.headers?.['access-control-allow-origin']).toBe('https://app.example');
    const refused = await router(request({ path: '/ok', headers: { origin: 'https://app.example.evil' } }));
    expect(refused.status).toBe(403);
  });
});
