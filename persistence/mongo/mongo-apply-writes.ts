import { type Db, MongoBulkWriteError, type WriteError } from 'mongodb';
import { afterDeletions, usersOf } from '../write-behind/deleted-accounts.js';
import type { WriteOperation } from '../write-behind/write-operation.js';
import type { MongoAccountRepository } from './mongo-account-repository.js';
import type { BatchOutcome } from '../write-behind/write-queue.js';
import { type StringIdDoc, waves, type WriteModel, writeModelsOf } from './mongo-write-models.js';

/**
 * Writes a write-behind batch with the Store contract: wave by wave ({@link waves}), each wave one
 * unordered `bulkWrite` per collection (upserts on deterministic ids). An operation the server
 * refuses (a write error) is reported failed alone, and the later operations of its key are held
 * back; anything else (the server unreachable, a write-concern error) fails the whole batch.
 * Operations naming users are first passed through `afterDeletions`, with the batch's deleted
 * accounts read in one query.
 */
export async function mongoApplyWrites(db: Db, accounts: MongoAccountRepository, given: readonly WriteOperation[]): Promise<BatchOutcome> {
  const failed = new Map<string, Error>();
  const failedKeys = new Set<string>();
  const deleted = await accounts.deletedAmong(given.flatMap(usersOf));
  const batch = deleted.size === 0 ? given : given.flatMap((op) => afterDeletions(op, (userId) => deleted.has(userId)) ?? []);
  for (const wave of waves(batch)) {
    const byCollection = new Map<WriteModel['collection'], { op: WriteOperation; model: WriteModel['model'] }[]>();
    for (const op of wave) {
      if (failedKeys.has(op.key)) {
        failed.set(op.id, new Error(`held back: an earlier operation on ${op.key} failed`));
        continue;
      }
      for (const { collection, model } of writeModelsOf(op)) {
        const list = byCollection.get(collection) ?? [];
        list.push({ op, model });
        byCollection.set(collection, list);
      }
    }
    await Promise.all(
      [...byCollection].map(async ([name, writes]) => {
        try {
          await db.collection<StringIdDoc>(name).bulkWrite(
            writes.map((w) => w.model),
            { ordered: false },
          );
        } catch (error) {
          if (!(error instanceof MongoBulkWriteError)) throw error;
          const writeErrors = ([] as WriteError[]).concat(error.writeErrors);
          if (writeErrors.length === 0) throw error;
          for (const writeError of writeErrors) {
            const op = writes[writeError.index]?.op;
            if (!op) throw error;
            failed.set(op.id, new Error(`mongodb write error ${writeError.code}: ${writeError.errmsg ?? 'refused'}`));
            failedKeys.add(op.key);
          }
        }
      }),
    );
  }
  return { failed };
}
