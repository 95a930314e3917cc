import { describe, expect, it } from 'vitest';
import { ThreadCache } from '../../api/services/threads/thread-cache.js';

const body = (bytes: number, fill = 'x') => async () => Buffer.alloc(bytes, fill);

describe('the thread cache', () => {
  it('keeps no more bytes than its bound, whatever the number of keys', async () => {
    const cache = new ThreadCache(60_000, 100_000);
    for (let i = 0; i < 1_000; i++) await cache.get('blog', `/p/${i}`, body(5_000));
    expect(cache.size).toBeGreaterThan(50_000);
    expect(cache.size).toBeLessThanOrEqual(100_000);
    // An answer larger than the whole bound is served, never kept.
    expect((await cache.get('blog', '/huge', body(200_000))).length).toBe(200_000);
    expect(cache.size).toBeLessThanOrEqual(100_000);
  });

  it('lets a changed site’s answers go at once, and keeps the other sites’', async () => {
    const cache = new ThreadCache(60_000, 1_000_000);
    await cache.get('one', '/a', body(10_000));
    await cache.get('two', '/a', body(10_000));
    const both = cache.size;
    cache.invalidateSite('one');
    expect(cache.size).toBeLessThan(both);
    expect(cache.size).toBeGreaterThan(0);
    // The next read of the changed site builds anew.
    expect((await cache.get('one', '/a', body(10, 'y'))).toString()).toBe('y'.repeat(10));
  });

  it('serves what it is told not to keep without keeping it', async () => {
    const cache = new ThreadCache(60_000, 1_000_000);
    let builds = 0;
    const counted = async () => {
      builds += 1;
      return Buffer.from('{}');
    };
    await cache.get('blog', '/odd', counted, async () => false);
    await cache.get('blog', '/odd', counted, async () => false);
    expect(builds).toBe(2);
    expect(cache.size).toBe(0);
    await cache.get('blog', '/usual', counted);
    await cache.get('blog', '/usual', counted);
    expect(builds).toBe(3);
  });
});
