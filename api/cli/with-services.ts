import { prepareServices } from '../bootstrap.js';
import { loadConfig, type Config } from '../config/config.js';
import { openDatabaseBesideServer } from '../database/open-database.js';
import type { Services } from '../services/services.js';

/** Runs one CLI action on the server's database (its running engine, if any) and closes it after. */
export async function withServices<T>(action: (services: Services, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabaseBesideServer(config);
  try {
    const { services } = await prepareServices(database, config);
    return await action(services, config);
  } finally {
    await database.close();
  }
}
