import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import { HIGHLIGHT_MODES, MODERATION_MODES } from '../../contract/enums.js';

/** Per-site choices; every one has a default so a new site works at once. */
const settingsSchema = new Schema(
  {
    moderation: { type: String, enum: MODERATION_MODES, default: 'post', required: true },
    editWindowMinutes: { type: Number, min: 0, max: 10080, default: 15, required: true },
    highlight: { type: String, enum: HIGHLIGHT_MODES, default: 'everyone', required: true },
    locale: { type: String, default: 'en', maxlength: 20, required: true },
    replyGoalHours: { type: Number, min: 1, max: 8760, default: 24, required: true },
    /** A comment posted sooner than this after its form was shown waits for approval; 0 turns the check off. */
    minFormSeconds: { type: Number, min: 0, max: 3600, default: 3, required: true },
    /** More links than this in one comment hold it for approval. */
    maxLinks: { type: Number, min: 0, max: 100, default: 3, required: true },
    /** A comment with any of these words, links (domains) or emails is spam. */
    blockedWords: { type: [String], default: [] },
    blockedLinks: { type: [String], default: [] },
    blockedEmails: { type: [String], default: [] },
  },
  { _id: false },
);

/** The latest run of comments held because the site was past its flood limit. */
const floodHoldSchema = new Schema(
  {
    since: { type: Date, required: true },
    lastAt: { type: Date, required: true },
    held: { type: Number, required: true },
  },
  { _id: false },
);

/** One blog. Its `_id` is the short id bloggers put in the embed snippet. */
const siteSchema = new Schema(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true, maxlength: 200 },
    origins: { type: [String], default: [] },
    settings: { type: settingsSchema, required: true, default: () => ({}) },
    floodHold: { type: floodHoldSchema, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export type SiteRecord = InferSchemaType<typeof siteSchema>;

export function defineSiteModel(connection: Connection) {
  return connection.model('Site', siteSchema, 'sites');
}
