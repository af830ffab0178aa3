import { join } from 'node:path';
import { openSqliteStore } from '../../persistence/sqlite/sqlite-store.js';
import type { Store } from '../../persistence/store/store.js';
import type { Config } from '../config/config.js';

/** The store this config asks for: the SQLite file in `DATA_DIR` (shared by the nodes of a local cluster). */
export function openStore(config: Config): Promise<Store> {
  return Promise.resolve(openSqliteStore({ file: join(config.dataDir, 'hugmood.db') }));
}
