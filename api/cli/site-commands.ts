import type { Command } from 'commander';
import { z } from 'zod';
import { siteId } from '../http/schemas.js';
import { withServices } from './with-services.js';
import { checked, collect, embedSnippet, print } from './output.js';
import { HIGHLIGHT_MODES, MODERATION_MODES } from '../../contract/enums.js';

const origin = z.url({ protocol: /^https?$/, error: 'must be an http(s) origin such as https://blog.example.com' });

/** `rapport site …`: create, list and configure sites. */
export function addSiteCommands(program: Command): void {
  const site = program.command('site').description('manage sites (blogs)');

  site
    .command('add')
    .description('create a site and its first author')
    .requiredOption('--id <id>', 'short id used in the embed snippet, e.g. my-blog')
    .requiredOption('--name <name>', 'the blog’s name')
    .requiredOption('--origin <url>', 'an origin the blog is served from (repeatable)', collect, [])
    .requiredOption('--author-name <name>', 'the first author’s display name')
    .requiredOption('--author-email <email>', 'the first author’s sign-in email')
    .option('--author-password <password>', 'the first author’s password (generated when omitted)')
    .action(async (options: { id: string; name: string; origin: string[]; authorName: string; authorEmail: string; authorPassword?: string }) => {
      const id = checked(siteId, options.id, '--id');
      const origins = options.origin.map((value) => checked(origin, value, '--origin'));
      const email = checked(z.email(), options.authorEmail, '--author-email');
      await withServices(async (services, config) => {
        const now = new Date();
        await services.sites.create({ id, name: options.name, origins }, now);
        const { known, generatedPassword } = await services.authors.create(
          { siteId: id, name: options.authorName, email, password: options.authorPassword },
          now,
        );
        print(`Created site ${id}.`);
        print(`Embed it with:\n  ${embedSnippet(config.publicUrl, id)}`);
        print(`Inbox: ${config.publicUrl}/inbox (sign in as ${email}${known ? ', with the password they have for their other site' : ''})`);
        if (generatedPassword) print(`Generated password for ${email.toLowerCase()}: ${generatedPassword}`);
      }, { mayCreate: true });
    });

  site
    .command('list')
    .description('list sites')
    .action(async () => {
      await withServices(async (services) => {
        for (const each of await services.sites.list()) {
          print(`${each._id}\t${each.name}\t${each.origins.join(' ')}\tmoderation=${each.settings.moderation}`);
        }
      });
    });

  site
    .command('set <id>')
    .description('change a site’s settings')
    .option('--name <name>', 'the blog’s name')
    .option('--origin <url>', 'replace the allowed origins (repeatable)', collect)
    .option('--moderation <mode>', 'post: publish at once; pre: hold until an author approves')
    .option('--edit-window <minutes>', 'how long readers may edit or delete their comment')
    .option('--highlight <mode>', 'everyone: readers see who is waiting for a reply; off: they do not')
    .option('--locale <locale>', 'the widget’s default language, e.g. en, de, es')
    .option('--reply-goal <hours>', 'after how long a waiting comment is overdue')
    .option('--min-form-seconds <seconds>', 'comments sent sooner after the form was shown wait for approval (0: off)')
    .option('--max-links <count>', 'comments with more links wait for approval')
    .option('--block-word <word>', 'comments with this word are spam (repeatable; replaces the list; "" empties it)', collect)
    .option('--block-link <domain>', 'comments linking to this domain or its subdomains are spam (repeatable; replaces the list)', collect)
    .option('--block-email <address>', 'comments from this email are spam (repeatable; replaces the list)', collect)
    .action(async (id: string, options: Record<string, string | string[] | undefined>) => {
      const settings = checked(settingsOptions, options, 'options');
      const origins = (options.origin as string[] | undefined)?.map((value) => checked(origin, value, '--origin'));
      await withServices(async (services) => {
        const updated = await services.sites.update(checked(siteId, id, 'site id'), {
          name: options.name as string | undefined,
          origins,
          settings,
        });
        print(`Updated ${updated._id}: origins ${updated.origins.join(' ')}; ${JSON.stringify(updated.settings)}`);
      });
    });
}

const settingsOptions = z
  .object({
    moderation: z.enum(MODERATION_MODES).optional(),
    editWindow: z.coerce.number().int().min(0).max(10080).optional(),
    highlight: z.enum(HIGHLIGHT_MODES).optional(),
    locale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or pt-BR').optional(),
    replyGoal: z.coerce.number().int().min(1).max(8760).optional(),
    minFormSeconds: z.coerce.number().int().min(0).max(3600).optional(),
    maxLinks: z.coerce.number().int().min(0).max(100).optional(),
    blockWord: blocklist(z.string().trim().toLowerCase().max(100)),
    blockLink: blocklist(z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain such as spam.example')),
    blockEmail: blocklist(z.email('must be an email address').trim().toLowerCase()),
  })
  .transform((o) => ({
    moderation: o.moderation,
    editWindowMinutes: o.editWindow,
    highlight: o.highlight,
    locale: o.locale,
    replyGoalHours: o.replyGoal,
    minFormSeconds: o.minFormSeconds,
    maxLinks: o.maxLinks,
    blockedWords: o.blockWord,
    blockedLinks: o.blockLink,
    blockedEmails: o.blockEmail,
  }));

/** A repeatable option that replaces a list; one empty value ('') empties it. */
function blocklist(entry: z.ZodType<string, string>) {
  return z
    .array(z.string())
    .optional()
    .transform((values) => values?.filter((v) => v.trim() !== ''))
    .pipe(z.array(entry).optional());
}
