import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../protocol/errors.js';
import { errorFromProtocol, ForbiddenError, HugMoodError, RateLimitedError } from '../src/errors.js';

describe('typed errors', () => {
  it('maps every catalogued code to its own class, carrying details and retryAfterMs', () => {
    const names = new Set<string>();
    for (const code of ERROR_CODES) {
      const error = errorFromProtocol({ code, message: `m ${code}`, details: { field: 'x' }, retryAfterMs: 5 });
      expect(error).toBeInstanceOf(HugMoodError);
      expect(error).toMatchObject({ code, message: `m ${code}`, details: { field: 'x' }, retryAfterMs: 5 });
      names.add(error.name);
    }
    expect(names.size).toBe(ERROR_CODES.length);
    expect(errorFromProtocol({ code: 'rate_limited', message: 'slow' })).toBeInstanceOf(RateLimitedError);
    expect(errorFromProtocol({ code: 'forbidden', message: 'no' })).toBeInstanceOf(ForbiddenError);
  });

  it('says which errors are temporary', () => {
    expect(errorFromProtocol({ code: 'rate_limited', message: '' }).temporary).toBe(true);
    expect(errorFromProtocol({ code: 'forbidden', message: '' }).temporary).toBe(false);
  });
});
