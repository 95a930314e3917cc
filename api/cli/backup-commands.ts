import path from 'node:path';
import type { Command } from 'commander';
import { prepareServices } from '../bootstrap.js';
import { systemClock } from '../services/core/clock.js';
import { DatabaseBackup } from '../services/data/database-backup.js';
import { print } from './output.js';
import { withDatabase } from './with-services.js';

/** `rapport data backup DIR` and `rapport data restore DIR` (README, "Backups"). */
export function addBackupCommands(data: Command): void {
  data
    .command('backup')
    .description('copy every collection into DIR (new or empty), while the server runs')
    .argument('<dir>', 'the folder to write the backup to')
    .action(async (dir: string) => {
      await withDatabase(async (database) => {
        const target = path.resolve(dir);
        const manifest = await new DatabaseBackup(database.connection.db!, systemClock).backup(target);
        const counts = manifest.collections.map((entry) => `${entry.name} ${entry.documents}`).join(', ');
        print(`Backed up ${database.description} to ${target}: ${counts}.`);
      });
    });

  data
    .command('restore')
    .description('write a backup into an empty database (a new DATA_DIR, or an empty MONGODB_URI database), then recount')
    .argument('<dir>', 'a folder written by `rapport data backup`')
    .action(async (dir: string) => {
      await withDatabase(async (database, config) => {
        const source = path.resolve(dir);
        const { documents, manifest } = await new DatabaseBackup(database.connection.db!, systemClock).restore(source);
        print(`Restored ${documents} document(s) from ${source} (taken ${manifest.startedAt} to ${manifest.finishedAt}) into ${database.description}.`);
        // The copy's counters may be a moment off the comments they count; nobody writes here yet, so a recount is exact.
        const { services } = await prepareServices(database, config);
        for (const site of await services.sites.list()) {
          const report = await services.counterRepair.check(site._id, { fix: true });
          print(`${site._id}: recounted; ${report.comments} comment(s) and ${report.pages} page(s) corrected.`);
        }
      }, { mayCreate: true });
    });
}
