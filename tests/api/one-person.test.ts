import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/services/sites/passwords.js';
import { AUTHOR_PASSWORD, INBOX_ORIGIN, makeSite, signIn } from '../support/factories.js';
import { useTestContext } from '../support/test-context.js';

// One person, one sign-in: the same email on several sites is one password and one session
// that shows every site they write.
const ctx = useTestContext();

const login = (email: string, password: string) => request(ctx.app).post('/api/auth/login').set('Origin', INBOX_ORIGIN).send({ email, password });
const sitesOf = async (cookie: string) =>
  ((await request(ctx.app).get('/api/auth/me').set('Cookie', cookie)).body.sites as { id: string }[] | undefined)?.map((site) => site.id).sort();

describe('an author of several sites', () => {
  it('is added to another site with the password they have, and one sign-in shows both sites', async () => {
    const first = await makeSite(ctx);
    const second = await makeSite(ctx);
    const added = await ctx.services.authors.create({ siteId: second.siteId, name: 'Sonia', email: first.author.email.toUpperCase(), password: 'another password here' }, ctx.clock.now());
    expect(added).toMatchObject({ known: true, generatedPassword: undefined });
    // The password given for the second site changes nothing: theirs is still theirs.
    expect((await login(first.author.email, 'another password here')).status).toBe(401);
    const cookie = await signIn(ctx, first.author.email);
    expect(await sitesOf(cookie)).toEqual([first.siteId, second.siteId].sort());
    expect(await ctx.models.Person.countDocuments({ email: first.author.email })).toBe(1);
  });

  it('sees a site they were added to after signing in, without signing in again', async () => {
    const first = await makeSite(ctx);
    const cookie = await signIn(ctx, first.author.email);
    const later = await makeSite(ctx);
    await ctx.services.authors.create({ siteId: later.siteId, name: 'Sonia', email: first.author.email }, ctx.clock.now());
    expect(await sitesOf(cookie)).toEqual([first.siteId, later.siteId].sort());
    const queue = await request(ctx.app).get('/api/inbox').query({ site: later.siteId }).set('Cookie', cookie);
    expect(queue.status).toBe(200);
  });

  it('has one new password everywhere, and every session ends', async () => {
    const first = await makeSite(ctx);
    const second = await makeSite(ctx);
    await ctx.services.authors.create({ siteId: second.siteId, name: 'Sonia', email: first.author.email }, ctx.clock.now());
    const cookie = await signIn(ctx, first.author.email);
    const { generatedPassword } = await ctx.services.authors.setPassword(second.siteId, first.author.email, undefined);
    await ctx.services.sessions.revokeAll(first.author.email);
    expect((await request(ctx.app).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    expect((await login(first.author.email, AUTHOR_PASSWORD)).status).toBe(401);
    expect(await sitesOf(await signIn(ctx, first.author.email, generatedPassword))).toEqual([first.siteId, second.siteId].sort());
  });
});

describe('accounts from before one person had one password', () => {
  it('become one person: each site’s old password still signs in to every site, until a new one is set', async () => {
    const [a, b] = [await makeSite(ctx), await makeSite(ctx)];
    const email = 'legacy-writer@example.com';
    // As an older version stored them: a password on each site account.
    const accounts = ctx.models.Author.collection;
    await accounts.insertMany([
      { siteId: a.siteId, name: 'Lee', email, passwordHash: await hashPassword('password of site a'), notify: 'instant', mailScope: 'mine', digestHour: 8, timeZone: 'UTC', createdAt: new Date('2025-01-01') },
      { siteId: b.siteId, name: 'Lee', email, passwordHash: await hashPassword('password of site b'), notify: 'instant', mailScope: 'mine', digestHour: 8, timeZone: 'UTC', createdAt: new Date('2025-06-01') },
    ]);
    expect((await login(email, 'password of site a')).status).toBe(401);

    expect(await ctx.services.people.adoptAccountPasswords(ctx.clock.now())).toBe(1);
    expect(await accounts.countDocuments({ email, passwordHash: { $exists: true } })).toBe(0);
    for (const password of ['password of site a', 'password of site b']) {
      expect(await sitesOf(await signIn(ctx, email, password))).toEqual([a.siteId, b.siteId].sort());
    }
    // Run again (every start does): nothing left to do, nothing changed.
    expect(await ctx.services.people.adoptAccountPasswords(ctx.clock.now())).toBe(0);
    expect(await ctx.models.Person.countDocuments({ email })).toBe(1);

    await ctx.services.authors.setPassword(a.siteId, email, 'one password now');
    expect((await login(email, 'password of site b')).status).toBe(401);
    expect((await login(email, 'one password now')).status).toBe(204);
  });
});
