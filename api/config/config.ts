import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEnvFile } from 'node:process';
import { z } from 'zod';
import type { RateLimits } from '../http/rate-limits.js';

/** Every setting the server and the CLI read, with its default. Only this module reads `process.env`. */
export interface Config {
  /** TCP port the HTTP server listens on. */
  port: number;
  /** Interface to listen on; `0.0.0.0` to accept connections from other hosts. */
  host: string;
  /** The address readers and authors reach this server at; links in mails and the demo site's origin. */
  publicUrl: string;
  /** A MongoDB connection string; when empty the embedded engine is opened on `dataDir`. */
  mongodbUri: string | undefined;
  /** Where the embedded engine keeps its files (and, later, mail written to disk). */
  dataDir: string;
  /** Express's `trust proxy` value: whether and which `X-Forwarded-For` hops to believe. */
  trustProxy: boolean | number | string;
  /** pino log level. */
  logLevel: string;
  /** A folder holding a glibc ≥ 2.38 (`ld-linux-x86-64.so.2` and friends) to run the embedded engine with. */
  glibcDir: string | undefined;
  /** Where a newer glibc is downloaded to when the system's is too old and `glibcDir` is not set. */
  glibcCacheDir: string;
  /** How long a database operation may wait for a reachable server before failing (ms). */
  dbTimeoutMs: number;
  /** Secret for signing tokens; when empty one is generated once and kept in the database. */
  secret: string | undefined;
  /**
   * Whether an empty database gets the demo site (and its author's password in the log): when
   * asked (DEMO=true), or by default when the server is only reachable on this machine.
   */
  demo: boolean;
  /** How much one client may post and read (README, "Configuration"). */
  limits: RateLimits;
  /** The most memory this process's kept thread answers may take, in bytes. */
  threadCacheBytes: number;
  /** The deepest level of replies; a reply to a comment there attaches beside it, still answering it. */
  maxReplyDepth: number;
  /** Outgoing mail: through `smtpUrl` when set, else written as `.eml` files under DATA_DIR/outbox-mail. */
  mail: { smtpUrl: string | undefined; from: string; timeoutMs: number; pollMs: number };
  /** Akismet, when a key is set: every new reader comment is checked. */
  akismet: { key: string; url: string; timeoutMs: number } | undefined;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  MONGODB_URI: z.string().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  TRUST_PROXY: z.string().default('false'),
  DEMO: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GLIBC_DIR: z.string().optional(),
  GLIBC_CACHE_DIR: z.string().optional(),
  DB_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(2000),
  SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LIMIT_COMMENTS_PER_MINUTE: z.coerce.number().int().min(1).default(2),
  LIMIT_COMMENTS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  LIMIT_COMMENTS_PER_EMAIL_HOUR: z.coerce.number().int().min(1).default(3),
  LIMIT_SITE_COMMENTS_PER_10_MINUTES: z.coerce.number().int().min(1).default(30),
  LIMIT_READS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LIMIT_CHANGES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  LIMIT_PREVIEWS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  THREAD_CACHE_MB: z.coerce.number().min(1).max(65_536).default(64),
  MAX_REPLY_DEPTH: z.coerce.number().int().min(1).max(500).default(30),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.email().optional(),
  MAIL_TIMEOUT_MS: z.coerce.number().int().min(100).max(300000).default(30000),
  MAIL_POLL_MS: z.coerce.number().int().min(100).max(3600000).default(10000),
  AKISMET_KEY: z.string().optional(),
  AKISMET_URL: z.url({ protocol: /^https?$/ }).default('https://rest.akismet.com/1.1/comment-check'),
  AKISMET_TIMEOUT_MS: z.coerce.number().int().min(100).max(30000).default(2000),
});

/** Reads the configuration from an environment (the process's by default); throws naming each bad key. */
/**
 * Reads `.env` in the working directory into the environment, if there is one: server and CLI
 * alike, so both use the same DATA_DIR. A variable already set in the environment wins.
 */
export function loadDotEnv(file = path.resolve('.env')): void {
  if (fs.existsSync(file)) loadEnvFile(file);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    mongodbUri: e.MONGODB_URI,
    dataDir: path.resolve(e.DATA_DIR),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    demo: e.DEMO === undefined ? isLoopbackUrl(publicUrl) : e.DEMO === 'true',
    logLevel: e.LOG_LEVEL,
    glibcDir: e.GLIBC_DIR,
    glibcCacheDir: path.resolve(e.GLIBC_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'rapport')),
    dbTimeoutMs: e.DB_TIMEOUT_MS,
    secret: e.SECRET,
    limits: {
      commentsPerMinute: e.LIMIT_COMMENTS_PER_MINUTE,
      commentsPerHour: e.LIMIT_COMMENTS_PER_HOUR,
      commentsPerEmailHour: e.LIMIT_COMMENTS_PER_EMAIL_HOUR,
      siteCommentsPer10Minutes: e.LIMIT_SITE_COMMENTS_PER_10_MINUTES,
      readsPerMinute: e.LIMIT_READS_PER_MINUTE,
      changesPerMinute: e.LIMIT_CHANGES_PER_MINUTE,
      previewsPerMinute: e.LIMIT_PREVIEWS_PER_MINUTE,
    },
    threadCacheBytes: Math.round(e.THREAD_CACHE_MB * 1024 * 1024),
    maxReplyDepth: e.MAX_REPLY_DEPTH,
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? `rapport@${new URL(publicUrl).hostname}`,
      timeoutMs: e.MAIL_TIMEOUT_MS,
      pollMs: e.MAIL_POLL_MS,
    },
    akismet: e.AKISMET_KEY ? { key: e.AKISMET_KEY, url: e.AKISMET_URL, timeoutMs: e.AKISMET_TIMEOUT_MS } : undefined,
  };
}

/** A URL only this machine reaches: localhost (and its subdomains), 127.0.0.0/8, ::1. */
function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}

/** An empty variable means "not set", as in most shells' `FOO= command`. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]));
}

/** Express accepts a boolean, a hop count, or names and addresses; keep each as its own type. */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
