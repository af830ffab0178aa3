import type { Collection } from 'mongodb';
import type { RefreshTokenRecord, RefreshTokenRepository } from '../store/refresh-token-repository.js';
import { type RefreshTokenDoc, toRefreshToken } from './mongo-documents.js';

/** {@link RefreshTokenRepository} on MongoDB: rotation is one conditional update, so exactly one of two concurrent rotations wins. */
export class MongoRefreshTokenRepository implements RefreshTokenRepository {
  constructor(private readonly tokens: Collection<RefreshTokenDoc>) {}

  async insert(record: RefreshTokenRecord): Promise<void> {
    const { id, ...fields } = record;
    await this.tokens.insertOne({ _id: id, ...fields });
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const doc = await this.tokens.findOne({ tokenHash });
    return doc ? toRefreshToken(doc) : null;
  }

  async markRotated(id: string, at: number, successor: string): Promise<boolean> {
    return (await this.tokens.updateOne({ _id: id, rotatedAt: null, revokedAt: null }, { $set: { rotatedAt: at, successor } })).modifiedCount === 1;
  }

  async deleteById(id: string): Promise<void> {
    await this.tokens.deleteOne({ _id: id });
  }

  async revokeFamily(familyId: string, at: number): Promise<void> {
    await this.tokens.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: at } });
  }

  async deleteExpired(before: number): Promise<number> {
    return (await this.tokens.deleteMany({ expiresAt: { $lt: before } })).deletedCount;
  }
}
