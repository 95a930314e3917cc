#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { AppError } from '../errors.js';
import { addAuthorCommands } from './author-commands.js';
import { addDataCommands } from './data-commands.js';
import { addMailCommands } from './mail-commands.js';
import { addPageCommands } from './page-commands.js';
import { addSiteCommands } from './site-commands.js';
import { UsageError } from './output.js';

/** Exit codes: 0 done, 1 refused or failed (the message says why), 2 called wrongly. */
const program = new Command('rapport')
  .description('Rapport: blog comments built around answering readers')
  .exitOverride()
  .showHelpAfterError();
addSiteCommands(program);
addAuthorCommands(program);
addDataCommands(program);
addMailCommands(program);
addPageCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof UsageError) {
    process.stderr.write(`rapport: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof AppError && error.fields
    ? Object.entries(error.fields).map(([field, issue]) => `${field}: ${issue.message}`).join('; ')
    : (error as Error).message;
  process.stderr.write(`rapport: ${message}\n`);
  return 1;
}
