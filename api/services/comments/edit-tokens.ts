import type { Types } from 'mongoose';
import type { Signer } from '../core/secrets.js';

/**
 * The token that lets the browser that wrote a comment edit or delete it. Derived, not stored:
 * a retried POST (same clientId) can answer it again, and it dies with its comment's salt.
 */
export class EditTokens {
  constructor(private readonly signer: Signer) {}

  issue(comment: { _id: Types.ObjectId; editSalt: string }): string {
    return this.signer.sign('edit-token', `${comment._id.toHexString()}.${comment.editSalt}`);
  }

  matches(comment: { _id: Types.ObjectId; editSalt: string }, token: string): boolean {
    return this.signer.verify('edit-token', `${comment._id.toHexString()}.${comment.editSalt}`, token);
  }
}
