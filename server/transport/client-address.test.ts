import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './transport.js';

describe('clientAddressOf', () => {
  const xff = (value: string) => ({ 'x-forwarded-for': value });

  it('is the peer without trusted proxies, whatever the header says', () => {
    expect(clientAddressOf(xff('1.1.1.1'), '127.0.0.1', 0)).toBe('127.0.0.1');
  });

  it('is the rightmost hop behind one proxy, and the n-th from the right behind n', () => {
    expect(clientAddressOf(xff('6.6.6.6, 2.2.2.2'), '127.0.0.1', 1)).toBe('2.2.2.2');
    expect(clientAddressOf(xff('6.6.6.6, 2.2.2.2, 10.0.0.1'), '127.0.0.1', 2)).toBe('2.2.2.2');
    expect(clientAddressOf(xff(' 2.2.2.2 ,, '), '127.0.0.1', 1)).toBe('2.2.2.2');
  });

  it('falls back to the leftmost hop when there are fewer hops than proxies, and to the peer without a header', () => {
    expect(clientAddressOf(xff('2.2.2.2'), '127.0.0.1', 3)).toBe('2.2.2.2');
    expect(clientAddressOf({}, '127.0.0.1', 1)).toBe('127.0.0.1');
    expect(clientAddressOf(xff(' , '), '127.0.0.1', 1)).toBe('127.0.0.1');
  });
});
