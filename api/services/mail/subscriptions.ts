import { Types } from 'mongoose';
import type { Models } from '../../models/models.js';
import type { SubscriptionRecord } from '../../models/subscription.js';
import type { Signer } from '../core/secrets.js';
import { isDuplicateKey } from '../core/duplicate-key.js';

const DAY = 24 * 3_600_000;

/** What a link in a mail may do: confirm the address, or stop mail. Each has its own signature. */
export type LinkPurpose = 'confirm' | 'unsubscribe';

export type UnsubscribeScope = 'thread' | 'site';

/**
 * Readers' consent to reply mail: double opt-in, unsubscribing per thread or per site, and the
 * signed tokens in mail links. A token names a subscription, never an address, so a link that
 * leaks tells nobody whose it is.
 */
export class Subscriptions {
  constructor(
    private readonly models: Models,
    private readonly signer: Signer,
  ) {}

  token(purpose: LinkPurpose, subscription: Pick<SubscriptionRecord, '_id'>): string {
    const id = subscription._id.toHexString();
    return `${id}.${this.signer.sign(`mail-${purpose}`, id)}`;
  }

  /** The subscription a link's token names, if the token is genuine. */
  async fromToken(purpose: LinkPurpose, token: unknown): Promise<SubscriptionRecord | null> {
    if (typeof token !== 'string') return null;
    const [id, signature] = token.split('.');
    if (!id || !signature || !Types.ObjectId.isValid(id) || !this.signer.verify(`mail-${purpose}`, id, signature)) return null;
    return this.models.Subscription.findById(id).lean();
  }

  /** The subscription a mail link names and its site's name, if the token is genuine and both exist. */
  async fromLink(purpose: LinkPurpose, token: unknown): Promise<{ subscription: SubscriptionRecord; siteName: string } | null> {
    const subscription = await this.fromToken(purpose, token);
    const site = subscription && (await this.models.Site.findById(subscription.siteId, { name: 1 }).lean());
    return subscription && site ? { subscription, siteName: site.name } : null;
  }

  /**
   * A reader asked for mail about replies. Returns the subscription, and whether this call may
   * send the confirmation mail: only while unconfirmed, and at most once a day per address across
   * every site, so the form cannot be used to fill a stranger's mailbox.
   */
  async asked(siteId: string, email: string, locale: string, now: Date): Promise<{ subscription: SubscriptionRecord; confirmationDue: boolean }> {
    const subscription = await this.findOrCreate(siteId, email, locale, now);
    if (this.wantsMail(subscription)) return { subscription, confirmationDue: false };
    const dayAgo = new Date(now.getTime() - DAY);
    const recentlyAsked = await this.models.Subscription.exists({ email, confirmationSentAt: { $gt: dayAgo } });
    if (recentlyAsked) return { subscription, confirmationDue: false };
    // The condition makes concurrent requests agree: one of them sets the time, and only it sends.
    const claimed = await this.models.Subscription.findOneAndUpdate(
      { _id: subscription._id, $or: [{ confirmationSentAt: null }, { confirmationSentAt: { $lte: dayAgo } }] },
      { $set: { confirmationSentAt: now } },
      { returnDocument: 'after', lean: true },
    );
    return { subscription: claimed ?? subscription, confirmationDue: claimed !== null };
  }

  private async findOrCreate(siteId: string, email: string, locale: string, now: Date): Promise<SubscriptionRecord> {
    const upsert = () =>
      this.models.Subscription.findOneAndUpdate(
        { siteId, email },
        { $setOnInsert: { siteId, email, locale, createdAt: now } },
        { upsert: true, returnDocument: 'after', lean: true },
      );
    try {
      return (await upsert())!;
    } catch (error) {
      // Two first requests for one address at once: one inserted; the other now finds it.
      if (!isDuplicateKey(error)) throw error;
      return (await upsert())!;
    }
  }

  async confirm(subscription: SubscriptionRecord, now: Date): Promise<void> {
    await this.models.Subscription.updateOne({ _id: subscription._id }, { $set: { confirmedAt: now, unsubscribedAt: null } });
  }

  async unsubscribe(subscription: SubscriptionRecord, scope: UnsubscribeScope, threadId: Types.ObjectId | undefined, now: Date): Promise<void> {
    const change = scope === 'thread' && threadId ? { $addToSet: { mutedThreads: threadId } } : { $set: { unsubscribedAt: now } };
    await this.models.Subscription.updateOne({ _id: subscription._id }, change);
  }

  /** The confirmed, still-wanted subscription of an address on a site, for a given thread. */
  async active(siteId: string, email: string, threadId: Types.ObjectId): Promise<SubscriptionRecord | null> {
    const subscription = await this.models.Subscription.findOne({ siteId, email }).lean();
    if (!subscription || !this.wantsMail(subscription)) return null;
    return subscription.mutedThreads.some((muted) => muted.equals(threadId)) ? null : subscription;
  }

  private wantsMail(subscription: SubscriptionRecord): boolean {
    return subscription.confirmedAt !== null && subscription.unsubscribedAt === null;
  }
}
