import type { Command } from 'commander';
import { siteId } from '../http/schemas.js';
import { outboxMailDir } from '../delivery/mail-setup.js';
import { withServices } from './with-services.js';
import { checked, print } from './output.js';

/** `rapport mail …`: what became of the mail Rapport sends. */
export function addMailCommands(program: Command): void {
  const mail = program.command('mail').description('outgoing mail');

  mail
    .command('status')
    .description('count queued, sent and failed mail, and list the latest with their errors')
    .option('--site <id>', 'only this site')
    .option('--json', 'print JSON instead of text')
    .action(async (options: { site?: string; json?: boolean }) => {
      const site = options.site === undefined ? undefined : checked(siteId, options.site, '--site');
      await withServices(async (services, config) => {
        const report = await services.outbox.report(site);
        if (options.json) return print(JSON.stringify(report, null, 2));
        const { queued, sending, sent, failed } = report.counts;
        print(`Mail ${site ? `of ${site}` : 'of all sites'}: ${queued} queued, ${sending} sending, ${sent} sent, ${failed} failed.`);
        print(config.mail.smtpUrl ? 'Sent through SMTP_URL.' : `No SMTP_URL: mail is written to ${outboxMailDir(config)}/.`);
        for (const m of report.recent) {
          const error = m.lastError ? ` — ${m.lastError}` : '';
          print(`  ${m.createdAt}  ${m.site.padEnd(12)} ${m.kind.padEnd(14)} ${m.status.padEnd(7)} attempts ${m.attempts}${error}`);
        }
      });
    });
}
