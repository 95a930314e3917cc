import crypto from 'node:crypto';
import type { Types } from 'mongoose';
import type { Models } from '../../models/models.js';
import type { Signer } from '../core/secrets.js';
import type { People } from './people.js';

/** A session ends after this long without use… */
export const SESSION_IDLE_MS = 7 * 24 * 3_600_000;
/** …and this long after sign-in, however active. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3_600_000;
/** Use is recorded at most this often, so reads do not turn into a write each. */
const TOUCH_EVERY_MS = 60_000;

export interface SignedInAuthor {
  email: string;
  /** One author account per site this person writes (and signed in to). */
  accounts: { authorId: Types.ObjectId; siteId: string }[];
}

/** The signed-in person's account on a site, if they write it. */
export function accountOn(author: SignedInAuthor, siteId: string) {
  return author.accounts.find((account) => account.siteId === siteId);
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

/** Signing authors in and out, and recognizing them from their session cookie's token. */
export class Sessions {
  constructor(
    private readonly models: Models,
    private readonly people: People,
    private readonly signer: Signer,
  ) {}

  /** Proof, kept by a browser, that it has signed in as this email before (its failures lock nothing). */
  deviceToken(email: string): string {
    return this.signer.sign('known-device', email.trim().toLowerCase());
  }

  isKnownDevice(email: string, token: string | undefined): boolean {
    return typeof token === 'string' && this.signer.verify('known-device', email.trim().toLowerCase(), token);
  }

  /** Checks the person's password; answers a new session's token (every site they write), or undefined. */
  async signIn(email: string, password: string, now: Date): Promise<string | undefined> {
    if (!(await this.people.verify(email, password))) return undefined;
    const normalized = email.trim().toLowerCase();
    if (!(await this.models.Author.exists({ email: normalized }))) return undefined;
    const token = crypto.randomBytes(32).toString('base64url');
    await this.models.Session.create({
      _id: hashToken(token),
      email: normalized,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    });
    return token;
  }

  /** The author a token belongs to, if its session is still alive. */
  async recognize(token: string, now: Date): Promise<SignedInAuthor | undefined> {
    const session = await this.models.Session.findById(hashToken(token)).lean();
    if (!session || session.expiresAt <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime()) return undefined;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.models.Session.updateOne({ _id: session._id }, { $set: { lastSeenAt: now } });
    }
    // Every site the person writes now: one added since sign-in counts, one removed no longer does.
    const accounts = await this.models.Author.find({ email: session.email }, { siteId: 1 }).lean();
    if (accounts.length === 0) return undefined;
    return { email: session.email, accounts: accounts.map((a) => ({ authorId: a._id, siteId: a.siteId })) };
  }

  async signOut(token: string): Promise<void> {
    await this.models.Session.deleteOne({ _id: hashToken(token) });
  }

  /** Ends every session of a person, on every site: after a password reset. */
  async revokeAll(email: string): Promise<void> {
    await this.models.Session.deleteMany({ email: email.trim().toLowerCase() });
  }
}
