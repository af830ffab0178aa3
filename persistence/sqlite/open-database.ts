import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';

/**
 * Every connection and statement ever opened by this process. better-sqlite3 12 on Node 24 aborts
 * the process (`Assertion failed: (env) != nullptr` in `node::RemoveEnvironmentCleanupHook`) when
 * the garbage collector destroys a Statement, at random (WiseLibs/better-sqlite3#1515, closed
 * without a fix; 13.x needs Node 22 and crashes on 20). Nothing here is ever collected, so that
 * destructor never runs during the process's life; at exit Node's own cleanup finalizes them.
 */
const retained = new Set<object>();

interface Shared {
  readonly statement: Statement;
  /** Prepared more than once: every caller holds the same statement. */
  shared: boolean;
  /** Switched to pluck, raw or expand mode. */
  moded: boolean;
}

/**
 * Opens a SQLite connection whose statements are never garbage collected (see above). So that a
 * statement prepared on every call does not pile up, `prepare` hands out one statement per SQL
 * text: a second prepare of the same text gets the first's. A statement switched to `pluck`,
 * `raw` or `expand` mode must have SQL of its own (it changes the statement for every holder):
 * sharing one in both ways throws, naming the SQL. Tests that look into a file open it here too.
 */
export function openDatabase(file: string, options?: BetterSqlite3.Options): Database {
  const db = new BetterSqlite3(file, options);
  retained.add(db);
  const statements = new Map<string, Shared>();
  const prepare = db.prepare.bind(db);
  const conflict = (sql: string) => new Error(`the statement ${JSON.stringify(sql)} is shared by several prepares, and one switched its mode: give that one SQL of its own`);
  db.prepare = ((sql: string) => {
    const known = statements.get(sql);
    if (known) {
      if (known.moded) throw conflict(sql);
      known.shared = true;
      return known.statement;
    }
    const statement = prepare(sql);
    retained.add(statement);
    const entry: Shared = { statement, shared: false, moded: false };
    statements.set(sql, entry);
    for (const mode of ['pluck', 'raw', 'expand'] as const) {
      const original: (...toggle: [] | [boolean]) => Statement = statement[mode].bind(statement);
      Object.defineProperty(statement, mode, {
        // better-sqlite3 tells `pluck()` from `pluck(undefined)`: the arguments go through as given.
        value: (...toggle: [] | [boolean]) => {
          if (entry.shared) throw conflict(sql);
          entry.moded = true;
          return original(...toggle);
        },
      });
    }
    return statement;
  }) as Database['prepare'];
  // better-sqlite3's own pragma() prepares a statement per call and drops it: through ours, it is kept.
  db.pragma = ((source: string, options?: { readonly simple?: boolean }) => {
    const statement = db.prepare<[], Record<string, unknown>>(`PRAGMA ${source}`);
    // A pragma that sets a value may answer nothing (synchronous, busy_timeout): run it.
    const rows = statement.reader ? statement.all() : (statement.run(), []);
    return options?.simple ? Object.values(rows[0] ?? {})[0] : rows;
  });
  return db;
}
