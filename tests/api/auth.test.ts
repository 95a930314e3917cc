import crypto from 'node:crypto';
import request from 'supertest';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTestContext } from '../support/test-context.js';
import { AUTHOR_PASSWORD, INBOX_ORIGIN, makeSite, signIn } from '../support/factories.js';
import { LOGIN_LIMITS } from '../../api/http/rate-limits.js';
import { SESSION_IDLE_MS } from '../../api/services/sites/sessions.js';

const ctx = useTestContext();

const login = (body: object, origin = INBOX_ORIGIN) => request(ctx.app).post('/api/auth/login').set('Origin', origin).send(body);

describe('POST /api/auth/login', () => {
  it('answers 204 with an HttpOnly, SameSite=Strict session cookie, and stores only a hash of it', async () => {
    const site = await makeSite(ctx);
    const res = await login({ email: site.author.email.toUpperCase(), password: AUTHOR_PASSWORD });
    expect(res.status).toBe(204);
    const cookie = res.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^rapport_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = await ctx.models.Session.find().lean();
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('refuses a wrong password or an unknown email with 401 in the error shape', async () => {
    const site = await makeSite(ctx);
    for (const body of [{ email: site.author.email, password: 'wrong' }, { email: 'nobody@example.com', password: AUTHOR_PASSWORD }]) {
      const res = await login(body);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('bad_credentials');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses malformed input with 400 naming the field, and another origin with 403', async () => {
    const site = await makeSite(ctx);
    const bad = await login({ email: { $ne: '' }, password: AUTHOR_PASSWORD });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['email']);
    const foreign = await login({ email: site.author.email, password: AUTHOR_PASSWORD }, 'https://evil.example');
    expect(foreign.status).toBe(403);
  });

  it('throttles repeated failures for an account with 429 and Retry-After, without counting successes', async () => {
    const site = await makeSite(ctx);
    for (let i = 0; i < 3; i++) expect((await login({ email: site.author.email, password: AUTHOR_PASSWORD })).status).toBe(204);
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) expect((await login({ email: site.author.email, password: `guess-${i}` })).status).toBe(401);
    const blocked = await login({ email: site.author.email, password: 'guess-again' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_attempts');
    // Whole seconds: HTTP's Retry-After is an integer.
    expect(blocked.headers['retry-after']).toMatch(/^[1-9][0-9]*$/);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // The window is counted in the database, so every instance sees it.
    const counters = await ctx.models.RateLimitCounter.find().lean();
    expect(counters.map((c) => c._id)).toContain(ctx.services.counters.idOf('login-account', site.author.email));
    // Clients are named by a keyed hash, never by their address or email.
    expect(JSON.stringify(counters)).not.toContain(site.author.email);
    expect(JSON.stringify(counters)).not.toContain('127.0.0.1');
  });
});

describe('sign-in throttling that no stranger can turn against the author', () => {
  // Every test here signs in from the same address: each starts with that address's window empty.
  beforeEach(async () => {
    await ctx.models.RateLimitCounter.deleteMany({});
  });

  it('costs an unknown email one password hash, as a wrong password for a known one does', async () => {
    const site = await makeSite(ctx);
    const hashes = vi.spyOn(crypto, 'scrypt');
    expect((await login({ email: `nobody-${Date.now()}@example.com`, password: 'guess' })).status).toBe(401);
    const forUnknown = hashes.mock.calls.length;
    hashes.mockClear();
    expect((await login({ email: site.author.email, password: 'guess' })).status).toBe(401);
    const forKnown = hashes.mock.calls.length;
    hashes.mockRestore();
    expect(forKnown).toBe(1);
    expect(forUnknown).toBe(forKnown);
  });

  it('lets the author in from a browser that signed in before, while strangers’ guesses lock the account elsewhere', async () => {
    const site = await makeSite(ctx);
    const first = await login({ email: site.author.email, password: AUTHOR_PASSWORD });
    const device = ([] as string[]).concat(first.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!).find((c) => c.startsWith('rapport_device='))!;
    expect(device).toBeDefined();
    for (let i = 0; i < LOGIN_LIMITS.perAccount + 1; i++) await login({ email: site.author.email, password: `guess-${i}` });
    expect((await login({ email: site.author.email, password: AUTHOR_PASSWORD })).status).toBe(429);
    const own = await request(ctx.app).post('/api/auth/login').set('Origin', INBOX_ORIGIN).set('Cookie', device).send({ email: site.author.email, password: AUTHOR_PASSWORD });
    expect(own.status).toBe(204);
    // The cookie vouches for that email only.
    const other = await makeSite(ctx);
    for (let i = 0; i < LOGIN_LIMITS.perAccount + 1; i++) await login({ email: other.author.email, password: `guess-${i}` });
    const borrowed = await request(ctx.app).post('/api/auth/login').set('Origin', INBOX_ORIGIN).set('Cookie', device).send({ email: other.author.email, password: AUTHOR_PASSWORD });
    expect(borrowed.status).toBe(429);
  });

  it('refuses another origin before counting anything, and counts only wrong credentials', async () => {
    const site = await makeSite(ctx);
    const accountWindow = ctx.services.counters.idOf('login-account', site.author.email);
    for (let i = 0; i < LOGIN_LIMITS.perAccount * 2; i++) {
      expect((await login({ email: site.author.email, password: `guess-${i}` }, 'https://evil.example')).status).toBe(403);
      expect((await login({ email: site.author.email, password: 42 })).status).toBe(400);
      // A malformed request's hit is taken back once it is answered.
      await expect.poll(async () => (await ctx.models.RateLimitCounter.findById(accountWindow).lean())?.hits ?? 0).toBe(0);
    }
    expect((await login({ email: site.author.email, password: AUTHOR_PASSWORD })).status).toBe(204);
  });
});

describe('GET /api/auth/me and POST /api/auth/logout', () => {
  it('tells who is signed in and their sites; after logout the cookie no longer works', async () => {
    const site = await makeSite(ctx);
    const cookie = await signIn(ctx, site.author.email);
    const me = await request(ctx.app).get('/api/auth/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      author: { name: 'Sonia', email: site.author.email },
      sites: [{ id: site.siteId, name: `Blog ${site.siteId}`, replyGoalHours: 24, moderation: 'post', authors: [{ name: 'Sonia', email: site.author.email }] }],
    });
    const out = await request(ctx.app).post('/api/auth/logout').set('Cookie', cookie).set('Origin', INBOX_ORIGIN);
    expect(out.status).toBe(204);
    expect((await request(ctx.app).get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
  });

  it('answers 401 without a session, with a made-up one, and after the session idles out', async () => {
    const site = await makeSite(ctx);
    expect((await request(ctx.app).get('/api/auth/me')).status).toBe(401);
    expect((await request(ctx.app).get('/api/auth/me').set('Cookie', 'rapport_session=made-up')).status).toBe(401);
    const cookie = await signIn(ctx, site.author.email);
    ctx.clock.advance(SESSION_IDLE_MS + 1000);
    const res = await request(ctx.app).get('/api/auth/me').set('Cookie', cookie);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('not_signed_in');
  });

  it('refuses logout from another origin', async () => {
    const site = await makeSite(ctx);
    const cookie = await signIn(ctx, site.author.email);
    const res = await request(ctx.app).post('/api/auth/logout').set('Cookie', cookie).set('Origin', 'https://evil.example');
    expect(res.status).toBe(403);
    expect((await request(ctx.app).get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
  });
});
