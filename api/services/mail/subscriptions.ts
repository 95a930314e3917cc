import { Types } from 'mongoose';
import type { Models } from '../../models/models.js';
import type { SubscriptionRecord } from '../../models/subscription.js';
import type { Signer } from '../core/secrets.js';
import { isDuplicateKey } from '../core/duplicate-key.js';

const DAY = 24 * 3_600_000;
/** How many browsers an address is remembered to have confirmed from. */
const PROVEN_BROWSERS_KEPT = 10;

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

  /** A link's token: it names the subscription and, for a confirmation, the comment it was asked for. */
  token(purpose: LinkPurpose, subscription: Pick<SubscriptionRecord, '_id'>, commentId?: Types.ObjectId): string {
    const payload = commentId ? `${subscription._id.toHexString()}-${commentId.toHexString()}` : subscription._id.toHexString();
    return `${payload}.${this.signer.sign(`mail-${purpose}`, payload)}`;
  }

  /** The subscription a link's token names (and the comment, if it names one), if the token is genuine. */
  async fromToken(purpose: LinkPurpose, token: unknown): Promise<{ subscription: SubscriptionRecord; commentId?: Types.ObjectId } | null> {
    if (typeof token !== 'string') return null;
    const [payload = '', signature] = token.split('.');
    const [id = '', commentId] = payload.split('-');
    if (!signature || !/^[0-9a-f]{24}$/.test(id) || (commentId !== undefined && !/^[0-9a-f]{24}$/.test(commentId))) return null;
    if (!this.signer.verify(`mail-${purpose}`, payload, signature)) return null;
    const subscription = await this.models.Subscription.findById(id).lean();
    return subscription && { subscription, commentId: commentId ? new Types.ObjectId(commentId) : undefined };
  }

  /** What a mail link names, and its site's name, if the token is genuine and they exist. */
  async fromLink(purpose: LinkPurpose, token: unknown): Promise<{ subscription: SubscriptionRecord; commentId?: Types.ObjectId; siteName: string } | null> {
    const found = await this.fromToken(purpose, token);
    const site = found && (await this.models.Site.findById(found.subscription.siteId, { name: 1 }).lean());
    return found && site ? { ...found, siteName: site.name } : null;
  }

  /** Whether this address has confirmed reply mail for a comment from this browser before. */
  async confirmedFrom(siteId: string, email: string, browserKeyHash: string | null): Promise<boolean> {
    if (!browserKeyHash) return false;
    return Boolean(await this.models.Subscription.exists({ siteId, email, provenBrowsers: browserKeyHash, confirmedAt: { $ne: null }, unsubscribedAt: null }));
  }

  /**
   * A reader asked for mail about replies to a comment whose writer has not proved the address.
   * Returns the subscription, and whether this call may send a confirmation mail for it: at
   * most once a day per address across every site, so the form cannot be used to fill a
   * stranger's mailbox. An address confirmed before is asked again: anyone can type it.
   */
  async asked(siteId: string, email: string, locale: string, now: Date): Promise<{ subscription: SubscriptionRecord; confirmationDue: boolean }> {
    const subscription = await this.findOrCreate(siteId, email, locale, now);
    if (subscription.unsubscribedAt !== null) return { subscription, confirmationDue: false };
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

  /**
   * The reader confirms from the mail: reply mail may be sent from now on, for the comment the
   * mail was about (if it names one), and for later comments from the browser that wrote it.
   */
  async confirm(subscription: SubscriptionRecord, commentId: Types.ObjectId | undefined, now: Date): Promise<void> {
    const comment = commentId
      ? await this.models.Comment.findOneAndUpdate(
          { _id: commentId, siteId: subscription.siteId, email: subscription.email },
          { $set: { mailProven: true } },
          { projection: { browserKeyHash: 1 }, lean: true },
        )
      : null;
    const browser = comment?.browserKeyHash;
    await this.models.Subscription.updateOne(
      { _id: subscription._id },
      {
        $set: { confirmedAt: now, unsubscribedAt: null },
        ...(browser && { $push: { provenBrowsers: { $each: [browser], $slice: -PROVEN_BROWSERS_KEPT } } }),
      },
    );
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
