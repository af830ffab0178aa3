import { describe, expect, it } from 'vitest';
import { checkPushEndpoint } from './push-endpoint-policy.js';

const production = { allowLoopback: false };
const development = { allowLoopback: true };

describe('push endpoint policy', () => {
  it('takes the push services\' https endpoints', () => {
    for (const url of ['https://fcm.googleapis.com/fcm/send/abc', 'https://updates.push.services.mozilla.com/wpush/v2/x', 'https://web.push.apple.com/QH', 'https://8.8.8.8/push']) {
      expect(checkPushEndpoint(url, production), url).toBeNull();
    }
  });

  it('refuses plain http, credentials, and anything on a loopback or private address in production', () => {
    expect(checkPushEndpoint('http://push.example.net/x', production)).toBe('not_https');
    expect(checkPushEndpoint('ftp://push.example.net/x', production)).toBe('not_https');
    expect(checkPushEndpoint('nonsense', production)).toBe('not_https');
    expect(checkPushEndpoint('https://user:pass@push.example.net/x', production)).toBe('credentials');
    for (const url of ['https://localhost/x', 'https://127.0.0.1/x', 'https://10.1.2.3/x', 'https://172.20.0.1/x', 'https://192.168.1.1/x', 'https://169.254.169.254/latest/meta-data', 'https://100.64.0.1/x', 'https://0.0.0.0/x', 'https://[::1]/x', 'https://[fd00::1]/x', 'https://[fe80::1]/x', 'https://[::ffff:127.0.0.1]/x']) {
      expect(checkPushEndpoint(url, production), url).toBe('private_address');
    }
  });

  it('lets development push to a local push service on loopback, http included, and still nowhere else private', () => {
    expect(checkPushEndpoint('http://127.0.0.1:4100/push/1', development)).toBeNull();
    expect(checkPushEndpoint('http://localhost:4100/push/1', development)).toBeNull();
    expect(checkPushEndpoint('http://10.0.0.5/push', development)).toBe('not_https');
    expect(checkPushEndpoint('https://169.254.169.254/x', development)).toBe('private_address');
  });
});
