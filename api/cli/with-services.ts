import { prepareServices } from '../bootstrap.js';
import fs from 'node:fs';
import { loadConfig, loadDotEnv, type Config } from '../config/config.js';
import { openDatabaseBesideServer, type Database } from '../database/open-database.js';
import type { Services } from '../services/services.js';

/** Only the commands that start a database may make its data directory (`site add`, `data restore`). */
export interface DatabaseUse {
  mayCreate?: boolean;
}

/** Runs one CLI action on the server's database (its running engine, if any) and closes it after. */
export async function withServices<T>(action: (services: Services, config: Config) => Promise<T>, use: DatabaseUse = {}): Promise<T> {
  return withDatabase(async (database, config) => {
    const { services } = await prepareServices(database, config);
    return action(services, config);
  }, use);
}

/** Like `withServices`, for actions that must see the database as it is (no indexes or secret added first). */
export async function withDatabase<T>(action: (database: Database, config: Config) => Promise<T>, use: DatabaseUse = {}): Promise<T> {
  loadDotEnv();
  const config = loadConfig();
  // A CLI run from the wrong folder would otherwise make an empty database there and say "no sites".
  if (!config.mongodbUri && !use.mayCreate && !fs.existsSync(config.dataDir)) {
    throw new Error(`no data directory at ${config.dataDir}: set DATA_DIR (or MONGODB_URI) as the server has it, in the environment or in .env`);
  }
  const database = await openDatabaseBesideServer(config);
  try {
    return await action(database, config);
  } finally {
    await database.close();
  }
}
