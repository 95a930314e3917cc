import type { Types } from 'mongoose';
import type { Services } from '../services/services.js';

export const DEMO_SITE_ID = 'demo';
const DEMO_AUTHOR = { name: 'Sonia', email: 'sonia@demo.rapport.invalid' };

/** What a first start prints so the person can try everything at once. */
export interface DemoCredentials {
  siteId: string;
  authorEmail: string;
  authorPassword: string;
}

/**
 * On an empty database, creates the demo site (allowed origin: the server itself) and its author.
 * Answers the credentials only when it created them; a database with any site is left alone.
 */
export async function ensureDemoSite(services: Services, publicUrl: string, now: Date): Promise<DemoCredentials | undefined> {
  if ((await services.sites.list()).length > 0) return undefined;
  await services.sites.create({ id: DEMO_SITE_ID, name: 'The Slow Blog', origins: sameServerOrigins(publicUrl) }, now);
  const { author, generatedPassword } = await services.authors.create({ siteId: DEMO_SITE_ID, ...DEMO_AUTHOR }, now);
  await seedConversation(services, author._id, publicUrl, now);
  return { siteId: DEMO_SITE_ID, authorEmail: DEMO_AUTHOR.email, authorPassword: generatedPassword! };
}

/**
 * The server's own origin, and for a localhost address its other spelling too: the demo is
 * opened at http://localhost:PORT as often as at http://127.0.0.1:PORT.
 */
function sameServerOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const twins: Record<string, string> = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' };
  const twin = twins[url.hostname];
  return twin ? [url.origin, `${url.protocol}//${twin}${url.port ? `:${url.port}` : ''}`] : [url.origin];
}

const HOUR = 3_600_000;

/** A conversation on the demo post: some readers answered, some waiting, questions among them. */
async function seedConversation(services: Services, authorId: Types.ObjectId, publicUrl: string, now: Date): Promise<void> {
  const page = { siteId: DEMO_SITE_ID, pageKey: '/demo', pageTitle: 'Why I answer every comment', pageUrl: `${publicUrl}/demo` };
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const reader = async (name: string, body: string, hoursAgo: number, parentId?: string) =>
    (await services.commentWriter.postReaderComment({ ...page, name, body, parentId }, undefined, at(hoursAgo))).comment.id;
  const reply = async (parentId: string, body: string, hoursAgo: number) =>
    (await services.commentWriter.postAuthorComment({ siteId: DEMO_SITE_ID, authorId, pageKey: page.pageKey, parentId, body }, at(hoursAgo)))._id.toHexString();

  const marco = await reader('Marco', 'How do you find the time to answer everyone? I barely keep up with my email.', 50);
  const answer = await reply(marco, 'Ten minutes every morning, before I open my email. Questions first — they are the ones that get forgotten.', 46);
  await reader('Priya', 'Ten minutes sounds doable. Do you use anything to keep track of who is still waiting?', 30, answer);
  const jonas = await reader('Jonas', 'This is *exactly* what made me stay with your blog. You answered my first comment within a day.', 26);
  await reply(jonas, 'Thank you, Jonas — that first conversation is one I remember too.', 25);
  await reader('Lea', 'What do you do with comments that don’t really need an answer? A thank-you feels forced sometimes.', 5);
  await reader('Ahmed', 'Great post. I shared it with our team — we run a company blog and never reply to anyone.', 2);
}
