import type {
  AuthorReplyResponse,
  CommentChange,
  CommentChangeResponse,
  EraseResponse,
  ImportSummary,
  InboxItem,
  InboxResponse,
  MailChoice,
  MailChoiceRequest,
  MailChoiceResponse,
  MailStateResponse,
  Me,
  PageChangeRequest,
  PageChangeResponse,
  StatsResponse,
} from '../../contract/author-api.js';
import type { AuthorScope, InboxView } from '../../contract/enums.js';
import { ApiError, apiErrorOf } from '../shared/api-error.js';
import type { PageChange } from './inbox-events.js';

/** The inbox's figures and chart cover the last 8 weeks. */
const STATS_DAYS = 56;

/** What the author chose for an upload: the options of `rapport data import`. */
export interface ImportChoice {
  file: File;
  /** A day (YYYY-MM-DD): unanswered reader comments from before it need no reply; '' for the default. */
  waitingSince: string;
  /** Usernames, logins or names in the export that are the signed-in author's own comments. */
  names: string[];
  dryRun: boolean;
}

/** The author API, from the inbox's own origin with its session cookie. */
export class InboxApi {
  async me(): Promise<Me | undefined> {
    const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
    if (res.status === 401) return undefined;
    return this.read(res);
  }

  /** Answers the error code on failure ('bad_credentials', 'too_many_attempts', …). */
  async signIn(email: string, password: string): Promise<string | undefined> {
    const res = await this.send('POST', '/api/auth/login', { email, password });
    return res.ok ? undefined : (await apiErrorOf(res)).code;
  }

  async signOut(): Promise<void> {
    await this.send('POST', '/api/auth/logout');
  }

  /** One view of a site's comments, on the posts `scope` covers (see AuthorScope). */
  async list(site: string, view: InboxView, scope: AuthorScope, page?: string, cursor?: string): Promise<InboxResponse> {
    const query = new URLSearchParams({ site, view, scope });
    if (page) query.set('page', page);
    if (cursor) query.set('cursor', cursor);
    return this.read(await fetch(`/api/inbox?${query}`, { credentials: 'same-origin' }));
  }

  async stats(site: string, scope: AuthorScope): Promise<StatsResponse> {
    return this.read(await fetch(`/api/stats?${new URLSearchParams({ site, days: String(STATS_DAYS), scope })}`, { credentials: 'same-origin' }));
  }

  async reply(id: string, body: string): Promise<AuthorReplyResponse['comment']> {
    return (await this.read<AuthorReplyResponse>(await this.send('POST', `/api/comments/${id}/replies`, { body }))).comment;
  }

  async change(id: string, change: CommentChange): Promise<InboxItem['comment']> {
    return (await this.read<CommentChangeResponse>(await this.send('PATCH', `/api/comments/${id}`, change))).comment;
  }

  async mail(site: string): Promise<MailStateResponse> {
    return this.read(await fetch(`/api/author/mail?${new URLSearchParams({ site })}`, { credentials: 'same-origin' }));
  }

  async setMail(site: string, changes: MailChoiceRequest): Promise<MailChoice> {
    return (await this.read<MailChoiceResponse>(await this.send('PATCH', `/api/author/mail?${new URLSearchParams({ site })}`, changes))).choice;
  }

  /** Erases a reader's data on the site; answers how many comments became placeholders. */
  async erase(site: string, email: string): Promise<number> {
    return (await this.read<EraseResponse>(await this.send('POST', `/api/author/erase?${new URLSearchParams({ site })}`, { email }))).erased.comments;
  }

  /** Sends only what the change names: the fields left out stay as they are. */
  async changePage(site: string, change: PageChange): Promise<InboxItem['page']> {
    const path = `/api/pages?${new URLSearchParams({ site, page: change.key })}`;
    const body: PageChangeRequest = { title: change.title, url: change.url, author: change.author };
    return (await this.read<PageChangeResponse>(await this.send('PATCH', path, body))).page;
  }

  /**
   * Uploads an export into the site (XMLHttpRequest, for the upload's progress, which fetch
   * cannot report); answers the import's summary once the server has written it.
   */
  importFile(site: string, authorEmail: string, choice: ImportChoice, onSent: (sent: number, total: number) => void): Promise<ImportSummary> {
    const query = new URLSearchParams({ site });
    if (choice.waitingSince) query.set('waitingSince', choice.waitingSince);
    for (const name of choice.names) query.append('author', `${name}=${authorEmail}`);
    if (choice.dryRun) query.set('dryRun', 'true');
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/author/import?${query}`);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.upload.onprogress = (event) => onSent(event.loaded, event.total);
      xhr.onload = async () => {
        const response = new Response(xhr.responseText, { status: xhr.status });
        if (response.ok) resolve((await response.json()) as ImportSummary);
        else reject(await apiErrorOf(response));
      };
      xhr.onerror = () => reject(new ApiError('network', 'The server could not be reached.'));
      xhr.send(choice.file);
    });
  }

  exportUrl(site: string): string {
    return `/api/author/export?${new URLSearchParams({ site })}`;
  }

  private send(method: string, path: string, body?: object): Promise<Response> {
    return fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  private async read<T>(res: Response): Promise<T> {
    if (!res.ok) throw await apiErrorOf(res);
    return (await res.json()) as T;
  }
}
