import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import { AUTHOR_SCOPES, NOTIFY_CHOICES } from '../../contract/enums.js';

/**
 * A person's membership of a site they write: the only people whose comments count as answers.
 * Their sign-in (password, sessions) is their Person, found by the same email.
 */
const authorSchema = new Schema(
  {
    siteId: { type: String, required: true },
    name: { type: String, required: true, maxlength: 80 },
    email: { type: String, required: true, lowercase: true, maxlength: 254 },
    /** How this author hears about readers: a mail per comment, one a day, or not at all. */
    notify: { type: String, enum: NOTIFY_CHOICES, default: 'instant', required: true },
    /** Which posts' comments this author hears about: their own and those without an author, or every post of the site. */
    mailScope: { type: String, enum: AUTHOR_SCOPES, default: 'mine', required: true },
    /** The digest's hour (0–23) in `timeZone` (an IANA name). */
    digestHour: { type: Number, min: 0, max: 23, default: 8, required: true },
    timeZone: { type: String, default: 'UTC', maxlength: 64, required: true },
    /** The author's local date of the last digest run, so each day has at most one. */
    lastDigestOn: { type: String, default: null },
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
