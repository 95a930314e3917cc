import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Me } from '../../contract/author-api.js';
import type { InboxApi } from './inbox-api.js';
import type { InboxMessages } from './inbox-messages.js';

/**
 * Who is signed in to the inbox: asked once connected, then through the sign-in form. Calls
 * `signedIn` each time an author is known, so the inbox can load their queue.
 */
export class InboxSession implements ReactiveController {
  me?: Me;
  signedOut = false;
  /** Why the last sign-in failed, in the author's language; '' when it did not. */
  error = '';
  busy = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: InboxApi,
    private readonly messages: InboxMessages,
    private readonly signedIn: (me: Me) => Promise<void>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.recognize();
  }

  async signIn(email: string, password: string): Promise<void> {
    this.busy = true;
    this.host.requestUpdate();
    const failure = await this.api.signIn(email, password);
    this.busy = false;
    this.error = !failure ? '' : failure === 'too_many_attempts' ? this.messages.tooManyAttempts : this.messages.badCredentials;
    this.host.requestUpdate();
    if (!failure) await this.recognize();
  }

  async signOut(): Promise<void> {
    await this.api.signOut();
    this.me = undefined;
    this.signedOut = true;
    this.host.requestUpdate();
  }

  private async recognize(): Promise<void> {
    this.me = await this.api.me();
    this.signedOut = !this.me;
    this.host.requestUpdate();
    if (this.me) await this.signedIn(this.me);
  }
}
