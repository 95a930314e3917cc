import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose';

/**
 * A reader address's consent to reply mail from one site. Nothing but the confirmation mail is
 * sent until `confirmedAt` is set (double opt-in), and nothing at all after `unsubscribedAt`.
 * Threads the reader turned off are listed by their first comment's id.
 */
const subscriptionSchema = new Schema(
  {
    siteId: { type: String, required: true },
    email: { type: String, required: true, lowercase: true, maxlength: 254 },
    /** The language the reader's mail is written in. */
    locale: { type: String, default: 'en' },
    confirmedAt: { type: Date, default: null },
    unsubscribedAt: { type: Date, default: null },
    mutedThreads: { type: [Schema.Types.ObjectId], default: [] },
    /** At most one confirmation mail a day, so the form cannot flood a stranger's mailbox. */
    confirmationSentAt: { type: Date, default: null },
    /**
     * Keyed hashes of the browsers whose comment this address confirmed (the latest few): a new
     * comment from one of them needs no fresh confirmation. A stranger typing the address cannot.
     */
    provenBrowsers: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

subscriptionSchema.index({ siteId: 1, email: 1 }, { unique: true });
subscriptionSchema.index({ email: 1 });

export type SubscriptionRecord = InferSchemaType<typeof subscriptionSchema> & { _id: Types.ObjectId };

export function defineSubscriptionModel(connection: Connection) {
  return connection.model('Subscription', subscriptionSchema, 'subscriptions');
}
