import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';
import { COMMENT_STATUSES, COMMENT_TYPES } from '../../contract/enums.js';


/**
 * A reader's or an author's message. `ancestors` (root first) lets one write update the whole
 * branch above a comment; `authorRepliesBelow` counts published author comments beneath it, from
 * which `awaitingReply` follows (see services/awaiting-reply.ts).
 */
const commentSchema = new Schema(
  {
    siteId: { type: String, required: true },
    pageId: { type: Schema.Types.ObjectId, required: true },
    parentId: { type: Schema.Types.ObjectId, default: null },
    ancestors: { type: [Schema.Types.ObjectId], default: [] },
    /**
     * The comment this one answers, when that was deeper than a thread may go: the reply then
     * hangs under `parentId` (the deepest allowed level) and ends `ancestors` with this one, so
     * it still answers it. Null for every other comment.
     */
    inReplyTo: { type: Schema.Types.ObjectId, default: null },
    isAuthor: { type: Boolean, required: true },
    authorId: { type: Schema.Types.ObjectId, default: null },
    name: { type: String, required: true, maxlength: 80 },
    email: { type: String, default: null, maxlength: 254 },
    website: { type: String, default: null, maxlength: 200 },
    notifyReplies: { type: Boolean, default: false },
    /** The language the reader wrote from (their mail's language); null: the site's. */
    locale: { type: String, default: null, maxlength: 20 },
    body: { type: String, default: '' },
    html: { type: String, default: '' },
    status: { type: String, enum: COMMENT_STATUSES, required: true },
    /** A comment, or a mention of the post elsewhere (which never waits for a reply). */
    type: { type: String, enum: COMMENT_TYPES, default: 'comment' },
    /**
     * Where an imported comment came from: the old system and its own id there, so importing the
     * same export again (or a newer one) adds nothing twice. Unset on comments written here.
     */
    importSource: {
      type: new Schema({ system: { type: String, required: true }, id: { type: String, required: true } }, { _id: false }),
      default: undefined,
    },
    noReplyNeeded: { type: Boolean, default: false },
    authorRepliesBelow: { type: Number, default: 0 },
    awaitingReply: { type: Boolean, required: true },
    waitingSince: { type: Date, default: null },
    clientId: { type: String, default: undefined },
    /**
     * A keyed hash of the request that posted it (the client's address, browser and text): a
     * retry with its clientId gets the edit token again only when it is that same request.
     */
    requestKey: { type: String, default: null },
    /** The same reader across comments on a site (services/reader-signals.ts); null for authors. */
    readerKey: { type: String, default: null },
    /** Why a reader comment matters, decided when written; `priority` is the inbox tier they give. */
    signals: {
      type: new Schema(
        { question: Boolean, replyToAuthor: Boolean, firstTime: Boolean, mentionsAuthor: Boolean },
        { _id: false },
      ),
      default: null,
    },
    priority: { type: Number, default: 3 },
    /** The text's fingerprint (services/comment-screen.ts), to notice the same comment posted again. */
    fingerprint: { type: String, default: null },
    /** Random per comment; mixed into the edit token so a token never outlives its comment. */
    editSalt: { type: String, required: true },
    createdAt: { type: Date, required: true },
    editedAt: { type: Date, default: null },
    /**
     * Whether its writer proved the address gets reply mail about this comment: they confirmed
     * it for this comment, or wrote from a browser that had. Unset on comments from before the
     * rule (their address's confirmation stands).
     */
    mailProven: { type: Boolean },
    /** A keyed hash of the writing browser's key, when it asked for reply mail. */
    browserKeyHash: { type: String, default: null },
    /**
     * Spam on a page nobody else has commented on: spam makes no page, so `pageId` names none
     * and this keeps what the spam said about it, for the spam queue and in case it is not spam.
     */
    spamPage: {
      type: new Schema({ key: { type: String, required: true }, title: String, url: String }, { _id: false }),
      default: undefined,
    },
    /** An author put it out of the inbox's queue until then; it waits for a reply all the same. */
    snoozedUntil: { type: Date, default: null },
    /** Its reader's edit moved it out of the thread (screening held it or found spam): the inbox says so. */
    heldAfterEdit: { type: Boolean, default: false },
  },
  { versionKey: false },
);

// The thread: a page's published comments, oldest first, paged by (createdAt, _id).
commentSchema.index({ pageId: 1, status: 1, createdAt: 1, _id: 1 });
// Idempotent posting: one comment per (site, clientId), even under concurrent retries.
commentSchema.index(
  { siteId: 1, clientId: 1 },
  { unique: true, partialFilterExpression: { clientId: { $type: 'string' } } },
);
// Idempotent import: one comment per (site, old system, id there), even under two imports at once.
commentSchema.index(
  { siteId: 1, 'importSource.system': 1, 'importSource.id': 1 },
  { unique: true, partialFilterExpression: { 'importSource.id': { $type: 'string' } } },
);
// Waiting comments of a site, longest-waiting first (inbox and counts).
commentSchema.index({ siteId: 1, awaitingReply: 1, waitingSince: 1 });
// The inbox's Awaiting reply view: by tier, then longest-waiting first.
commentSchema.index({ siteId: 1, awaitingReply: 1, priority: 1, waitingSince: 1, _id: 1 });
// The inbox's other views, newest first.
commentSchema.index({ siteId: 1, status: 1, createdAt: -1, _id: -1 });
commentSchema.index({ siteId: 1, createdAt: -1, _id: -1 });
// The same text again on a site, recently.
commentSchema.index({ siteId: 1, fingerprint: 1, createdAt: -1 });
// A reader's history on a site.
commentSchema.index({ siteId: 1, readerKey: 1 });
// A subtree: everything with a given comment among its ancestors.
commentSchema.index({ ancestors: 1 });

export type CommentRecord = InferSchemaType<typeof commentSchema> & { _id: Types.ObjectId };

export function defineCommentModel(connection: Connection) {
  return connection.model('Comment', commentSchema, 'comments');
}
