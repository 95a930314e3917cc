import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from 'mongoose';
import type { Config } from '../config/config.js';
import { connectMongo } from './connect.js';
import { startEmbeddedEngine, type EmbeddedEngine } from './embedded-engine.js';

/** The database a process works on, however it was reached. */
export interface Database {
  connection: Connection;
  /** One line for the log: which database is in use. */
  description: string;
  /** Called once if the embedded engine dies under us; never for an external server. */
  onEngineLost(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

/** Connects to MONGODB_URI when set, else starts the embedded engine on DATA_DIR. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.mongodbUri) {
    const connection = await connectMongo(config.mongodbUri, {
      timeoutMs: config.dbTimeoutMs,
      dbName: uriNamesDatabase(config.mongodbUri) ? undefined : 'rapport',
    });
    return {
      connection,
      description: `MongoDB at ${redactUri(config.mongodbUri)}`,
      onEngineLost: () => {},
      close: () => connection.close(),
    };
  }
  const engine = await startEmbeddedEngine(config);
  return attachToEngine(engine, config);
}

/**
 * For the CLI and other tools: like `openDatabase`, but when a server already holds the
 * embedded engine (only one process may open its directory), reach it through its shared socket.
 */
export async function openDatabaseBesideServer(config: Config): Promise<Database> {
  const sharedSocket = path.join(config.dataDir, 'engine.sock');
  if (!config.mongodbUri && fs.existsSync(sharedSocket)) {
    const uri = `mongodb://${encodeURIComponent(sharedSocket)}/?directConnection=true`;
    try {
      const connection = await connectMongo(uri, { timeoutMs: 2000, dbName: 'rapport' });
      return {
        connection,
        description: `the running server's embedded MongoDB on ${config.dataDir}`,
        onEngineLost: () => {},
        close: () => connection.close(),
      };
    } catch {
      // A socket file with nobody behind it: the server died without cleaning up. Open it ourselves.
    }
  }
  return openDatabase(config);
}

async function attachToEngine(engine: EmbeddedEngine, config: Config): Promise<Database> {
  try {
    const connection = await connectMongo(engine.uri, { timeoutMs: config.dbTimeoutMs, dbName: 'rapport' });
    return {
      connection,
      description: engine.description,
      onEngineLost: (listener) => engine.onUnexpectedExit(listener),
      async close() {
        await connection.close();
        await engine.stop();
      },
    };
  } catch (error) {
    await engine.stop();
    throw error;
  }
}

function uriNamesDatabase(uri: string): boolean {
  return /^mongodb(\+srv)?:\/\/[^/]+\/[^?/]+/.test(uri);
}

/** Passwords never reach the log. */
function redactUri(uri: string): string {
  return uri.replace(/\/\/([^@/]*)@/, '//***@');
}
