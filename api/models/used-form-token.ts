import { Schema, type Connection } from 'mongoose';

/**
 * A form token that has been used for a comment, remembered until the token would have expired
 * anyway, so no instance accepts it twice. MongoDB removes it then.
 */
const usedFormTokenSchema = new Schema(
  {
    /** The token's random part. */
    _id: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

usedFormTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export function defineUsedFormTokenModel(connection: Connection) {
  return connection.model('UsedFormToken', usedFormTokenSchema, 'used_form_tokens');
}
