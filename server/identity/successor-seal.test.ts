import { describe, expect, it } from 'vitest';
import { newRefreshToken } from './refresh-tokens.js';
import { openSuccessor, sealSuccessor } from './successor-seal.js';

const pair = { userId: 'u', accessToken: 'a.b.c', accessTokenExpiresAt: 1, refreshToken: 'rt_next', refreshTokenExpiresAt: 2 };

describe('refresh-token successor seal', () => {
  it('opens with the token it was sealed for, and with no other', () => {
    const token = newRefreshToken();
    const sealed = sealSuccessor(pair, token);
    expect(sealed).not.toContain('rt_next');
    expect(openSuccessor(sealed, token)).toEqual(pair);
    expect(openSuccessor(sealed, newRefreshToken())).toBeNull();
    expect(openSuccessor(`${sealed.slice(0, -4)}AAAA`, token)).toBeNull();
    expect(openSuccessor('garbage', token)).toBeNull();
  });
});
