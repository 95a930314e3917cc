import type { ApiClient, Counts } from '../shared/api-client.js';

interface Waiter {
  page: string;
  resolve(counts: Counts[string]): void;
  reject(error: unknown): void;
}

const queues = new Map<string, Waiter[]>();

/**
 * Counts for one page, fetched together with every other page asked for in the same task:
 * an index page with twenty posts makes one request per site and server, not twenty (through
 * the first asker's client).
 */
export function countFor(client: ApiClient, site: string, page: string): Promise<Counts[string]> {
  const key = `${client.origin} ${site}`;
  return new Promise((resolve, reject) => {
    const queue = queues.get(key);
    if (queue) return void queue.push({ page, resolve, reject });
    queues.set(key, [{ page, resolve, reject }]);
    setTimeout(() => void flush(key, client, site), 0);
  });
}

async function flush(key: string, client: ApiClient, site: string): Promise<void> {
  const waiters = queues.get(key) ?? [];
  queues.delete(key);
  const pages = [...new Set(waiters.map((w) => w.page))];
  for (let i = 0; i < pages.length; i += 100) {
    const chunk = pages.slice(i, i + 100);
    try {
      const { counts } = await client.counts(site, chunk);
      for (const waiter of waiters) if (chunk.includes(waiter.page)) waiter.resolve(counts[waiter.page]!);
    } catch (error) {
      for (const waiter of waiters) if (chunk.includes(waiter.page)) waiter.reject(error);
    }
  }
}
