import type { Database, Statement } from 'better-sqlite3';
import type { DevicePush } from '../../protocol/types/devices.js';
import { type DeviceRecord, type DeviceRepository, pushAddressOf } from '../store/device-repository.js';

interface DeviceRow {
  user_id: string;
  device_id: string;
  push: string;
  created_at: number;
  updated_at: number;
}

const toRecord = (row: DeviceRow): DeviceRecord => ({ userId: row.user_id, deviceId: row.device_id, push: JSON.parse(row.push) as DevicePush, createdAt: row.created_at, updatedAt: row.updated_at });

/** {@link DeviceRepository} on SQLite. */
export class SqliteDeviceRepository implements DeviceRepository {
  private readonly upsert: Statement;
  private readonly count: Statement<[string], { n: number }>;
  private readonly remove: Statement<[string, string]>;
  private readonly ofUser: Statement<[string], DeviceRow>;
  private readonly removeAddress: Statement<[string]>;
  private readonly registerOne: (device: DeviceRecord) => number;

  constructor(db: Database) {
    this.upsert = db.prepare(
      `INSERT INTO devices (user_id, device_id, platform, push, address, created_at, updated_at)
       VALUES (@userId, @deviceId, @platform, @push, @address, @createdAt, @updatedAt)
       ON CONFLICT (user_id, device_id) DO UPDATE SET platform = excluded.platform, push = excluded.push, address = excluded.address, updated_at = excluded.updated_at`,
    );
    this.count = db.prepare('SELECT count(*) AS n FROM devices WHERE user_id = ?');
    this.remove = db.prepare('DELETE FROM devices WHERE user_id = ? AND device_id = ?');
    this.ofUser = db.prepare('SELECT user_id, device_id, push, created_at, updated_at FROM devices WHERE user_id = ? ORDER BY created_at, device_id');
    this.removeAddress = db.prepare('DELETE FROM devices WHERE address = ?');
    this.registerOne = db.transaction((d: DeviceRecord) => {
      this.upsert.run({ ...d, platform: d.push.platform, push: JSON.stringify(d.push), address: pushAddressOf(d.push) });
      return this.count.get(d.userId)?.n ?? 0;
    });
  }

  register(device: DeviceRecord): Promise<number> {
    return Promise.resolve(this.registerOne(device));
  }

  unregister(userId: string, deviceId: string): Promise<boolean> {
    return Promise.resolve(this.remove.run(userId, deviceId).changes === 1);
  }

  list(userId: string): Promise<DeviceRecord[]> {
    return Promise.resolve(this.ofUser.all(userId).map(toRecord));
  }

  removeByAddress(address: string): Promise<number> {
    return Promise.resolve(this.removeAddress.run(address).changes);
  }
}
