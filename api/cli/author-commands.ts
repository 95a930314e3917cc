import type { Command } from 'commander';
import { z } from 'zod';
import { siteId } from '../http/schemas.js';
import { withServices } from './with-services.js';
import { checked, print } from './output.js';
import { AUTHOR_SCOPES, NOTIFY_CHOICES } from '../../contract/enums.js';

/** `rapport author …`: author accounts. */
export function addAuthorCommands(program: Command): void {
  const author = program.command('author').description('manage authors');

  author
    .command('add <site>')
    .description('add an author to a site')
    .requiredOption('--name <name>', 'display name shown on their replies')
    .requiredOption('--email <email>', 'sign-in email')
    .option('--password <password>', 'password (generated when omitted; someone who writes another site keeps theirs)')
    .action(async (site: string, options: { name: string; email: string; password?: string }) => {
      const email = checked(z.email(), options.email, '--email');
      await withServices(async (services, config) => {
        const { known, generatedPassword } = await services.authors.create(
          { siteId: checked(siteId, site, 'site id'), name: options.name, email, password: options.password },
          new Date(),
        );
        print(`Added ${email} as an author of ${site}. Inbox: ${config.publicUrl}/inbox`);
        if (known) print(`${email} writes another site here already: they sign in with the password they have, and see both sites.`);
        if (generatedPassword) print(`Generated password: ${generatedPassword}`);
      });
    });

  author
    .command('passwd <site> <email>')
    .description('set a new password for an author, signing them out everywhere')
    .option('--password <password>', 'the new password (generated when omitted)')
    .action(async (site: string, emailArgument: string, options: { password?: string }) => {
      const email = checked(z.email(), emailArgument, 'email');
      await withServices(async (services) => {
        const { author: account, generatedPassword } = await services.authors.setPassword(
          checked(siteId, site, 'site id'),
          email,
          options.password,
        );
        await services.sessions.revokeAll(account.email);
        print(`New password set for ${email}, on every site they write; their sessions have ended.`);
        if (generatedPassword) print(`Generated password: ${generatedPassword}`);
      });
    });

  author
    .command('mail <site> <email>')
    .description('choose how an author hears about readers: a mail per comment, a daily digest, or none')
    .option('--notify <mode>', 'instant, digest or off')
    .option('--scope <scope>', 'mine (their posts and posts without an author, the default) or all (every post)')
    .option('--digest-hour <hour>', 'hour of the daily digest, 0-23, in --time-zone')
    .option('--time-zone <zone>', 'IANA time zone of the digest hour, e.g. Europe/Berlin')
    .action(async (site: string, emailArgument: string, options: { notify?: string; scope?: string; digestHour?: string; timeZone?: string }) => {
      const email = checked(z.email(), emailArgument, 'email');
      const changes = {
        ...(options.notify !== undefined && { notify: checked(z.enum(NOTIFY_CHOICES), options.notify, '--notify') }),
        ...(options.scope !== undefined && { scope: checked(z.enum(AUTHOR_SCOPES), options.scope, '--scope') }),
        ...(options.digestHour !== undefined && { digestHour: checked(z.coerce.number().int().min(0).max(23), options.digestHour, '--digest-hour') }),
        ...(options.timeZone !== undefined && { timeZone: options.timeZone }),
      };
      await withServices(async (services) => {
        const account = await services.authors.findByEmail(checked(siteId, site, 'site id'), email);
        if (!account) throw new Error(`${email} is not an author of ${site}`);
        const choice = await services.authors.setMailChoice(account._id, changes);
        const when = choice.notify === 'digest' ? ` at ${String(choice.digestHour).padStart(2, '0')}:00 ${choice.timeZone}` : '';
        print(`${email} on ${site}: ${choice.notify}${when}, ${choice.scope === 'all' ? 'every post' : 'their posts and posts without an author'}`);
      });
    });
}
