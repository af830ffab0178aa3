import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describe } from 'vitest';
import type { Store } from '../store/store.js';
import { runStoreContract } from '../store/store.contract.js';
import { openMongoStore } from './mongo-store.js';

const url = process.env['MONGO_URL'];

if (!url) {
  const how = 'start one (docker compose up -d mongo) and run MONGO_URL=mongodb://127.0.0.1:27017 npm test';
  console.warn(`[skipped] store contract on MongoDB: MONGO_URL is not set; ${how}`);
  describe.skip(`store contract: mongodb (skipped: MONGO_URL is not set; ${how})`, () => undefined);
} else {
  const databases = new Map<Store, string>();
  runStoreContract('mongodb', {
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
