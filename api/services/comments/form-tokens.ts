import crypto from 'node:crypto';
import type { Models } from '../../models/models.js';
import { isDuplicateKey } from '../core/duplicate-key.js';
import type { Signer } from '../core/secrets.js';

/** A form older than this has been left open too long to tell anything about its writer. */
const FORM_TOKEN_MAX_AGE_MS = 12 * 3_600_000;

/**
 * A signed note of when a site's comment form was handed out, so the server can tell a form
 * filled in by a person (seconds later) from one posted by a script (at once). Each token has
 * a random part, expires after FORM_TOKEN_MAX_AGE_MS and is good for one comment: a harvested
 * token cannot time any number of posts. The answer to a post carries the next one.
 */
export class FormTokens {
  constructor(
    private readonly models: Models,
    private readonly signer: Signer,
  ) {}

  issue(siteId: string, now: Date): string {
    const time = now.getTime().toString(36);
    const nonce = crypto.randomBytes(12).toString('base64url');
    return `${time}.${nonce}.${this.signer.sign('form-token', `${siteId}.${time}.${nonce}`)}`;
  }

  /**
   * Uses the token up for a comment: answers when its form was handed out, or undefined when it
   * is not one this server signed for this site, has expired, or was used before.
   */
  async use(siteId: string, token: string | undefined, now: Date): Promise<Date | undefined> {
    const [time = '', nonce = '', signature, ...rest] = (token ?? '').split('.');
    if (!signature || rest.length > 0 || !this.signer.verify('form-token', `${siteId}.${time}.${nonce}`, signature)) return undefined;
    const issuedAt = new Date(parseInt(time, 36));
    if (now.getTime() - issuedAt.getTime() > FORM_TOKEN_MAX_AGE_MS) return undefined;
    try {
      await this.models.UsedFormToken.create({ _id: nonce, expiresAt: new Date(issuedAt.getTime() + FORM_TOKEN_MAX_AGE_MS) });
    } catch (error) {
      if (isDuplicateKey(error)) return undefined;
      throw error;
    }
    return issuedAt;
  }
}
