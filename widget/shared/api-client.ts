import type { CommentType } from '../../contract/enums.js';
import { ApiError, apiErrorOf } from './api-error.js';

/** What the public API says about a comment (see README, "The public API"). */
export interface ApiComment {
  id: string;
  parentId: string | null;
  author: { name: string; website: string | null; isAuthor: boolean };
  html: string;
  createdAt: string;
  editedAt: string | null;
  awaitingReply: boolean;
  /** A pingback or trackback (later webmention) is shown as one "mentioned on" line. */
  type: CommentType;
  status?: 'published' | 'pending';
  /** A placeholder for a removed comment that still has replies. */
  removed?: true;
  /** Answers a comment deeper than a thread goes; shown beside it (README, "The public API"). */
  replyTo?: { id: string; name: string };
}

export interface ApiThread {
  site: { id: string; name: string; authors: string[]; highlight: 'everyone' | 'off'; moderation: 'post' | 'pre'; locale: string };
  page: { key: string; title: string; url: string; commentCount: number; awaitingReply: number; locked: boolean };
  comments: ApiComment[];
  nextCursor: string | null;
  formToken: string;
}

export interface NewComment {
  site: string;
  page: string;
  pageTitle?: string;
  pageUrl?: string;
  parentId?: string;
  name: string;
  email?: string;
  website?: string;
  body: string;
  notifyReplies?: boolean;
  locale?: string;
  clientId: string;
  formToken?: string;
  browserKey?: string;
  honeypot?: string;
}

export interface Posted {
  comment: ApiComment;
  editToken: string;
  editableUntil: string;
  formToken: string;
}

export type Counts = Record<string, { commentCount: number; awaitingReply: number }>;

/** The widget's one way to talk to the server. */
export class ApiClient {
  constructor(readonly origin: string) {}

  thread(site: string, page: string, cursor?: string, signal?: AbortSignal): Promise<ApiThread> {
    const query = new URLSearchParams({ site, page });
    if (cursor) query.set('cursor', cursor);
    return this.request(`/api/comments?${query}`, { signal });
  }

  post(comment: NewComment): Promise<Posted> {
    return this.request('/api/comments', { method: 'POST', body: JSON.stringify(comment) });
  }

  edit(id: string, token: string, body: string): Promise<{ comment: ApiComment }> {
    return this.request(`/api/comments/${id}`, { method: 'PATCH', body: JSON.stringify({ body }), token });
  }

  remove(id: string, token: string): Promise<void> {
    return this.request(`/api/comments/${id}`, { method: 'DELETE', token });
  }

  preview(body: string): Promise<{ html: string }> {
    return this.request('/api/preview', { method: 'POST', body: JSON.stringify({ body }) });
  }

  counts(site: string, pages: string[]): Promise<{ counts: Counts }> {
    const query = new URLSearchParams({ site });
    for (const page of pages) query.append('page', page);
    return this.request(`/api/counts?${query}`);
  }

  private async request<T>(path: string, options: { method?: string; body?: string; token?: string; signal?: AbortSignal } = {}): Promise<T> {
    const headers: Record<string, string> = {};
    if (options.body) headers['Content-Type'] = 'application/json';
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await fetch(this.origin + path, { method: options.method ?? 'GET', headers, body: options.body, signal: options.signal, credentials: 'omit' });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError('network', String(error));
    }
    if (response.status === 204) return undefined as T;
    if (!response.ok) throw await apiErrorOf(response);
    return (await response.json().catch(() => ({}))) as T;
  }
}
