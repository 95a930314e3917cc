// Builds a realistic thread: varied bodies, about 30% replies, some of them by the author.
const SENTENCES = [
  'This is exactly the problem I ran into last spring with our newsletter.',
  'I tried the approach you describe and the reply rate went *way* up.',
  'Could you say more about how you handle readers who never come back?',
  'We measured something similar: answered readers returned twice as often.',
  'Small nitpick: the second chart’s axis is labelled in weeks, not days.',
  'Does this still hold for a blog with a few hundred readers?',
  'Thanks for writing this up — bookmarking it for the team. See https://example.com/notes for ours.',
  '**Strongly agree.** Comments are where the relationship actually starts.',
];

/** Seeds `size` comments on one page through the real services, so every rule and counter applies. */
export async function seedThread(services, { siteId, authorId, pageKey, size, start }) {
  const ids = [];
  for (let i = 0; i < size; i++) {
    const now = new Date(start.getTime() + i * 1000);
    const reply = ids.length > 0 && i % 10 < 3;
    const parentId = reply ? ids[(i * 7919) % ids.length] : undefined;
    // Numbered, so no two are the same text: a repeated text would be held as a duplicate, unseen.
    const body = `${Array.from({ length: 1 + (i % 4) }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join(' ')} (${pageKey} ${i + 1})`;
    if (reply && i % 20 === 1) {
      const comment = await services.commentWriter.postAuthorComment({ siteId, authorId, pageKey, parentId, body }, now);
      ids.push(comment._id.toHexString());
      continue;
    }
    const posted = await services.commentWriter.postReaderComment(
      { siteId, pageKey, parentId, name: `Reader ${i % 37}`, body, website: i % 5 === 0 ? 'https://reader.example' : undefined },
      undefined,
      now,
    );
    ids.push(posted.comment.id);
  }
  // A benchmark of a thread that is not all there would measure something else: stop instead.
  const page = await services.pages.find(siteId, pageKey);
  if (page.commentCount !== size) throw new Error(`seeded ${pageKey}: ${page.commentCount} of ${size} comments published`);
}
