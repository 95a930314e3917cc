import { describe, expect, it } from 'vitest';
import type { ApiComment, ApiThread } from '../../widget/shared/api-client.js';
import { waitingAuthorOf, withEdited, withPosted, withRemoved, withSlice } from '../../widget/thread/thread-state.js';

// The thread element's state changes, without a browser: what each event makes of what it shows.

const comment = (id: string, fields: Partial<ApiComment> = {}): ApiComment => ({
  id, parentId: null, author: { name: `Reader ${id}`, website: null, isAuthor: false }, html: `<p>${id}</p>`,
  createdAt: '2026-12-01T10:00:00.000Z', editedAt: null, awaitingReply: true, type: 'comment', ...fields,
});

function thread(fields: { authors?: string[]; author?: { name: string } | null; highlight?: 'everyone' | 'off' } = {}): ApiThread {
  return {
    site: { id: 'blog', name: 'Blog', authors: fields.authors ?? ['Sonia'], highlight: fields.highlight ?? 'everyone', moderation: 'post', locale: 'en' },
    page: { key: '/p/', title: 'P', url: '', commentCount: 2, awaitingReply: 1, locked: false, author: fields.author ?? null },
    comments: [], nextCursor: null, formToken: 'form-1',
  };
}

const posted = (shown: ApiComment, author: { name: string } | null = null) => ({
  comment: { ...shown, status: shown.status ?? 'published', body: 'source' }, editToken: 't', editableUntil: '2026-12-01T10:15:00.000Z', formToken: 'form-2', page: { author },
});

describe('thread state', () => {
  it('adds a slice once, with the reader’s own held comments on this page only', () => {
    const held = comment('held', { status: 'pending' });
    // Keyed by comment id, as the browser remembers them: 'a' is on the page already.
    const own = {
      held: { token: 't', editableUntil: '2099-01-01T00:00:00Z', body: 'b', pending: { page: '/p/', comment: held } },
      elsewhere: { token: 't', editableUntil: '2099-01-01T00:00:00Z', body: 'b', pending: { page: '/other/', comment: comment('elsewhere') } },
      a: { token: 't', editableUntil: '2099-01-01T00:00:00Z', body: 'b', pending: { page: '/p/', comment: comment('a') } },
    };
    expect(withSlice([comment('a')], [comment('a'), comment('b')], own, '/p/').map((c) => c.id)).toEqual(['a', 'b', 'held']);
  });

  it('counts a posted comment when published, not when held, and takes the page’s author and the next form token', () => {
    const [comments, after] = withPosted([[comment('a')], thread()], posted(comment('new'), { name: 'Chris Allison' }));
    expect(comments.map((c) => c.id)).toEqual(['a', 'new']);
    expect(after?.page).toMatchObject({ commentCount: 3, awaitingReply: 2, author: { name: 'Chris Allison' } });
    expect(after?.formToken).toBe('form-2');
    const [, held] = withPosted([[], thread()], posted(comment('new', { status: 'pending' })));
    expect(held?.page).toMatchObject({ commentCount: 2, awaitingReply: 1 });
    // A replayed post answers the same comment again: it is shown once.
    expect(withPosted([[comment('new')], thread()], posted(comment('new')))[0].map((c) => c.id)).toEqual(['new']);
  });

  it('keeps an edited comment’s status as its writer saw it', () => {
    const edited = withEdited([comment('a', { status: 'pending' }), comment('b')], comment('a', { html: '<p>new</p>' }));
    expect(edited[0]).toMatchObject({ html: '<p>new</p>', status: 'pending' });
    expect(edited[1]?.id).toBe('b');
  });

  it('leaves a placeholder for a removed comment with replies, else takes it out, and uncounts only a published one', () => {
    const parent = comment('a');
    const [withReplies, counted] = withRemoved([[parent, comment('b', { parentId: 'a', awaitingReply: false })], thread()], parent);
    expect(withReplies[0]).toMatchObject({ id: 'a', removed: true, html: '' });
    expect(counted?.page).toMatchObject({ commentCount: 1, awaitingReply: 0 });
    const [alone, uncounted] = withRemoved([[comment('c', { status: 'pending' })], thread()], comment('c', { status: 'pending' }));
    expect(alone).toEqual([]);
    expect(uncounted?.page).toMatchObject({ commentCount: 2, awaitingReply: 1 });
  });

  it('waits for the post’s author, else the only author, else the blog; for nobody when marks are off', () => {
    expect(waitingAuthorOf(thread({ authors: ['Sonia', 'Chris Allison'], author: { name: 'Chris Allison' } }))).toBe('Chris Allison');
    expect(waitingAuthorOf(thread({ authors: ['Sonia'] }))).toBe('Sonia');
    expect(waitingAuthorOf(thread({ authors: ['Sonia', 'Chris Allison'] }))).toBe('');
    expect(waitingAuthorOf(thread({ highlight: 'off', author: { name: 'Sonia' } }))).toBeUndefined();
    expect(waitingAuthorOf(undefined)).toBeUndefined();
  });
});
