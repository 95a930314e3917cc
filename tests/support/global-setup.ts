import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../api/config/config.js';
import { startEmbeddedEngine, type EmbeddedEngine } from '../../api/database/embedded-engine.js';

let engine: EmbeddedEngine | undefined;
let dataDir: string | undefined;

/** One embedded engine for the whole run; each test file gets a database of its own on it. */
export async function setup(project: TestProject): Promise<void> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-db-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
  engine = await startEmbeddedEngine(config);
  project.provide('mongoUri', engine.uri);
}

export async function teardown(): Promise<void> {
  await engine?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}
