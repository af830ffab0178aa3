import { describe, expect, it } from 'vitest';
import { type ConnectionEvent, type ConnectionState, nextState } from '../src/connection/connection-state.js';

describe('connection state machine', () => {
  it('follows disconnected → connecting → connected ⇄ reconnecting → closed', () => {
    const path: [ConnectionEvent, ConnectionState][] = [
      ['start', 'connecting'],
      ['failed', 'reconnecting'],
      ['failed', 'reconnecting'],
      ['opened', 'connected'],
      ['lost', 'reconnecting'],
      ['opened', 'connected'],
      ['close', 'closed'],
    ];
    let state: ConnectionState = 'disconnected';
    for (const [event, expected] of path) {
      const next = nextState(state, event);
      expect(next, `${state} --${event}-->`).toBe(expected);
      state = next as ConnectionState;
    }
  });

  it('stops on fatal errors from every live state, and closed is final', () => {
    for (const state of ['disconnected', 'connecting', 'connected', 'reconnecting'] as const) expect(nextState(state, 'fatal')).toBe('closed');
    for (const event of ['start', 'opened', 'failed', 'lost', 'fatal', 'close'] as const) expect(nextState('closed', event)).toBeNull();
  });

  it('ignores events that do not apply', () => {
    expect(nextState('connected', 'opened')).toBeNull();
    expect(nextState('disconnected', 'lost')).toBeNull();
    expect(nextState('connecting', 'lost')).toBeNull();
  });
});
