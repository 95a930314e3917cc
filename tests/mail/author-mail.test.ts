import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { BLOG_ORIGIN, INBOX_ORIGIN, authorComment, makeSite, signIn } from '../support/factories.js';
import { hrefsIn, postOnGardens, useMail } from '../support/mail-context.js';
import { useTestContext } from '../support/test-context.js';

const ctx = useTestContext();
const mail = useMail(ctx);
const HOUR = 3_600_000;

/** The author's mail choice changed through the inbox's API. */
const chooseMail = (siteId: string, cookie: string, changes: Record<string, unknown>) =>
  request(ctx.app).patch(`/api/author/mail?site=${siteId}`).set('Origin', INBOX_ORIGIN).set('Cookie', cookie).send(changes);

const post = (siteId: string, fields: Record<string, unknown>) => postOnGardens(ctx, siteId, fields);

describe('the author hears about readers', () => {
  it('gets one mail per new reader comment, with the comment, the page and links to the inbox and the blog', async () => {
    const site = await makeSite(ctx);
    const res = await post(site.siteId, { body: 'Which roses bloom twice a year?', email: 'ann@example.net' });
    expect(res.status).toBe(201);
    const id = res.body.comment.id as string;
    await mail.deliver();

    const [received, ...more] = mail.smtp.to(site.author.email);
    expect(more).toHaveLength(0);
    expect(received!.parsed.subject).toBe('“Ann” commented on “On gardens”');
    expect(received!.parsed.from?.value[0]).toEqual({ name: `Blog ${site.siteId}`, address: 'rapport@127.0.0.1' });
    expect(received!.parsed.text).toContain('Which roses bloom twice a year?');
    expect(received!.parsed.text).toContain('It asks a question.');
    expect(hrefsIn(received!)).toEqual([`${INBOX_ORIGIN}/inbox?site=${site.siteId}#comment-${id}`, `${BLOG_ORIGIN}/post/#comment-${id}`]);
    // The reader's address is for reply mail only; it is in no other mail.
    expect(received!.raw).not.toContain('ann@example.net');
  });

  it('is not told about spam, held comments, or when the author chose no mail', async () => {
    const site = await makeSite(ctx);
    await ctx.services.sites.update(site.siteId, { settings: { blockedWords: ['casino'] } });
    const spam = await post(site.siteId, { body: 'Best casino bonus here' });
    expect((await ctx.models.Comment.findById(spam.body.comment.id).lean())?.status).toBe('spam');
    await ctx.services.sites.update(site.siteId, { settings: { moderation: 'pre' } });
    expect((await post(site.siteId, { body: 'Held for approval' })).body.comment.status).toBe('pending');
    await mail.deliver();
    expect(mail.smtp.to(site.author.email)).toHaveLength(0);

    await ctx.services.sites.update(site.siteId, { settings: { moderation: 'post' } });
    await ctx.services.authors.setMailChoice(site.author._id, { notify: 'off' });
    expect((await post(site.siteId, { body: 'Published, but nobody wants mail' })).body.comment.status).toBe('published');
    await mail.deliver();
    expect(mail.smtp.to(site.author.email)).toHaveLength(0);
    expect(await ctx.models.OutboxMessage.countDocuments({ siteId: site.siteId })).toBe(0);
  });

  it('gets one mail for 50 concurrent posts with the same clientId', async () => {
    const site = await makeSite(ctx);
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(site.siteId, { body: 'Only once, please', clientId: 'same-client-id-0001' })));
    expect(answers.every((r) => r.status === 201)).toBe(true);
    await mail.deliver();
    expect(await ctx.models.Comment.countDocuments({ siteId: site.siteId })).toBe(1);
    expect(mail.smtp.to(site.author.email)).toHaveLength(1);
  });

  it('gets a daily digest at the chosen hour of their time zone, most important first, only when someone waits', async () => {
    const site = await makeSite(ctx);
    const cookie = await signIn(ctx, site.author.email);
    const chosen = await chooseMail(site.siteId, cookie, { notify: 'digest', digestHour: 8, timeZone: 'America/New_York' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.choice).toEqual({ notify: 'digest', scope: 'mine', digestHour: 8, timeZone: 'America/New_York' });

    // 2026-03-02 09:00 UTC is 04:00 in New York: too early.
    await post(site.siteId, { name: 'Cid', body: 'Lovely photos.' });
    ctx.clock.advance(60_000);
    await post(site.siteId, { name: 'Bea', body: 'How deep should the bulbs go?' });
    const answered = await post(site.siteId, { name: 'Dee', body: 'Thanks for this.' });
    await authorComment(ctx, site, { parentId: answered.body.comment.id, body: 'Glad you liked it.' });
    await mail.deliver();
    expect(mail.smtp.to(site.author.email)).toHaveLength(0);

    ctx.clock.advance(4 * HOUR + 5 * 60_000); // 08:05 in New York
    await mail.deliver();
    await mail.deliver();
    const digests = mail.smtp.to(site.author.email);
    expect(digests).toHaveLength(1);
    const digest = digests[0]!;
    expect(digest.parsed.subject).toBe(`2 readers are waiting for your reply on Blog ${site.siteId}`);
    const text = digest.parsed.text!;
    // The question comes first although Cid has waited longer.
    expect(text.indexOf('How deep should the bulbs go?')).toBeLessThan(text.indexOf('Lovely photos.'));
    expect(text).not.toContain('Thanks for this.');
    expect(text).toContain('The longest has waited 4 hours.');
    expect(text).toContain('once a day at 08:00 (America/New_York)');
    expect(hrefsIn(digest).every((href) => href.startsWith(`${INBOX_ORIGIN}/inbox?site=${site.siteId}`))).toBe(true);

    // Past the reply goal (24 h), the next day's digest says how many are overdue, and lists a
    // snoozed comment apart: it waits, but the author put it off until next week…
    const cid = await ctx.models.Comment.findOne({ siteId: site.siteId, name: 'Cid' }).lean();
    const snoozed = await request(ctx.app).patch(`/api/comments/${cid!._id.toHexString()}`).set('Cookie', cookie).set('Origin', INBOX_ORIGIN).send({ snooze: 'next-week' });
    expect(snoozed.status).toBe(200);
    ctx.clock.advance(24 * HOUR);
    await mail.deliver();
    expect(mail.smtp.to(site.author.email)).toHaveLength(2);
    const second = mail.smtp.to(site.author.email)[1]!.parsed.text!;
    expect(second).toContain('2 of them have waited longer than your goal of 24 hours.');
    expect(second).toContain('1 you snoozed wait too; they come back to the inbox when their time comes.');
    expect(second).not.toContain('Lovely photos.');

    // …and once everyone has an answer, there is no digest at all.
    const waiting = await ctx.models.Comment.find({ siteId: site.siteId, awaitingReply: true }).lean();
    for (const comment of waiting) await authorComment(ctx, site, { parentId: comment._id.toHexString() });
    ctx.clock.advance(24 * HOUR);
    await mail.deliver();
    expect(mail.smtp.to(site.author.email)).toHaveLength(2);
  });

  it('sees the delivery state in the inbox API, with no reader address in it', async () => {
    const site = await makeSite(ctx);
    await post(site.siteId, { body: 'A comment to mail about', email: 'private@example.net', notifyReplies: true });
    const cookie = await signIn(ctx, site.author.email);
    const before = await request(ctx.app).get(`/api/author/mail?site=${site.siteId}`).set('Cookie', cookie);
    expect(before.status).toBe(200);
    expect(before.body.delivery.counts).toEqual({ queued: 2, sending: 0, sent: 0, failed: 0 });
    await mail.deliver();
    const after = await request(ctx.app).get(`/api/author/mail?site=${site.siteId}`).set('Cookie', cookie);
    expect(after.body.delivery.counts).toEqual({ queued: 0, sending: 0, sent: 2, failed: 0 });
    expect(after.body.delivery.recent.map((m: { kind: string }) => m.kind).sort()).toEqual(['author-comment', 'reader-confirm']);
    expect(JSON.stringify(after.body)).not.toContain('private@example.net');
    expect(JSON.stringify(after.body)).not.toContain(site.author.email);
  });

  it('refuses a time zone that does not exist, and another site’s settings', async () => {
    const site = await makeSite(ctx);
    const other = await makeSite(ctx);
    const cookie = await signIn(ctx, site.author.email);
    const bad = await chooseMail(site.siteId, cookie, { timeZone: 'Mars/Olympus_Mons' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ timeZone: 'must be a time zone name such as Europe/Berlin' });
    const foreign = await chooseMail(other.siteId, cookie, { notify: 'off' });
    expect(foreign.status).toBe(404);
    expect(await ctx.services.authors.mailChoice(other.author._id)).toEqual({ notify: 'instant', scope: 'mine', digestHour: 8, timeZone: 'UTC' });
  });
});
