import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/**
 * An author's signed-in browser. Only a hash of the cookie's token is stored, so a copy of the
 * database signs nobody in. Deleting the document revokes the session.
 */
const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** The person signed in: the session covers every site they write now. */
    email: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    /** The absolute end, however active the session; MongoDB removes the document then. */
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
// Revoking every session of a person (password reset).
sessionSchema.index({ email: 1 });

export type SessionRecord = InferSchemaType<typeof sessionSchema> & { _id: string };

export function defineSessionModel(connection: Connection) {
  return connection.model('Session', sessionSchema, 'sessions');
}
