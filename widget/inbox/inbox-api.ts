import type { ApiComment } from '../shared/api-client.js';
import type { ImportSummary } from '../../contract/author-api.js';
import type { SnoozeChoice } from '../../contract/enums.js';
import { ApiError, apiErrorOf } from '../shared/api-error.js';
import type { PageChange } from './inbox-events.js';

export type InboxView = 'awaiting' | 'pending' | 'spam' | 'all';

/** The inbox's figures and chart cover the last 8 weeks. */
const STATS_DAYS = 56;

export type CommentStatus = 'published' | 'pending' | 'spam' | 'deleted';

export interface InboxItem {
  comment: Omit<ApiComment, 'status'> & { status: CommentStatus; noReplyNeeded: boolean; body: string; snoozedUntil: string | null };
  page: { key: string; title: string; url: string };
  parent: (ApiComment & { status: string }) | null;
  reader: { name: string; commentCount: number; firstCommentAt: string; answeredCount: number } | null;
  waitingSince: string | null;
  reasons: string[];
}

export interface Me {
  author: { name: string; email: string };
  sites: { id: string; name: string; replyGoalHours: number; moderation: string }[];
}

interface Figures {
  received: number;
  answered: number;
  replyRate: number | null;
  medianHoursToFirstReply: number | null;
  p90HoursToFirstReply: number | null;
}

export interface Stats extends Figures {
  waitingNow: number;
  oldestWaitingSince: string | null;
  overdue: number;
  floodHold: { since: string; held: number } | null;
  queues: { awaiting: number; pending: number; spam: number };
  perPage: (Figures & { page: { key: string; title: string; url: string }; waitingNow: number })[];
  perWeek: (Figures & { weekOf: string })[];
}

export interface MailChoice {
  notify: 'instant' | 'digest' | 'off';
  digestHour: number;
  timeZone: string;
}

export interface MailState {
  choice: MailChoice;
  delivery: {
    counts: { queued: number; sending: number; sent: number; failed: number };
    recent: { kind: string; status: string; attempts: number; lastError: string | null; createdAt: string; sentAt: string | null }[];
  };
}

/** What the author chose for an upload: the options of `rapport data import`. */
export interface ImportChoice {
  file: File;
  /** A day (YYYY-MM-DD): unanswered reader comments from before it need no reply; '' for the default. */
  waitingSince: string;
  /** Usernames, logins or names in the export that are the signed-in author's own comments. */
  names: string[];
  dryRun: boolean;
}

export type CommentChange = { status: CommentStatus } | { awaitingReply: boolean } | { body: string } | { snooze: SnoozeChoice | null };

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

  async list(site: string, view: InboxView, page?: string, cursor?: string): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
    const query = new URLSearchParams({ site, view });
    if (page) query.set('page', page);
    if (cursor) query.set('cursor', cursor);
    return this.read(await fetch(`/api/inbox?${query}`, { credentials: 'same-origin' }));
  }

  async stats(site: string): Promise<Stats> {
    return this.read(await fetch(`/api/stats?${new URLSearchParams({ site, days: String(STATS_DAYS) })}`, { credentials: 'same-origin' }));
  }

  async reply(id: string, body: string): Promise<ApiComment> {
    return (await this.read<{ comment: ApiComment }>(await this.send('POST', `/api/comments/${id}/replies`, { body }))).comment;
  }

  async change(id: string, change: CommentChange): Promise<InboxItem['comment']> {
    return (await this.read<{ comment: InboxItem['comment'] }>(await this.send('PATCH', `/api/comments/${id}`, change))).comment;
  }

  async mail(site: string): Promise<MailState> {
    return this.read(await fetch(`/api/author/mail?${new URLSearchParams({ site })}`, { credentials: 'same-origin' }));
  }

  async setMail(site: string, changes: Partial<MailChoice>): Promise<MailChoice> {
    return (await this.read<{ choice: MailChoice }>(await this.send('PATCH', `/api/author/mail?${new URLSearchParams({ site })}`, changes))).choice;
  }

  /** Erases a reader's data on the site; answers how many comments became placeholders. */
  async erase(site: string, email: string): Promise<number> {
    return (await this.read<{ erased: { comments: number } }>(await this.send('POST', `/api/author/erase?${new URLSearchParams({ site })}`, { email }))).erased.comments;
  }

  async changePage(site: string, change: PageChange): Promise<InboxItem['page']> {
    const path = `/api/pages?${new URLSearchParams({ site, page: change.key })}`;
    return (await this.read<{ page: InboxItem['page'] }>(await this.send('PATCH', path, { title: change.title, url: change.url }))).page;
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
