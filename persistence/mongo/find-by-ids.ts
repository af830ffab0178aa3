import type { Collection, Filter, FindOptions, WithId } from 'mongodb';
import type { StringIdDoc } from './mongo-write-models.js';

/**
 * The documents of `ids` (each once, in no order): one `_id` lookup for a single id, one `$in`
 * query for more. The single lookup is the cheapest query on any server, and the common case (a
 * hug acknowledged, a request answered); FerretDB, which CI runs this store on, reads the whole
 * collection for an `$in` but not for one `_id`.
 */
export async function findByIds<D extends StringIdDoc>(collection: Collection<D>, ids: Iterable<string>, options: FindOptions = {}): Promise<WithId<D>[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  if (unique.length === 1) {
    const doc = await collection.findOne({ _id: unique[0] } as Filter<D>, options);
    return doc ? [doc] : [];
  }
  return collection.find({ _id: { $in: unique } } as Filter<D>, options).toArray();
}
