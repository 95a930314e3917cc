import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';

/**
 * Someone who writes one or more sites: one sign-in (email, password, sessions) however many
 * sites. What they are on each site (name, mail choices) is an Author with the same email.
 */
const personSchema = new Schema(
  {
    email: { type: String, required: true, lowercase: true, maxlength: 254 },
    passwordHash: { type: String, required: true },
    /**
     * Passwords this person's site accounts had before accounts became one person (each was good
     * for its own site): still accepted until a password is set anew, so nobody is locked out.
     */
    legacyHashes: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

personSchema.index({ email: 1 }, { unique: true });

export type PersonRecord = InferSchemaType<typeof personSchema> & { _id: Types.ObjectId };

export function definePersonModel(connection: Connection) {
  return connection.model('Person', personSchema, 'people');
}
