import mongoose, { type Connection } from 'mongoose';

/**
 * Opens a mongoose connection with explicit safety settings: acknowledged, journaled majority
 * writes, and no command buffering, so a lost database gives fast errors rather than hung requests.
 */
export async function connectMongo(uri: string, options: { timeoutMs: number; dbName?: string }): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName: options.dbName,
    writeConcern: { w: 'majority', j: true },
    bufferCommands: false,
    serverSelectionTimeoutMS: options.timeoutMs,
    connectTimeoutMS: options.timeoutMs,
    heartbeatFrequencyMS: 1000,
    maxPoolSize: 20,
    autoIndex: false,
    autoCreate: true,
  });
  await connection.asPromise();
  return connection;
}
