import { Schema, type Connection } from 'mongoose';

/**
 * One rate-limit window of one client: shared by every server instance and kept across
 * restarts. MongoDB removes a window once it has ended.
 */
const rateLimitCounterSchema = new Schema(
  {
    _id: { type: String, required: true },
    hits: { type: Number, required: true },
    resetAt: { type: Date, required: true },
  },
  { versionKey: false },
);

rateLimitCounterSchema.index({ resetAt: 1 }, { expireAfterSeconds: 0 });

export function defineRateLimitCounterModel(connection: Connection) {
  return connection.model('RateLimitCounter', rateLimitCounterSchema, 'rate_limit_counters');
}
