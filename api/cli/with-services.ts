import { prepareServices } from '../bootstrap.js';
import { loadConfig, type Config } from '../config/config.js';
import { openDatabaseBesideServer, type Database } from '../database/open-database.js';
import type { Services } from '../services/services.js';

/** Runs one CLI action on the server's database (its running engine, if any) and closes it after. */
export async function withServices<T>(action: (services: Services, config: Config) => Promise<T>): Promise<T> {
  return withDatabase(async (database, config) => {
    const { services } = await prepareServices(database, config);
    return action(services, config);
  });
}

/** Like `withServices`, for actions that must see the database as it is (no indexes or secret added first). */
export async function withDatabase<T>(action: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabaseBesideServer(config);
  try {
    return await action(database, config);
  } finally {
    await database.close();
  }
}
