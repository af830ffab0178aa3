import type { Database, Statement } from 'better-sqlite3';

/** Most arities kept prepared; lookups of other sizes are prepared each time. */
const MAX_CACHED = 128;

/**
 * `SELECT * FROM <table> WHERE id IN (?, …)`, with the statement for each number of ids prepared
 * once and kept.
 */
export class RowsByIds<Row> {
  private readonly statements = new Map<number, Statement<string[], Row>>();

  constructor(
    private readonly db: Database,
    private readonly table: string,
  ) {}

  /** The rows among `ids` that exist, in no particular order. */
  all(ids: readonly string[]): Row[] {
    if (ids.length === 0) return [];
    let statement = this.statements.get(ids.length);
    if (!statement) {
      statement = this.db.prepare<string[], Row>(`SELECT * FROM ${this.table} WHERE id IN (${ids.map(() => '?').join(',')})`);
      if (this.statements.size < MAX_CACHED) this.statements.set(ids.length, statement);
    }
    return statement.all(...ids);
  }
}
