import type { CountsResponse, NewCommentRequest, OwnComment, PostedCommentResponse, PreviewResponse, PublicComment, ReaderEditResponse, ThreadResponse } from '../../contract/public-api.js';
import { ApiError, apiErrorOf } from './api-error.js';

/**
 * A comment in a thread: as anyone sees it, with its status when it is this browser's own
 * (a pending comment is shown to its writer only).
 */
export type ApiComment = PublicComment & Partial<Pick<OwnComment, 'status'>>;
export type ApiThread = ThreadResponse;
export type Counts = CountsResponse['counts'];

/** The widget's one way to talk to the server. */
export class ApiClient {
  constructor(readonly origin: string) {}

  thread(site: string, page: string, cursor?: string, signal?: AbortSignal): Promise<ApiThread> {
    const query = new URLSearchParams({ site, page });
    if (cursor) query.set('cursor', cursor);
    return this.request(`/api/comments?${query}`, { signal });
  }

  post(comment: NewCommentRequest): Promise<PostedCommentResponse> {
    return this.request('/api/comments', { method: 'POST', body: JSON.stringify(comment) });
  }

  edit(id: string, token: string, body: string): Promise<ReaderEditResponse> {
    return this.request(`/api/comments/${id}`, { method: 'PATCH', body: JSON.stringify({ body }), token });
  }

  remove(id: string, token: string): Promise<void> {
    return this.request(`/api/comments/${id}`, { method: 'DELETE', token });
  }

  preview(body: string): Promise<PreviewResponse> {
    return this.request('/api/preview', { method: 'POST', body: JSON.stringify({ body }) });
  }

  counts(site: string, pages: string[]): Promise<CountsResponse> {
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
