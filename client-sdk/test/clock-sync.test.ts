import { describe, expect, it } from 'vitest';
import { ClockEstimator } from '../src/clock/clock-estimator.js';
import { ServerClock } from '../src/clock/clock.js';
import { seeded as mulberry32 } from '../../test-support/seeded-random.js';

/**
 * A simulated network and a device clock `trueOffset` ms behind the server. Each exchange takes
 * `out()` ms to reach the server and `back()` ms to return; virtual time advances by both, so the
 * estimator sees exactly what a device would, without waiting.
 */
function simulatedLink(trueOffset: number, out: () => number, back: () => number) {
  let local = 1_700_000_000_000;
  return {
    localNow: () => local,
    exchange: () => {
      local += out();
      const serverTime = local + trueOffset;
      local += back();
      return Promise.resolve(serverTime);
    },
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

async function offsetErrors(trials: number, shape: (random: () => number) => { out: () => number; back: () => number }, seed: number): Promise<number[]> {
  const random = mulberry32(seed);
  const errors: number[] = [];
  for (let i = 0; i < trials; i += 1) {
    const trueOffset = Math.round((random() - 0.5) * 600_000);
    const { out, back } = shape(random);
    const clock = new ServerClock({ ...simulatedLink(trueOffset, out, back) });
    await clock.sync();
    errors.push(Math.abs(clock.offset - trueOffset));
  }
  return errors;
}

describe('clock sync (NTP-style, fastest trips)', () => {
  it('50 ± 20 ms of jitter on each direction, independently: offset error ≤ 5 ms at p95', async () => {
    const errors = await offsetErrors(2000, (random) => ({ out: () => 50 + (random() * 40 - 20), back: () => 50 + (random() * 40 - 20) }), 1);
    const p50 = percentile(errors, 0.5);
    const p95 = percentile(errors, 0.95);
    console.info(`clock sync, symmetric 50±20 ms jitter, 16 exchanges: error p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${Math.max(...errors).toFixed(2)} ms (2000 trials)`);
    expect(p95).toBeLessThanOrEqual(5);
  });

  it('asymmetric jitter (uniform out, long-tailed back, same floor): offset error ≤ 5 ms at p95', async () => {
    const errors = await offsetErrors(
      2000,
      (random) => ({ out: () => 50 + (random() * 40 - 20), back: () => 30 + Math.min(40, -Math.log(1 - random()) * 15) }),
      2,
    );
    const p95 = percentile(errors, 0.95);
    console.info(`clock sync, asymmetric jitter (uniform out, exponential back): error p50 ${percentile(errors, 0.5).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
    expect(p95).toBeLessThanOrEqual(5);
  });

  it('beats the single lowest-round-trip sample (the plain NTP filter) under the same jitter', () => {
    const random = mulberry32(3);
    let ours = 0;
    let plain = 0;
    for (let i = 0; i < 1000; i += 1) {
      const estimator = new ClockEstimator();
      let best = { rtt: Infinity, offset: 0 };
      let t = 0;
      for (let k = 0; k < 16; k += 1) {
        const out = 50 + (random() * 40 - 20);
        const back = 50 + (random() * 40 - 20);
        const sample = { sentAt: t, serverTime: t + out + 1000, receivedAt: t + out + back };
        t += out + back;
        estimator.add(sample);
        if (out + back < best.rtt) best = { rtt: out + back, offset: sample.serverTime - (sample.sentAt + sample.receivedAt) / 2 };
      }
      ours += Math.abs((estimator.estimate(t)?.offset ?? 0) - 1000);
      plain += Math.abs(best.offset - 1000);
    }
    expect(ours).toBeLessThan(plain);
  });

  it('reports a hard error bound of half the fastest round trip, and keeps improving across syncs', async () => {
    const random = mulberry32(4);
    const link = simulatedLink(12_345, () => 40 + random() * 10, () => 40 + random() * 10);
    const clock = new ServerClock({ ...link, samplesPerSync: 4 });
    expect(clock.synced).toBe(false);
    expect(clock.uncertaintyMs).toBe(Infinity);
    await clock.sync();
    const first = Math.abs(clock.offset - 12_345);
    expect(first).toBeLessThanOrEqual(clock.uncertaintyMs);
    expect(clock.uncertaintyMs).toBeGreaterThanOrEqual(40);
    expect(clock.uncertaintyMs).toBeLessThanOrEqual(50);
    for (let i = 0; i < 5; i += 1) await clock.sync();
    expect(Math.abs(clock.offset - 12_345)).toBeLessThanOrEqual(Math.max(first, 1));
    expect(clock.now() - link.localNow()).toBeCloseTo(clock.offset, 2);
  });

  it('skips failed exchanges, gives up after three, and keeps the last estimate', async () => {
    let calls = 0;
    let local = 0;
    const clock = new ServerClock({
      localNow: () => local,
      exchange: () => {
        calls += 1;
        if (calls > 2) return Promise.reject(new Error('offline'));
        local += 5;
        const serverTime = local + 500;
        local += 5;
        return Promise.resolve(serverTime);
      },
    });
    await clock.sync();
    expect(clock.offset).toBe(500);
    expect(calls).toBe(5);
    await clock.sync();
    expect(clock.offset).toBe(500);
  });

  it('drops samples older than its window, so a drifted clock is not trusted forever', () => {
    const estimator = new ClockEstimator({ maxAgeMs: 1000 });
    estimator.add({ sentAt: 0, serverTime: 100, receivedAt: 10 });
    expect(estimator.estimate(500)?.samples).toBe(1);
    expect(estimator.estimate(5000)).toBeNull();
  });
});
