import { describe, expect, it } from 'vitest';
import { parseMonitorLine } from './redis-counts.js';

describe('MONITOR lines', () => {
  it('reads the command, its first argument and whether a script ran it, binary arguments included', () => {
    expect(parseMonitorLine('+1796092578.806991 [0 127.0.0.1:54800] "spublish" "hm:sio#/#presence:u1#" "\\xde\\x00\\x04\\xa4type\\"quoted\\" \\\\ end"')).toMatchObject({
      command: 'spublish',
      second: 'hm:sio#/#presence:u1#',
      fromScript: false,
    });
    expect(parseMonitorLine('+1796092578.806991 [0 127.0.0.1:54800] "ping"')?.atMs).toBeCloseTo(1796092578806.991, 1);
    expect(parseMonitorLine('+1796092578.807001 [0 lua] "SET" "hm:step:hug:h_1" "fp" "NX" "GET" "PX" "60000"')).toMatchObject({ command: 'set', second: 'hm:step:hug:h_1', fromScript: true });
    expect(parseMonitorLine('+1796092578.807001 [0 127.0.0.1:1] "evalsha" "0123abcd" "3"')).toMatchObject({ command: 'evalsha', second: '0123abcd' });
    expect(parseMonitorLine('+OK')).toBeNull();
  });
});
