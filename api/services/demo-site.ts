import type { Services } from './services.js';

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
  await services.sites.create({ id: DEMO_SITE_ID, name: 'Rapport demo blog', origins: [publicUrl] }, now);
  const { generatedPassword } = await services.authors.create({ siteId: DEMO_SITE_ID, ...DEMO_AUTHOR }, now);
  return { siteId: DEMO_SITE_ID, authorEmail: DEMO_AUTHOR.email, authorPassword: generatedPassword! };
}
