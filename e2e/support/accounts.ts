import type { TokenPair } from '../../protocol/schemas/auth.js';

let counter = 0;

/** A username no other test uses. */
export function uniqueUsername(prefix = 'user'): string {
  counter += 1;
  return `${prefix}_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 6)}`.slice(0, 32);
}

/** POSTs JSON to the server and returns status and parsed body. */
export async function postJson(url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, headers: response.headers };
}

/** A registered account and its live tokens. */
export interface Account {
  readonly username: string;
  readonly password: string;
  readonly userId: string;
  tokens: TokenPair;
}

/** Registers a fresh account through `POST /v1/auth/register`. */
export async function register(url: string, prefix = 'user'): Promise<Account> {
  const username = uniqueUsername(prefix);
  const password = 'a long enough password';
  const res = await postJson(url, '/v1/auth/register', { username, password });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  const tokens = res.body as TokenPair;
  return { username, password, userId: tokens.userId, tokens };
}

/** Logs in again and returns a new token pair. */
export async function login(url: string, account: Account): Promise<TokenPair> {
  const res = await postJson(url, '/v1/auth/login', { username: account.username, password: account.password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as TokenPair;
}
