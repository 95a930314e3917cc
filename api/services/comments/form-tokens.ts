import type { Signer } from '../core/secrets.js';

/**
 * A signed note of when a site's comment form was handed out, so the server can tell a form
 * filled in by a person (seconds later) from one posted by a script (at once).
 */
export class FormTokens {
  constructor(private readonly signer: Signer) {}

  issue(siteId: string, now: Date): string {
    const payload = `${siteId}.${now.getTime()}`;
    return `${now.getTime().toString(36)}.${this.signer.sign('form-token', payload)}`;
  }

  /** When the form was handed out, or undefined when the token is not one this server signed for this site. */
  issuedAt(siteId: string, token: string): Date | undefined {
    const [time, signature] = token.split('.');
    const ms = parseInt(time ?? '', 36);
    if (!signature || !Number.isFinite(ms)) return undefined;
    return this.signer.verify('form-token', `${siteId}.${ms}`, signature) ? new Date(ms) : undefined;
  }
}
