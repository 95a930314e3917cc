import { Schema, type Connection } from 'mongoose';

/**
 * One import at a time per site, across processes: the CLI beside a running server, the inbox's
 * upload, two instances. Held by the importer that wrote it until it ends, or until `expiresAt`
 * passes without it being renewed (an importer that was killed). MongoDB removes stale ones.
 */
const importLockSchema = new Schema(
  {
    /** The site being imported into. */
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

importLockSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export function defineImportLockModel(connection: Connection) {
  return connection.model('ImportLock', importLockSchema, 'import_locks');
}
