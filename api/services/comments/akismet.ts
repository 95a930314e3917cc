/** What Akismet said about a comment; `unknown` when it could not be asked (down, slow, refused). */
export type AkismetVerdict = 'spam' | 'ham' | 'unknown';

export interface AkismetComment {
  blogUrl: string;
  permalink?: string;
  userIp: string;
  userAgent: string;
  authorName: string;
  authorEmail?: string | null;
  authorUrl?: string | null;
  content: string;
}

/**
 * Akismet's comment-check, when AKISMET_KEY is set. Each call has its own timeout; anything but
 * a clear answer is `unknown`, and the comment then waits for approval: never lost, never
 * published unchecked.
 */
export class Akismet {
  constructor(private readonly options: { key: string; url: string; timeoutMs: number }) {}

  async check(comment: AkismetComment): Promise<AkismetVerdict> {
    const form = new URLSearchParams({
      api_key: this.options.key,
      blog: comment.blogUrl,
      user_ip: comment.userIp,
      user_agent: comment.userAgent,
      comment_type: 'comment',
      comment_author: comment.authorName,
      comment_content: comment.content,
    });
    if (comment.permalink) form.set('permalink', comment.permalink);
    if (comment.authorEmail) form.set('comment_author_email', comment.authorEmail);
    if (comment.authorUrl) form.set('comment_author_url', comment.authorUrl);
    try {
      const res = await fetch(this.options.url, { method: 'POST', body: form, signal: AbortSignal.timeout(this.options.timeoutMs) });
      const text = (await res.text()).trim();
      if (!res.ok) return 'unknown';
      return text === 'true' ? 'spam' : text === 'false' ? 'ham' : 'unknown';
    } catch {
      return 'unknown';
    }
  }
}
