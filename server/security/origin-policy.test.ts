import { describe, expect, it } from 'vitest';
import { isOriginAllowed } from './origin-policy.js';

describe('origin policy', () => {
  const list = { kind: 'list' as const, origins: new Set(['https://app.hugmood.example']) };

  it('allows requests without an Origin (non-browser clients)', () => {
    expect(isOriginAllowed(undefined, list)).toBe(true);
  });

  it('matches the list exactly, with no suffix or scheme tricks', () => {
    expect(isOriginAllowed('https://app.hugmood.example', list)).toBe(true);
    expect(isOriginAllowed('https://app.hugmood.example.evil.com', list)).toBe(false);
    expect(isOriginAllowed('https://evil-app.hugmood.example', list)).toBe(false);
    expect(isOriginAllowed('http://app.hugmood.example', list)).toBe(false);
    expect(isOriginAllowed('https://app.hugmood.example:8443', list)).toBe(false);
    expect(isOriginAllowed('null', list)).toBe(false);
  });

  it('allows only localhost by default in development', () => {
    const dev = { kind: 'localhost' as const };
    expect(isOriginAllowed('http://localhost:5173', dev)).toBe(true);
    expect(isOriginAllowed('http://127.0.0.1:3000', dev)).toBe(true);
    expect(isOriginAllowed('http://localhost.evil.com', dev)).toBe(false);
    expect(isOriginAllowed('https://example.com', dev)).toBe(false);
    expect(isOriginAllowed('null', dev)).toBe(false);
    expect(isOriginAllowed('file://localhost', dev)).toBe(false);
  });
});
