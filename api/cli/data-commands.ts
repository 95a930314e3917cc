import type { Command } from 'commander';
import { z } from 'zod';
import { siteId } from '../http/schemas.js';
import { addBackupCommands } from './backup-commands.js';
import { addImportCommand } from './import-command.js';
import { withServices } from './with-services.js';
import { checked, print } from './output.js';

/** `rapport data …`: a site's data out, a reader's data gone, the whole database backed up and restored. */
export function addDataCommands(program: Command): void {
  const data = program.command('data').description('export or import a site, erase a reader, back up and restore');

  data
    .command('export')
    .description('print everything of a site as JSON (authors without their passwords)')
    .requiredOption('--site <id>', 'the site')
    .action(async (options: { site: string }) => {
      const id = checked(siteId, options.site, '--site');
      await withServices(async (services) => {
        process.stdout.write(`${JSON.stringify(await services.siteData.exportSite(id, new Date()), null, 2)}\n`);
      });
    });

  data
    .command('erase')
    .description('erase every comment of an email address on every site, keeping replies in place')
    .requiredOption('--email <address>', 'the reader’s email')
    .action(async (options: { email: string }) => {
      const email = checked(z.email(), options.email.trim(), '--email');
      await withServices(async (services) => {
        const erased = await services.siteData.eraseReader(email, new Date());
        print(`Erased ${erased.comments} comment(s) of ${email.toLowerCase()}${erased.sites.length ? ` on ${erased.sites.join(', ')}` : ''}.`);
      });
    });

  data
    .command('check')
    .description('recount the awaiting-reply state and page counters from the comments (after a crash); --fix writes the recount')
    .option('--site <id>', 'only this site (default: every site)')
    .option('--fix', 'write what the recount found')
    .action(async (options: { site?: string; fix?: boolean }) => {
      const only = options.site === undefined ? undefined : checked(siteId, options.site, '--site');
      await withServices(async (services) => {
        const sites = only ? [only] : (await services.sites.list()).map((site) => site._id);
        for (const id of sites) {
          const report = await services.counterRepair.check(id, { fix: Boolean(options.fix) });
          const found = `${report.comments} comment(s) and ${report.pages} page(s) off the recount`;
          print(`${id}: ${found}${report.comments + report.pages === 0 ? '' : report.fixed ? '; fixed' : '; run again with --fix to correct them'}`);
        }
      });
    });

  addImportCommand(data);
  addBackupCommands(data);
}
