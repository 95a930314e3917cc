/** A comment the server answered 201 for, and when the answer came. */
export interface Acknowledged {
  id: string;
  page: string;
  editToken?: string;
  /** The comment it answers, if any. */
  parentId?: string;
  at: number;
}

export interface WriteLoadOptions {
  /** The server's address. */
  url: string;
  /** The server's PUBLIC_URL origin, which author replies must come from. */
  inboxOrigin: string;
  site: string;
  /** The blog's origin, which reader comments come from. */
  origin: string;
  /** The author's session cookie, for replies as the author. */
  authorCookie: string;
  pages: string[];
  writers: number;
}

/** Writers posting reader comments, reader replies and author replies until stopped; answers what was acknowledged. */
export function startWriteLoad(options: WriteLoadOptions) {
  const acknowledged: Acknowledged[] = [];
  const failures: string[] = [];
  let stopped = false;
  let sequence = 0;
  const waiters: { count: number; resolve(): void }[] = [];

  const post = async (path: string, body: object, headers: Record<string, string>) => {
    const res = await fetch(`${options.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    if (res.status !== 201) {
      failures.push(`${path} ${res.status} ${await res.text()}`);
      return undefined;
    }
    return (await res.json()) as { comment: { id: string }; editToken?: string };
  };

  const writeOne = async () => {
    const n = ++sequence;
    const page = options.pages[n % options.pages.length]!;
    const earlier = acknowledged.filter((c) => c.page === page);
    const parent = earlier.length > 0 && n % 3 !== 0 ? earlier[(n * 7) % earlier.length] : undefined;
    const answer = parent && n % 4 === 0
      ? await post(`/api/comments/${parent.id}/replies`, { body: `Author answer ${n}` }, { origin: options.inboxOrigin, cookie: options.authorCookie })
      : await post('/api/comments', { site: options.site, page, name: `Reader ${n}`, body: `Comment number ${n}?`, parentId: parent?.id }, { origin: options.origin });
    if (!answer) return;
    acknowledged.push({ id: answer.comment.id, page, editToken: answer.editToken, parentId: parent?.id, at: Date.now() });
    for (const waiter of waiters.filter((w) => acknowledged.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };

  const writers = Array.from({ length: options.writers }, async () => {
    while (!stopped) await writeOne().catch((error: Error) => void failures.push(error.message));
  });

  return {
    acknowledged,
    /** Every request that was not answered 201, with its status and answer. */
    failures,
    /** Resolves once at least `count` comments were acknowledged. */
    reached: (count: number) =>
      acknowledged.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    /** Stops the writers and waits for the requests in flight. */
    async stop() {
      stopped = true;
      await Promise.all(writers);
    },
  };
}
