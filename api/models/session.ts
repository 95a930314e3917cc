import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';

/**
 * An author's signed-in browser. Only a hash of the cookie's token is stored, so a copy of the
 * database signs nobody in. Deleting the document revokes the session.
 */
const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    /** The person's author accounts (one per site) at sign-in; the session covers the sites they write now. */
    authorIds: { type: [Schema.Types.ObjectId], required: true },
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

export type SessionRecord = InferSchemaType<typeof sessionSchema> & { _id: string; authorIds: Types.ObjectId[] };

export function defineSessionModel(connection: Connection) {
  return connection.model('Session', sessionSchema, 'sessions');
}
