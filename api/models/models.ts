import type { Connection } from 'mongoose';
import { defineAppSettingModel } from './app-setting.js';
import { defineAuthorModel } from './author.js';
import { defineCommentModel } from './comment.js';
import { defineImportLockModel } from './import-lock.js';
import { definePageModel } from './page.js';
import { definePersonModel } from './person.js';
import { defineRateLimitCounterModel } from './rate-limit-counter.js';
import { defineOutboxMessageModel } from './outbox-message.js';
import { defineSessionModel } from './session.js';
import { defineSiteModel } from './site.js';
import { defineSubscriptionModel } from './subscription.js';
import { defineUsedFormTokenModel } from './used-form-token.js';

/** Every collection's model, bound to one connection (so tests can use a database per file). */
export function defineModels(connection: Connection) {
  return {
    AppSetting: defineAppSettingModel(connection),
    Author: defineAuthorModel(connection),
    Comment: defineCommentModel(connection),
    ImportLock: defineImportLockModel(connection),
    OutboxMessage: defineOutboxMessageModel(connection),
    Page: definePageModel(connection),
    Person: definePersonModel(connection),
    RateLimitCounter: defineRateLimitCounterModel(connection),
    Session: defineSessionModel(connection),
    Site: defineSiteModel(connection),
    Subscription: defineSubscriptionModel(connection),
    UsedFormToken: defineUsedFormTokenModel(connection),
  };
}

export type Models = ReturnType<typeof defineModels>;

/** Creates every declared index; safe to run on every start (existing ones are left alone). */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) {
    await model.createCollection().catch(ignoreExisting);
    await model.createIndexes();
  }
}

function ignoreExisting(error: { codeName?: string }): void {
  if (error.codeName !== 'NamespaceExists') throw error;
}
