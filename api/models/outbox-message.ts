import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import { MAIL_KINDS, OUTBOX_STATUSES } from '../../contract/enums.js';


/**
 * One mail to send, written by the request that caused it and sent later by a mail worker
 * (services/mail/mail-worker.ts). `_id` names the event ("reply:COMMENT:RECIPIENT", …), so a
 * retried request or a replayed comment cannot queue the same mail twice. The whole message is
 * composed when queued: what is sent is what the event said, and `messageId` stays the same
 * across attempts so a mail client collapses a resend.
 */
const outboxMessageSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: MAIL_KINDS, required: true },
    siteId: { type: String, required: true },
    /** The display name in From (the site's name); the address is the server's MAIL_FROM. */
    fromName: { type: String, required: true },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String, required: true },
    /** Extra headers (List-Unsubscribe and friends). */
    headers: { type: Schema.Types.Mixed, default: () => ({}) },
    messageId: { type: String, required: true },
    status: { type: String, enum: OUTBOX_STATUSES, required: true },
    attempts: { type: Number, default: 0 },
    /** When a queued message may next be tried. */
    dueAt: { type: Date, required: true },
    /** While `sending`: until when the claiming worker owns it; after that another worker may retry. */
    leaseUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
  },
  { versionKey: false },
);

// Workers claim the most overdue message first.
outboxMessageSchema.index({ status: 1, dueAt: 1 });
outboxMessageSchema.index({ status: 1, leaseUntil: 1 });
// Delivery state per site, newest first (inbox and `rapport mail status`).
outboxMessageSchema.index({ siteId: 1, createdAt: -1 });
// Sent mail is kept 30 days for the delivery report, then MongoDB removes it (failed mail stays
// until someone looks; queued mail has no sentAt and is never expired).
outboxMessageSchema.index({ sentAt: 1 }, { expireAfterSeconds: 30 * 24 * 3600 });
// Erasing an address removes its mail still waiting.
outboxMessageSchema.index({ to: 1 });

export type OutboxMessageRecord = InferSchemaType<typeof outboxMessageSchema> & { _id: string };

export function defineOutboxMessageModel(connection: Connection) {
  return connection.model('OutboxMessage', outboxMessageSchema, 'outbox');
}
