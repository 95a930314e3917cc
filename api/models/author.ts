import { Schema, type Connection, type InferSchemaType } from 'mongoose';

/** A person who writes a site: the only one whose comments count as answers. */
const authorSchema = new Schema(
  {
    siteId: { type: String, required: true },
    name: { type: String, required: true, maxlength: 80 },
    email: { type: String, required: true, lowercase: true, maxlength: 254 },
    passwordHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

// Sign-in looks an author up by email; an email is one account per site.
authorSchema.index({ siteId: 1, email: 1 }, { unique: true });
authorSchema.index({ email: 1 });

export type AuthorRecord = InferSchemaType<typeof authorSchema>;

export function defineAuthorModel(connection: Connection) {
  return connection.model('Author', authorSchema, 'authors');
}
