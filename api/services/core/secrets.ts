import crypto from 'node:crypto';
import type { Models } from '../../models/models.js';

/** Signs and checks the server's tokens with one secret shared by every instance. */
export interface Signer {
  sign(purpose: string, payload: string): string;
  verify(purpose: string, payload: string, signature: string): boolean;
}

/** The configured secret, else the one generated on first start and kept in the database. */
export async function loadSecret(models: Models, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const generated = crypto.randomBytes(32).toString('base64url');
  // $setOnInsert makes the first instance's secret win when several start at once.
  const setting = await models.AppSetting.findOneAndUpdate(
    { _id: 'signing-secret' },
    { $setOnInsert: { value: generated } },
    { upsert: true, returnDocument: 'after', lean: true },
  );
  return setting!.value;
}

export function createSigner(secret: string): Signer {
  const sign = (purpose: string, payload: string) =>
    crypto.createHmac('sha256', secret).update(`${purpose}\u0000${payload}`).digest('base64url');
  return {
    sign,
    verify(purpose, payload, signature) {
      const expected = Buffer.from(sign(purpose, payload));
      const given = Buffer.from(signature);
      return given.length === expected.length && crypto.timingSafeEqual(given, expected);
    },
  };
}
