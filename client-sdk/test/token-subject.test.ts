import { describe, expect, it } from 'vitest';
import { tokenSubject } from '../src/auth/token-subject.js';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('tokenSubject', () => {
  it("reads a JWT's sub, UTF-8 included, without checking the signature", () => {
    expect(tokenSubject(`${encode({ alg: 'HS256' })}.${encode({ sub: 'u_12AB-x', exp: 1 })}.sig`)).toBe('u_12AB-x');
    expect(tokenSubject(`h.${encode({ sub: 'zoë→🙂' })}.s`)).toBe('zoë→🙂');
  });

  it('answers null for anything that is not a JWT with a string sub', () => {
    for (const token of ['', 'opaque-token', 'a.!!!.c', `a.${encode({ sub: 42 })}.c`, `a.${encode({ sub: '' })}.c`, `a.${Buffer.from('not json').toString('base64url')}.c`]) {
      expect(tokenSubject(token), token).toBeNull();
    }
  });
});
