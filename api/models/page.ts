import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';

/** One post on a site, created by its first comment. Counters are kept by the comment services. */
const pageSchema = new Schema(
  {
    siteId: { type: String, required: true },
    key: { type: String, required: true, maxlength: 512 },
    title: { type: String, default: '', maxlength: 300 },
    url: { type: String, default: '', maxlength: 2048 },
    commentCount: { type: Number, default: 0 },
    awaitingReply: { type: Number, default: 0 },
    locked: { type: Boolean, default: false },
    /** The site author who wrote the post, the one its readers wait for; null: the blog's authors as a whole. */
    authorId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

pageSchema.index({ siteId: 1, key: 1 }, { unique: true });
// An author's scope leaves out the posts of the site's other authors: found by this.
pageSchema.index({ siteId: 1, authorId: 1 });

export type PageRecord = InferSchemaType<typeof pageSchema> & { _id: Types.ObjectId };

export function definePageModel(connection: Connection) {
  return connection.model('Page', pageSchema, 'pages');
}
