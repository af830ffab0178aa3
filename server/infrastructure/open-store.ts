import { join } from 'node:path';
import { openMongoStore } from '../../persistence/mongo/mongo-store.js';
import { openSqliteStore } from '../../persistence/sqlite/sqlite-store.js';
import type { Store } from '../../persistence/store/store.js';
import type { Config } from '../config/config.js';

/**
 * The store this config asks for: MongoDB with `MONGO_URL` (the production shape), else the SQLite
 * file in `DATA_DIR` (embedded, or shared by the nodes of a local cluster). `soleWriter`: this
 * process is the only one writing the SQLite file (the embedded shape), so it may cache what only
 * it writes.
 */
export function openStore(config: Config, options: { readonly soleWriter?: boolean } = {}): Promise<Store> {
  if (config.mongoUrl) return openMongoStore({ url: config.mongoUrl, database: config.mongoDatabase });
  return Promise.resolve(openSqliteStore({ file: sqliteStoreFile(config), soleWriter: options.soleWriter ?? false }));
}

/** The SQLite store's file in `DATA_DIR`. */
export function sqliteStoreFile(config: Config): string {
  return join(config.dataDir, 'hugmood.db');
}
