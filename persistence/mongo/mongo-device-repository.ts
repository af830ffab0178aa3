import type { Collection } from 'mongodb';
import { type DeviceRecord, type DeviceRepository, pushAddressOf } from '../store/device-repository.js';
import type { DeviceDoc } from './mongo-documents.js';

const deviceId = (userId: string, deviceId: string) => `${userId}|${deviceId}`;

/** {@link DeviceRepository} on MongoDB: one document per `(userId, deviceId)`. */
export class MongoDeviceRepository implements DeviceRepository {
  constructor(private readonly devices: Collection<DeviceDoc>) {}

  async register(device: DeviceRecord): Promise<number> {
    const { createdAt, ...rest } = device;
    await this.devices.updateOne(
      { _id: deviceId(device.userId, device.deviceId) },
      { $set: { ...rest, address: pushAddressOf(device.push) }, $setOnInsert: { createdAt } },
      { upsert: true },
    );
    return this.devices.countDocuments({ userId: device.userId });
  }

  async unregister(userId: string, id: string): Promise<boolean> {
    return (await this.devices.deleteOne({ _id: deviceId(userId, id) })).deletedCount === 1;
  }

  async list(userId: string): Promise<DeviceRecord[]> {
    const docs = await this.devices.find({ userId }).sort({ createdAt: 1, deviceId: 1 }).toArray();
    return docs.map((d) => ({ userId: d.userId, deviceId: d.deviceId, push: d.push, createdAt: d.createdAt, updatedAt: d.updatedAt }));
  }

  async removeByAddress(address: string): Promise<number> {
    return (await this.devices.deleteMany({ address })).deletedCount;
  }
}
