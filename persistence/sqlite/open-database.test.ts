import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.js';

describe('openDatabase', () => {
  it('hands out one statement per SQL text, and runs pragmas that answer and pragmas that do not', () => {
    const db = openDatabase(':memory:');
    expect(db.prepare('SELECT 1 AS one')).toBe(db.prepare('SELECT 1 AS one'));
    expect(db.prepare('SELECT 1 AS one')).not.toBe(db.prepare('SELECT 2 AS two'));
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.pragma('user_version = 7')).toEqual([]);
    expect(db.pragma('user_version')).toEqual([{ user_version: 7 }]);
    db.close();
  });

  it('refuses to share a statement one caller switched to pluck mode, naming its SQL', () => {
    const db = openDatabase(':memory:');
    const plucked = db.prepare<[], number>('SELECT 42').pluck();
    expect(plucked.get()).toBe(42);
    expect(() => db.prepare('SELECT 42')).toThrow(/"SELECT 42" is shared by several prepares, and one switched its mode/);
    db.prepare('SELECT 43');
    expect(() => db.prepare('SELECT 43').raw()).toThrow(/"SELECT 43"/);
    db.close();
  });

  it('keeps statements from the garbage collector: stores opened, used and closed, then collected, do not abort the process (better-sqlite3 12 on Node 24)', () => {
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, '../../test-support/sqlite-gc-churn.ts')], { encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, signal: run.signal, stderr: run.stderr.slice(0, 500) }).toEqual({ status: 0, signal: null, stderr: '' });
    expect(run.stdout).toContain('survived');
  }, 90_000);
});
