import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll } from 'vitest';
import { type FerretDbServer, startFerretDb } from '../../test-support/ferretdb-server.js';
import { mongoSource, mongoSuitesRun } from '../../test-support/mongo-fixture.js';
import type { Store } from '../store/store.js';
import { runStoreContract } from '../store/store.contract.js';
import { openMongoStore } from './mongo-store.js';

/*
 * The store contract on MongoDB's wire protocol: against MONGO_URL when set, otherwise against a
 * FerretDB (SQLite backend) this file starts. CI runs it on FerretDB, not on MongoDB itself; where
 * FerretDB differs (no partial indexes, no pipeline updates, nulls dropped from an upsert's
 * $setOnInsert), the store uses what both servers run alike (see mongo-store.ts,
 * mongo-write-models.ts and mongo-documents.ts).
 */
if (mongoSuitesRun('store contract: mongodb')) {
  const source = mongoSource();
  let ferret: FerretDbServer | undefined;
  let url = source.kind === 'url' ? source.url : '';
  beforeAll(async () => {
    if (source.kind === 'url') return;
    ferret = await startFerretDb();
    url = ferret.url;
  }, 60_000);
  afterAll(async () => {
    await ferret?.stop();
  });
  const databases = new Map<Store, string>();
  runStoreContract(source.kind === 'url' ? 'mongodb' : 'mongodb (FerretDB)', {
    async open() {
      // A fresh database per test, dropped afterwards.
      const database = `hugmood_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      const store = await openMongoStore({ url, database });
      databases.set(store, database);
      return store;
    },
    async dispose(store) {
      const database = databases.get(store);
      await store.close();
      if (!database) return;
      const client = await MongoClient.connect(url);
      await client.db(database).dropDatabase();
      await client.close();
    },
  });
}
