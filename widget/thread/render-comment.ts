import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../shared/messages.js';
import { safeWebsite } from '../shared/safe-url.js';
import { fullDate, relativeTime } from '../shared/time.js';
import type { CommentNode } from './thread-tree.js';

/** What rendering a comment needs from the thread: texts, state, and what its buttons do. */
export interface CommentContext {
  messages: Messages;
  locale: string;
  /** The author whose reply waiting readers expect ('' for the blog's authors as a whole), or undefined when the site hides waiting marks. */
  waitingFor?: string;
  isOwn(id: string): boolean;
  /** The inline form under this comment (reply or edit), if one is open there. */
  formFor(id: string): TemplateResult | typeof nothing;
  onReply(id: string, trigger: HTMLElement): void;
  onEdit(id: string, trigger: HTMLElement): void;
  onDelete(id: string): void;
}

/** One comment and its replies, as an article with a stable `#comment-ID` anchor. */
export function renderComment(node: CommentNode, ctx: CommentContext): TemplateResult {
  const { comment } = node;
  const m = ctx.messages;
  const id = `comment-${comment.id}`;
  if (comment.removed || (comment.type ?? 'comment') !== 'comment') {
    // One line: a removed comment keeps its place for its replies; a mention names the site it is on.
    const kind = comment.removed ? 'removed' : 'mention';
    return html`<article id=${id} class="comment ${kind}" part="comment ${kind}" tabindex="-1">
      <p class="meta">${comment.removed ? m.deleted : [m.mentionedOn, ' ', renderName(comment.author.name, comment.author.website, `${id}-by`)]}</p>
      ${renderReplies(node, ctx)}
    </article>`;
  }
  const marks = ctx.waitingFor != null;
  const waiting = comment.awaitingReply && marks;
  const pending = comment.status === 'pending';
  // comment.html is rendered by the server through one allow-list sanitizer: the only HTML the widget trusts.
  const parts = ['comment', comment.author.isAuthor ? 'author-comment' : '', waiting ? 'waiting' : '', pending ? 'pending' : ''];
  return html`
    <article id=${id} class="comment ${waiting ? 'waiting' : ''} ${comment.author.isAuthor ? 'by-author' : ''}"
      part=${parts.filter(Boolean).join(' ')} tabindex="-1" aria-labelledby="${id}-by">
      <header class="meta">
        ${renderName(comment.author.name, comment.author.website, `${id}-by`)}
        ${comment.author.isAuthor ? html`<span class="badge" part="badge">${m.authorBadge}</span>` : nothing}
        ${node.parent ? html`<span class="in-reply">${m.inReplyTo((comment.replyTo?.name ?? node.parent.author.name) || '…')}</span>` : nothing}
        <a class="when" href="#${id}"><time datetime=${comment.createdAt} title=${fullDate(comment.createdAt, ctx.locale)}>${relativeTime(comment.createdAt, ctx.locale)}</time></a>
        ${comment.editedAt ? html`<span class="edited">(${m.edited})</span>` : nothing}
      </header>
      <div class="body" part="comment-body" .innerHTML=${comment.html}></div>
      ${pending ? html`<p class="pending" part="pending-label">${m.pendingApproval}</p>` : nothing}
      ${waiting ? html`<p class="mark" part="waiting-label">${m.waitingFor(ctx.waitingFor!)}</p>` : nothing}
      ${!waiting && node.answeredBy && marks ? html`<p class="answered" part="answered-label">${m.authorReplied(node.answeredBy)}</p>` : nothing}
      <div class="actions">
        ${pending ? nothing : html`<button class="link" part="button reply" aria-label=${m.replyTo(comment.author.name)}
          @click=${(e: Event) => ctx.onReply(comment.id, e.currentTarget as HTMLElement)}>${m.reply}</button>`}
        ${ctx.isOwn(comment.id)
          ? html`<button class="link" part="button" @click=${(e: Event) => ctx.onEdit(comment.id, e.currentTarget as HTMLElement)}>${m.edit}</button>
              <button class="link" part="button" @click=${() => ctx.onDelete(comment.id)}>${m.delete}</button>`
          : nothing}
      </div>
      ${ctx.formFor(comment.id)}
      ${renderReplies(node, ctx)}
    </article>
  `;
}

function renderReplies(node: CommentNode, ctx: CommentContext) {
  if (node.replies.length === 0) return nothing;
  return html`<div class="replies">${node.replies.map((reply) => renderComment(reply, ctx))}</div>`;
}

function renderName(name: string, website: string | null, id: string) {
  const href = safeWebsite(website);
  return href
    ? html`<a class="name" id=${id} part="comment-author" href=${href} rel="nofollow ugc noopener" target="_blank">${name}</a>`
    : html`<strong class="name" id=${id} part="comment-author">${name}</strong>`;
}
