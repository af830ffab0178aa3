import type { AnyBulkWriteOperation, Document } from 'mongodb';
import type { WriteOperation } from '../write-behind/write-operation.js';
import { COLLECTIONS, inboxId } from './mongo-documents.js';

/** Any of our documents: every `_id` is a string (a deterministic id). */
export interface StringIdDoc extends Document {
  _id: string;
}

/** One write of a batch: which collection, and the bulk model (always idempotent). */
export interface WriteModel {
  readonly collection: (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
  readonly model: AnyBulkWriteOperation<StringIdDoc>;
}

/**
 * The bulk models of one write-behind operation, with the SQLite store's semantics: creations are
 * upserts that never overwrite (`$setOnInsert` on the deterministic `_id`), delivery and read are
 * set once, a read implies delivery, a request is answered once, `lastSeenAt` never goes back, and
 * an inbox entry is appended once, a group hug summary is stored once (its `(userId, cursor)`
 * unique index turns a clash into an error).
 *
 * Only plain update documents, no aggregation pipelines: a read that implies delivery is two
 * conditional updates (`readAt` if unset, `deliveredAt` if unset) rather than one `$ifNull`
 * pipeline, which FerretDB (the server CI checks this store against) does not run. Filters on
 * `field: null` match a missing field too, on both.
 */
export function writeModelsOf(op: WriteOperation): WriteModel[] {
  switch (op.type) {
    case 'user.last-seen':
      return [
        {
          collection: COLLECTIONS.users,
          model: { updateOne: { filter: { _id: op.userId, $or: [{ lastSeenAt: null }, { lastSeenAt: { $lt: op.at } }] }, update: { $set: { lastSeenAt: op.at } } } },
        },
      ];
    case 'hug.create': {
      const { id, ...fields } = op.hug;
      return [{ collection: COLLECTIONS.hugs, model: { updateOne: { filter: { _id: id }, update: { $setOnInsert: fields }, upsert: true } } }];
    }
    case 'hug.delivered':
      return [deliveredOnce(op.hugId, op.at)];
    case 'hug.read':
      return [
        { collection: COLLECTIONS.hugs, model: { updateOne: { filter: { _id: op.hugId, readAt: null }, update: { $set: { readAt: op.at } } } } },
        deliveredOnce(op.hugId, op.at),
      ];
    case 'hug-request.create': {
      const { id, ...fields } = op.request;
      return [{ collection: COLLECTIONS.hugRequests, model: { updateOne: { filter: { _id: id }, update: { $setOnInsert: fields }, upsert: true } } }];
    }
    case 'hug-request.answer':
      return [
        {
          collection: COLLECTIONS.hugRequests,
          model: { updateOne: { filter: { _id: op.requestId, status: 'pending' }, update: { $set: { status: op.status, answeredAt: op.at, hugId: op.hugId } } } },
        },
      ];
    case 'inbox.append':
      return [
        {
          collection: COLLECTIONS.inbox,
          model: { updateOne: { filter: { _id: inboxId(op.entry.userId, op.entry.id) }, update: { $setOnInsert: { ...op.entry } }, upsert: true } },
        },
      ];
    case 'group-hug.summary': {
      const { groupId, ...fields } = op.summary;
      return [{ collection: COLLECTIONS.groupHugs, model: { updateOne: { filter: { _id: groupId }, update: { $setOnInsert: fields }, upsert: true } } }];
    }
    case 'mood.create': {
      const { id, ...fields } = op.mood;
      return [{ collection: COLLECTIONS.moods, model: { updateOne: { filter: { _id: id }, update: { $setOnInsert: fields }, upsert: true } } }];
    }
    case 'mood.update':
      return [
        {
          collection: COLLECTIONS.moods,
          model: { updateOne: { filter: { _id: op.moodId, userId: op.userId, deletedAt: null }, update: { $set: { ...op.changes, updatedAt: op.at } } } },
        },
      ];
    case 'mood.delete':
      return [
        {
          collection: COLLECTIONS.moods,
          model: { updateOne: { filter: { _id: op.moodId, userId: op.userId, deletedAt: null }, update: { $set: { deletedAt: op.at, note: null, tags: [] } } } },
        },
      ];
    // A user's saves apply in order (one key), so the last one written is the newest.
    case 'mood.streak':
      return [{ collection: COLLECTIONS.moodStreaks, model: { updateOne: { filter: { _id: op.userId }, update: { $set: { ...op.streak, updatedAt: op.at } }, upsert: true } } }];
    case 'notification.create': {
      const { id, ...fields } = op.notification;
      return [{ collection: COLLECTIONS.notifications, model: { updateOne: { filter: { _id: id }, update: { $setOnInsert: { ...fields, actorId: fields.data.userId ?? null } }, upsert: true } } }];
    }
    case 'notification.read':
      return [{ collection: COLLECTIONS.notifications, model: { updateMany: { filter: { _id: { $in: op.ids }, userId: op.userId, readAt: null, deletedAt: null }, update: { $set: { readAt: op.at } } } } }];
    case 'notification.read-up-to':
      return [
        {
          collection: COLLECTIONS.notifications,
          model: {
            updateMany: {
              filter: { userId: op.userId, readAt: null, deletedAt: null, $or: [{ createdAt: { $lt: op.createdAt } }, { createdAt: op.createdAt, _id: { $lte: op.notificationId } }] },
              update: { $set: { readAt: op.at } },
            },
          },
        },
      ];
    case 'notification.delete':
      return [
        {
          collection: COLLECTIONS.notifications,
          model: { updateMany: { filter: { _id: { $in: op.ids }, userId: op.userId, deletedAt: null }, update: { $set: { deletedAt: op.at, title: '', body: '', data: {} } } } },
        },
      ];
    case 'activity.create': {
      const { id, ...fields } = op.activity;
      return [{ collection: COLLECTIONS.activities, model: { updateOne: { filter: { _id: id }, update: { $setOnInsert: fields }, upsert: true } } }];
    }
  }
}

/** Sets a hug's `deliveredAt` unless it is set. */
function deliveredOnce(hugId: string, at: number): WriteModel {
  return { collection: COLLECTIONS.hugs, model: { updateOne: { filter: { _id: hugId, deliveredAt: null }, update: { $set: { deliveredAt: at } } } } };
}

/**
 * Splits a batch into waves holding at most one operation per key, in batch order: wave n has the
 * n-th operation of every key. Each wave is one unordered `bulkWrite` per collection; waves run in
 * order, so operations of one key are applied in order, and a key that failed in a wave is held
 * back from the later ones.
 */
export function waves(batch: readonly WriteOperation[]): WriteOperation[][] {
  const seen = new Map<string, number>();
  const out: WriteOperation[][] = [];
  for (const op of batch) {
    const n = seen.get(op.key) ?? 0;
    seen.set(op.key, n + 1);
    (out[n] ??= []).push(op);
  }
  return out;
}
