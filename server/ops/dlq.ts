import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteWriteQueue } from '../../persistence/sqlite/sqlite-write-queue.js';
import { SETTINGS } from '../config/settings.js';
import { runDlqCommand } from './dlq-command.js';

// Process entry of `npm run dlq`: the dead letters of the write-behind queue in DATA_DIR.
// Safe while the server runs: SQLite serializes the writes, and the server's worker picks up
// replayed operations within its poll interval.
const dataDir = SETTINGS.DATA_DIR.schema.safeParse(process.env['DATA_DIR'] || undefined);
if (!dataDir.success) {
  process.stderr.write('DATA_DIR: must be a folder path\n');
  process.exit(2);
}
const file = join(dataDir.data, 'write-queue.db');
if (!existsSync(file)) {
  process.stderr.write(`no write queue at ${file} (is DATA_DIR right?)\n`);
  process.exit(2);
}
const queue = new SqliteWriteQueue({ file });
const code = await runDlqCommand(process.argv.slice(2), queue, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
await queue.close();
process.exit(code);
