import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEngine, ensureInstalled, type LoadTarget, prepareTarget, runArtillery, scenarioPath } from './run.js';

interface Report {
  readonly aggregate: {
    readonly counters: Readonly<Record<string, number>>;
    readonly summaries: Readonly<Record<string, { readonly count: number; readonly p99: number }>>;
  };
}

/**
 * One 20-second run of scenarios/smoke.yml through artillery 2.0.21 and the `hugmood` engine,
 * against a real server seeded the way `npm run load` seeds it. (Installs load-tests/artillery's
 * own packages on first use, as `npm run load` does: about a minute and 600 MB.)
 */
describe('the artillery engine, in a 20-second smoke run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hugmood-artillery-'));
  const scenario = scenarioPath('smoke');
  let target: LoadTarget;
  let code: number;
  let report: Report;

  beforeAll(async () => {
    ensureInstalled();
    await bundleEngine();
    target = await prepareTarget(scenario);
    code = await runArtillery(scenario, target, join(dir, 'report.json'));
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
  }, 300_000);

  afterAll(async () => {
    await target?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes its ensure thresholds, and every virtual user completes', () => {
    expect(code).toBe(0);
    const { counters } = report.aggregate;
    expect(counters['vusers.created']).toBe(20);
    expect(counters['vusers.completed']).toBe(20);
    expect(counters['vusers.failed'] ?? 0).toBe(0);
  });

  it('counts no refusal and no error of any kind', () => {
    expect(Object.keys(report.aggregate.counters).filter((name) => name.startsWith('errors.'))).toEqual([]);
  });

  it('times every command it sent, per command', () => {
    const { summaries } = report.aggregate;
    expect(summaries['hugmood.latency.hug:send']?.count).toBe(20 * 6);
    expect(summaries['hugmood.latency.presence:set']?.count).toBe(20 * 2);
    for (const command of ['presence:watch', 'mood:friends', 'mood:record']) expect(summaries[`hugmood.latency.${command}`]?.count, command).toBe(20);
    expect(summaries['hugmood.connect_time']?.count).toBe(20);
  });

  it('delivers every hug once: the 20 users are 10 pairs of friends, each sending 6', () => {
    const { counters, summaries } = report.aggregate;
    expect((counters['hugmood.hugs.received_live'] ?? 0) + (counters['hugmood.hugs.received_by_sync'] ?? 0)).toBe(20 * 6);
    expect(summaries['hugmood.delivery.hug']?.count).toBe(counters['hugmood.hugs.received_live']);
    expect(counters['hugmood.hugs.received_live']).toBeGreaterThan(20 * 6 * 0.8);
  });

  it('hears friends\' presence and moods, and refreshes every 30-second token mid-run', () => {
    const { counters, summaries } = report.aggregate;
    expect(counters['hugmood.presence.updates']).toBeGreaterThan(0);
    expect(summaries['hugmood.delivery.mood']?.count).toBeGreaterThan(0);
    expect(counters['hugmood.token_refreshes']).toBeGreaterThanOrEqual(20);
  });
});
