import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { BLOG_ORIGIN, INBOX_ORIGIN, authorComment, makeSite } from '../support/factories.js';
import { hrefsIn, linkIn, postOnGardens, useMail } from '../support/mail-context.js';
import { useTestContext } from '../support/test-context.js';

const ctx = useTestContext();
const mail = useMail(ctx);
const DAY = 24 * 3_600_000;
let readerNumber = 0;

const post = async (siteId: string, fields: Record<string, unknown>) => {
  const res = await postOnGardens(ctx, siteId, fields);
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.comment.id as string;
};

/** Every start tag in an HTML text, with its attribute names. */
const tagsIn = (html: string) =>
  [...html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)].map((m) => ({ name: m[1]!.toLowerCase(), attributes: [...m[2]!.matchAll(/([a-z-]+)="[^"]*"/gi)].map((a) => a[1]!.toLowerCase()) }));

/** The path and query of a link to this server, for supertest. */
const local = (link: string) => link.slice(INBOX_ORIGIN.length);

/** A site and a reader who asked for reply mail from their browser and confirmed through the page's POST. */
async function confirmedReader() {
  const site = await makeSite(ctx);
  const email = `reader${++readerNumber}@example.net`;
  const browserKey = `browser-of-reader-${readerNumber}`;
  const commentId = await post(site.siteId, { body: 'Do tulips need cold winters?', email, notifyReplies: true, browserKey });
  await mail.deliver();
  const [confirmation] = mail.smtp.to(email);
  const form = await request(ctx.app).get(local(linkIn(confirmation!, `${INBOX_ORIGIN}/mail/confirm?t=`)));
  const token = /name="t" value="([^"]+)"/.exec(form.text)![1]!;
  expect((await request(ctx.app).post('/mail/confirm').type('form').send({ t: token })).status).toBe(200);
  return { site, email, commentId, browserKey };
}

describe('a reader hears back', () => {
  it('confirms by a POST from the confirmation page; a GET only shows it; nothing else is sent before', async () => {
    const site = await makeSite(ctx);
    const commentId = await post(site.siteId, { body: 'Do tulips need cold winters?', email: 'Tulip@Example.net', notifyReplies: true });
    await mail.deliver();
    const [confirmation, ...more] = mail.smtp.to('tulip@example.net');
    expect(more).toHaveLength(0);
    expect(confirmation!.parsed.subject).toBe(`Confirm reply notifications from Blog ${site.siteId}`);

    // Unconfirmed: the author's answer sends nothing.
    await authorComment(ctx, site, { parentId: commentId, body: 'Yes, about six weeks.' });
    await mail.deliver();
    expect(mail.smtp.to('tulip@example.net')).toHaveLength(1);

    const link = linkIn(confirmation!, `${INBOX_ORIGIN}/mail/confirm?t=`);
    const page = await request(ctx.app).get(local(link));
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.text).toContain('<form method="post" action="/mail/confirm">');
    expect((await ctx.models.Subscription.findOne({ email: 'tulip@example.net' }).lean())!.confirmedAt).toBeNull();

    const token = /name="t" value="([^"]+)"/.exec(page.text)![1]!;
    const done = await request(ctx.app).post('/mail/confirm').type('form').send({ t: token });
    expect(done.status).toBe(200);
    expect(done.text).toContain('You will get a mail when someone replies');

    await authorComment(ctx, site, { parentId: commentId, body: 'And plant them in autumn.' });
    await mail.deliver();
    expect(mail.smtp.to('tulip@example.net')).toHaveLength(2);
  });

  it('gets the author’s answer marked as such, with the text, a link to it and a one-click unsubscribe', async () => {
    const { site, email, commentId } = await confirmedReader();
    const reply = await authorComment(ctx, site, { parentId: commentId, body: 'Most need 12 weeks below 9 °C.' });
    await mail.deliver();
    const received = mail.smtp.to(email).at(-1)!;
    expect(received.parsed.subject).toBe('Sonia, the author, answered your comment on “On gardens”');
    expect(received.parsed.text).toContain('Most need 12 weeks below 9 °C.');
    expect(received.parsed.text).toContain('Do tulips need cold winters?');
    // mailparser gathers the List-* headers under `list`.
    const list = received.parsed.headers.get('list') as { unsubscribe: { url: string }; 'unsubscribe-post': { name: string } };
    const oneClick = list.unsubscribe;
    expect(oneClick.url).toMatch(new RegExp(`^${INBOX_ORIGIN}/mail/unsubscribe\\?t=[\\w.-]+&scope=site$`));
    expect(list['unsubscribe-post'].name).toBe('List-Unsubscribe=One-Click');
    expect(hrefsIn(received)[0]).toBe(`${BLOG_ORIGIN}/post/#comment-${reply.id}`);
    expect(received.raw).not.toContain(site.author.email);

    // One click, as a mail program sends it: no more mail from this site.
    const clicked = await request(ctx.app).post(local(oneClick.url)).type('form').send('List-Unsubscribe=One-Click');
    expect(clicked.status).toBe(200);
    await authorComment(ctx, site, { parentId: commentId, body: 'One more thing.' });
    await post(site.siteId, { parentId: commentId, name: 'Bob', body: 'Mine bloomed anyway.' });
    await mail.deliver();
    expect(mail.smtp.to(email)).toHaveLength(2);
  });

  it('hears of other readers’ replies without learning their address, and not of their own', async () => {
    const { site, email, commentId } = await confirmedReader();
    await post(site.siteId, { parentId: commentId, name: 'Bob', email: 'bob@example.org', body: 'In my garden they did fine without.' });
    await post(site.siteId, { parentId: commentId, name: 'Ann', email, body: 'Thanks, Bob!' });
    await mail.deliver();
    const replies = mail.smtp.to(email).slice(1);
    expect(replies.map((m) => m.parsed.subject)).toEqual(['“Bob” replied to your comment on “On gardens”']);
    expect(replies[0]!.raw).not.toContain('bob@example.org');
  });

  it('unsubscribes from one conversation or the whole site on the page the mail links to', async () => {
    const { site, email, commentId, browserKey } = await confirmedReader();
    const other = await post(site.siteId, { body: 'And crocuses?', email, notifyReplies: true, browserKey });
    await authorComment(ctx, site, { parentId: commentId, body: 'About the tulips…' });
    await mail.deliver();
    const pageLink = linkIn(mail.smtp.to(email).at(-1)!, `${INBOX_ORIGIN}/mail/unsubscribe?t=`);
    const page = await request(ctx.app).get(local(pageLink));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Stop mails about this conversation');
    expect(page.text).toContain(`Stop all mails from Blog ${site.siteId}`);

    const token = /name="t" value="([^"]+)"/.exec(page.text)![1]!;
    const thread = /name="thread" value="([^"]+)"/.exec(page.text)![1]!;
    expect(thread).toBe(commentId);
    expect((await request(ctx.app).post('/mail/unsubscribe').type('form').send({ t: token, scope: 'thread', thread })).status).toBe(200);
    await authorComment(ctx, site, { parentId: commentId, body: 'Tulips again' });
    await authorComment(ctx, site, { parentId: other, body: 'Crocuses are easy' });
    await mail.deliver();
    expect(mail.smtp.to(email).slice(2).map((m) => m.parsed.text?.includes('Crocuses are easy'))).toEqual([true]);

    expect((await request(ctx.app).post('/mail/unsubscribe').type('form').send({ t: token, scope: 'site' })).status).toBe(200);
    await authorComment(ctx, site, { parentId: other, body: 'Crocuses, part two' });
    await mail.deliver();
    expect(mail.smtp.to(email)).toHaveLength(3);
  });

  it('goes only to a writer who proved the address: from the browser that confirmed, or by confirming again', async () => {
    const { site, email, browserKey } = await confirmedReader();
    // A stranger types the confirmed reader's address and answers themselves.
    const posed = await post(site.siteId, { body: 'Tell me about replies', email, notifyReplies: true, browserKey: 'the-strangers-browser' });
    await post(site.siteId, { parentId: posed, name: 'Stranger', body: 'Words the victim should receive' });
    await mail.deliver();
    // Only the first confirmation: the fresh one this comment asks for waits for tomorrow.
    expect(mail.smtp.to(email)).toHaveLength(1);
    expect(mail.smtp.to(email).some((m) => m.raw.includes('Words the victim'))).toBe(false);
    expect((await ctx.models.Comment.findById(posed).lean())?.mailProven).toBe(false);

    // The reader themselves, from the browser they confirmed from: no new confirmation needed.
    const own = await post(site.siteId, { body: 'Back again', email, notifyReplies: true, browserKey });
    expect((await ctx.models.Comment.findById(own).lean())?.mailProven).toBe(true);
    await authorComment(ctx, site, { parentId: own, body: 'Welcome back' });
    await mail.deliver();
    expect(mail.smtp.to(email).at(-1)!.parsed.text).toContain('Welcome back');

    // Another day, the stranger's comment asks for a confirmation of its own; the victim ignores it.
    ctx.clock.advance(DAY + 1000);
    const again = await post(site.siteId, { body: 'Once more, as them', email, notifyReplies: true, browserKey: 'the-strangers-browser' });
    await mail.deliver();
    expect(mail.smtp.to(email).at(-1)!.parsed.subject).toBe(`Confirm reply notifications from Blog ${site.siteId}`);
    await post(site.siteId, { parentId: again, name: 'Stranger', body: 'Still not delivered' });
    await mail.deliver();
    expect(mail.smtp.to(email).some((m) => m.raw.includes('Still not delivered'))).toBe(false);
  });

  it('cannot be used to flood a stranger’s mailbox: one confirmation per address a day, across sites', async () => {
    const [first, second] = [await makeSite(ctx), await makeSite(ctx)];
    for (const site of [first, second, first]) await post(site.siteId, { body: `Sign me up ${Math.random()}`, email: 'stranger@example.com', notifyReplies: true });
    await mail.deliver();
    expect(mail.smtp.to('stranger@example.com')).toHaveLength(1);
    // Ten first requests for a new address at the same moment: one subscription, one mail.
    await Promise.all(Array.from({ length: 10 }, (_, n) => post(first.siteId, { body: `Together ${n}`, email: 'twins@example.com', notifyReplies: true })));
    await mail.deliver();
    expect(await ctx.models.Subscription.countDocuments({ email: 'twins@example.com' })).toBe(1);
    expect(mail.smtp.to('twins@example.com')).toHaveLength(1);

    ctx.clock.advance(DAY + 1000);
    await post(second.siteId, { body: 'Once more', email: 'stranger@example.com', notifyReplies: true });
    await mail.deliver();
    expect(mail.smtp.to('stranger@example.com')).toHaveLength(2);
  });

  it('refuses links with a wrong, tampered or other-purpose token, changing nothing', async () => {
    const { email } = await confirmedReader();
    const subscription = await ctx.models.Subscription.findOne({ email }).lean();
    const confirmToken = ctx.services.subscriptions.token('confirm', subscription!);
    for (const t of ['nonsense', `${subscription!._id.toHexString()}.forged`, confirmToken]) {
      const res = await request(ctx.app).post(`/mail/unsubscribe?t=${encodeURIComponent(t)}&scope=site`).type('form').send('List-Unsubscribe=One-Click');
      expect(res.status).toBe(400);
      expect(res.text).toContain('This link is not valid.');
    }
    expect((await request(ctx.app).get('/mail/confirm')).status).toBe(400);
    expect((await ctx.models.Subscription.findOne({ email }).lean())!.unsubscribedAt).toBeNull();
  });

  it('arrives inert when the names and texts in it are hostile', async () => {
    const { site, email, commentId } = await confirmedReader();
    const hostileName = 'Eve\r\nBcc: victim@evil.test\r\nX-Injected: yes <script>alert(1)</script>';
    const hostileBody = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) [site](https://evil.test/) <script>alert(2)</script>';
    await post(site.siteId, { parentId: commentId, name: hostileName, body: hostileBody });
    await mail.deliver();
    for (const received of [mail.smtp.to(email).at(-1)!, mail.smtp.to(site.author.email).at(-1)!]) {
      expect(received.recipients).toHaveLength(1);
      expect(received.parsed.headers.has('bcc')).toBe(false);
      expect(received.parsed.headers.has('x-injected')).toBe(false);
      expect(received.parsed.subject).not.toMatch(/[\r\n]/);
      const html = String(received.parsed.html);
      // Only the layout's own tags and attributes; what the reader typed is text.
      expect(new Set(tagsIn(html).map((t) => t.name))).toEqual(new Set(['html', 'head', 'meta', 'body', 'p', 'blockquote', 'a']));
      expect(new Set(tagsIn(html).flatMap((t) => t.attributes))).toEqual(new Set(['charset', 'style', 'href']));
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(hrefsIn(received).every((href) => href.startsWith(`${BLOG_ORIGIN}/`) || href.startsWith(`${INBOX_ORIGIN}/`))).toBe(true);
    }
  });

  it('writes in the reader’s language (the widget’s), and the author’s mail in the site’s', async () => {
    const site = await makeSite(ctx);
    await ctx.services.sites.update(site.siteId, { settings: { locale: 'es' } });
    await post(site.siteId, { body: 'Gibt es Tulpen ohne Winter?', email: 'tulpe@example.de', notifyReplies: true, locale: 'de-AT' });
    await mail.deliver();
    const [confirmation] = mail.smtp.to('tulpe@example.de');
    expect(confirmation!.parsed.subject).toBe(`Benachrichtigungen über Antworten von Blog ${site.siteId} bestätigen`);
    const page = await request(ctx.app).get(local(linkIn(confirmation!, `${INBOX_ORIGIN}/mail/confirm?t=`)));
    expect(page.text).toContain('<html lang="de-AT">');
    expect(page.text).toContain('Ja, mir bei Antworten eine Mail schicken');
    expect(mail.smtp.to(site.author.email)[0]!.parsed.subject).toBe('«Ann» comentó en «On gardens»');
  });

  it('is forgotten when erased: no consent kept, no mail left in the outbox', async () => {
    const { email } = await confirmedReader();
    expect(await ctx.models.OutboxMessage.countDocuments({ to: email })).toBe(1);
    await ctx.services.siteData.eraseReader(email, ctx.clock.now());
    expect(await ctx.models.Subscription.countDocuments({ email })).toBe(0);
    expect(await ctx.models.OutboxMessage.countDocuments({ to: email })).toBe(0);
  });
});
