import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { INBOX_ORIGIN, addAuthor, makeSite, signIn } from '../support/factories.js';
import { postOnGardens, useMail } from '../support/mail-context.js';
import { useTestContext } from '../support/test-context.js';

const ctx = useTestContext();
const mail = useMail(ctx);
const HOUR = 3_600_000;

/** A site written by Sonia and Chris Allison. */
async function twoAuthorSite() {
  const site = await makeSite(ctx);
  return { ...site, sonia: site.author, chris: await addAuthor(ctx, site) };
}

const subjects = (address: string) => mail.smtp.to(address).map((m) => m.parsed.subject);

describe('on a blog with several authors, who hears about a comment', () => {
  it('is the post’s own author alone; on a post without an author, every author', async () => {
    const site = await twoAuthorSite();
    expect((await postOnGardens(ctx, site.siteId, { page: '/chris/', pageTitle: 'Chris’s post', pageAuthor: 'Chris Allison', body: 'For Chris?' })).status).toBe(201);
    await mail.deliver();
    expect(subjects(site.chris.email)).toEqual(['“Ann” commented on “Chris’s post”']);
    expect(subjects(site.sonia.email)).toEqual([]);

    await postOnGardens(ctx, site.siteId, { page: '/nobody/', pageTitle: 'Nobody’s post', body: 'For anyone?' });
    await mail.deliver();
    expect(subjects(site.chris.email)).toHaveLength(2);
    expect(subjects(site.sonia.email)).toEqual(['“Ann” commented on “Nobody’s post”']);
  });

  it('includes an author who chose every post (in the inbox or with the CLI’s --scope all)', async () => {
    const site = await twoAuthorSite();
    const cookie = await signIn(ctx, site.sonia.email);
    const chosen = await request(ctx.app).patch(`/api/author/mail?site=${site.siteId}`).set('Origin', INBOX_ORIGIN).set('Cookie', cookie).send({ scope: 'all' });
    expect(chosen.body.choice.scope).toBe('all');
    const bad = await request(ctx.app).patch(`/api/author/mail?site=${site.siteId}`).set('Origin', INBOX_ORIGIN).set('Cookie', cookie).send({ scope: 'some' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fieldCodes)).toEqual(['scope']);

    await postOnGardens(ctx, site.siteId, { page: '/chris/', pageTitle: 'Chris’s post', pageAuthor: 'Chris Allison', body: 'Sonia hears too?' });
    await mail.deliver();
    expect(subjects(site.chris.email)).toHaveLength(1);
    expect(subjects(site.sonia.email)).toEqual(['“Ann” commented on “Chris’s post”']);
  });

  it('keeps each author’s digest to their scope', async () => {
    const site = await twoAuthorSite();
    for (const author of [site.sonia, site.chris]) await ctx.services.authors.setMailChoice(author._id, { notify: 'digest', digestHour: 10 });
    await postOnGardens(ctx, site.siteId, { page: '/chris/', pageTitle: 'Chris’s post', pageAuthor: 'Chris Allison', body: 'Question for Chris?' });
    await postOnGardens(ctx, site.siteId, { page: '/sonia/', pageTitle: 'Sonia’s post', pageAuthor: 'Sonia', body: 'Question for Sonia?' });
    ctx.clock.advance(2 * HOUR); // 11:00 UTC, past both digest hours
    await mail.deliver();
    const [chrisDigest] = mail.smtp.to(site.chris.email);
    const [soniaDigest] = mail.smtp.to(site.sonia.email);
    expect(chrisDigest?.parsed.subject).toBe(`1 reader is waiting for your reply on Blog ${site.siteId}`);
    expect(chrisDigest?.parsed.text).toContain('Question for Chris?');
    expect(chrisDigest?.parsed.text).not.toContain('Question for Sonia?');
    expect(soniaDigest?.parsed.text).toContain('Question for Sonia?');
    expect(soniaDigest?.parsed.text).not.toContain('Question for Chris?');
  });
});
