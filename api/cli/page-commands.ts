import type { Command } from 'commander';
import { pageChangeBody, pageKey, siteId } from '../http/schemas.js';
import { withServices } from './with-services.js';
import { checked, print } from './output.js';

/** `rapport page …`: a page's title and URL, as readers' first comments named them, and its author. */
export function addPageCommands(program: Command): void {
  const page = program.command('page').description('manage pages (the posts comments are on)');

  page
    .command('set <site> <page>')
    .description('correct a page’s title or URL, or say whose post it is (the page is named by its key, e.g. /2024/my-post/)')
    .option('--title <title>', 'the title mails and the inbox show')
    .option('--url <url>', 'the page’s address, on one of the site’s origins ("" clears it)')
    .option('--author <email>', 'the site author who wrote the post: readers wait for them ("" clears it)')
    .action(async (site: string, key: string, options: { title?: string; url?: string; author?: string }) => {
      const id = checked(siteId, site, 'site id');
      const change = checked(pageChangeBody, options, '--title/--url/--author');
      await withServices(async (services) => {
        const origins = (await services.sites.get(id)).origins;
        const corrected = await services.pages.describe(await services.pages.correct(id, checked(pageKey, key, 'page'), change, origins));
        const author = corrected.author ? `${corrected.author.name} <${corrected.author.email}>` : '(none)';
        print(`Page ${corrected.key} on ${id}: title "${corrected.title}", URL ${corrected.url || '(none)'}, author ${author}`);
      });
    });
}
