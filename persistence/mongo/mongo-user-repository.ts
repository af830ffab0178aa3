import { type Collection, MongoServerError } from 'mongodb';
import type { PrivacySettings } from '../../protocol/schemas/privacy.js';
import type { NewUser, ProfilePatch, UserRecord, UserRepository } from '../store/user-repository.js';
import { toUser, type UserDoc } from './mongo-documents.js';
import { findByIds } from './find-by-ids.js';

const DUPLICATE_KEY = 11000;

/** {@link UserRepository} on MongoDB; the username is unique through a sparse unique index (external users have none). */
export class MongoUserRepository implements UserRepository {
  constructor(private readonly users: Collection<UserDoc>) {}

  async create(user: NewUser): Promise<'created' | 'username_taken'> {
    try {
      await this.users.insertOne({ _id: user.id, username: user.username, passwordHash: user.passwordHash, displayName: user.displayName, avatarUrl: null, bio: '', privacy: user.privacy, createdAt: user.createdAt, lastSeenAt: null });
      return 'created';
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return 'username_taken';
      throw error;
    }
  }

  async ensureExternal(id: string, displayName: string, privacy: PrivacySettings, now: number): Promise<UserRecord> {
    const doc = await this.users.findOneAndUpdate(
      { _id: id },
      { $setOnInsert: { passwordHash: null, displayName, avatarUrl: null, bio: '', privacy, createdAt: now, lastSeenAt: null } },
      { upsert: true, returnDocument: 'after' },
    );
    if (!doc) throw new Error(`user ${id} vanished while being provisioned`);
    return toUser(doc);
  }

  async findById(id: string): Promise<UserRecord | null> {
    const doc = await this.users.findOne({ _id: id });
    return doc ? toUser(doc) : null;
  }

  async privacyOf(id: string): Promise<PrivacySettings | null> {
    const doc = await this.users.findOne({ _id: id }, { projection: { privacy: 1 } });
    return doc ? doc.privacy : null;
  }

  async findByIds(ids: readonly string[]): Promise<Map<string, UserRecord>> {
    const docs = await findByIds(this.users, ids);
    return new Map(docs.map((d) => [d._id, toUser(d)]));
  }

  async replacePasswordHash(id: string, expected: string, next: string): Promise<boolean> {
    const result = await this.users.updateOne({ _id: id, passwordHash: expected }, { $set: { passwordHash: next } });
    return result.modifiedCount === 1;
  }

  async findByUsername(username: string): Promise<UserRecord | null> {
    const doc = await this.users.findOne({ username });
    return doc ? toUser(doc) : null;
  }

  async updateProfile(id: string, patch: ProfilePatch): Promise<UserRecord | null> {
    const set: Partial<UserDoc> = {};
    if (patch.displayName !== undefined) set.displayName = patch.displayName;
    if (patch.avatarUrl !== undefined) set.avatarUrl = patch.avatarUrl;
    if (patch.bio !== undefined) set.bio = patch.bio;
    const doc = Object.keys(set).length === 0 ? await this.users.findOne({ _id: id }) : await this.users.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' });
    return doc ? toUser(doc) : null;
  }

  async updatePrivacy(id: string, patch: Partial<PrivacySettings>): Promise<{ before: PrivacySettings; after: PrivacySettings } | null> {
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined).map(([k, v]) => [`privacy.${k}`, v]));
    // One atomic document update; the document before it gives both sides.
    const before = await this.users.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'before' });
    if (!before) return null;
    return { before: before.privacy, after: { ...before.privacy, ...patch } };
  }

  async recordLastSeen(id: string, at: number): Promise<void> {
    await this.users.updateOne({ _id: id, $or: [{ lastSeenAt: null }, { lastSeenAt: { $lt: at } }] }, { $set: { lastSeenAt: at } });
  }
}
