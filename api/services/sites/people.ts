import type { Models } from '../../models/models.js';
import { isDuplicateKey } from '../core/duplicate-key.js';
import { generatePassword, hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords.js';

const normalized = (email: string) => email.trim().toLowerCase();

/** Sign-ins: one per person (email), whichever sites they write. */
export class People {
  constructor(private readonly models: Models) {}

  /**
   * The person with this email, made with `password` (generated when none is given) if they are
   * new. Answers the password in clear only when it was generated here; a known person keeps theirs.
   */
  async ensure(email: string, password: string | undefined, now: Date): Promise<{ known: boolean; generatedPassword?: string }> {
    if (await this.models.Person.exists({ email: normalized(email) })) return { known: true };
    const chosen = password ?? generatePassword();
    try {
      await this.models.Person.create({ email: normalized(email), passwordHash: await hashPassword(chosen), createdAt: now });
    } catch (error) {
      // Added as an author of two sites at once: the first one made the person.
      if (!isDuplicateKey(error)) throw error;
      return { known: true };
    }
    return { known: false, generatedPassword: password ? undefined : chosen };
  }

  /** Whether the password is this person's (an unknown email costs the same, and is false). */
  async verify(email: string, password: string): Promise<boolean> {
    const person = await this.models.Person.findOne({ email: normalized(email) }).lean();
    if (!person) return verifyAgainstDecoy(password);
    for (const hash of [person.passwordHash, ...person.legacyHashes]) {
      if (await verifyPassword(password, hash)) return true;
    }
    return false;
  }

  /** Sets a new password (generated when none is given) for every site they write; answers it in clear only when generated. */
  async setPassword(email: string, password: string | undefined): Promise<string | undefined> {
    const chosen = password ?? generatePassword();
    await this.models.Person.updateOne({ email: normalized(email) }, { $set: { passwordHash: await hashPassword(chosen), legacyHashes: [] } });
    return password ? undefined : chosen;
  }

  /**
   * Makes one person of the site accounts that had a password each (data from before people):
   * the oldest account's password, and the others' still accepted until a new one is set. Safe to
   * run on every start and from several instances at once; does nothing once done.
   */
  async adoptAccountPasswords(now: Date): Promise<number> {
    const accounts = this.models.Author.collection;
    const legacy = await accounts.find({ passwordHash: { $type: 'string' } }, { projection: { email: 1, passwordHash: 1, createdAt: 1 } }).sort({ createdAt: 1 }).toArray();
    const byEmail = new Map<string, string[]>();
    for (const account of legacy) byEmail.set(account.email as string, [...(byEmail.get(account.email as string) ?? []), account.passwordHash as string]);
    for (const [email, hashes] of byEmail) {
      const [passwordHash, ...others] = [...new Set(hashes)];
      const person = await this.models.Person.findOne({ email }, { passwordHash: 1 }).lean();
      if (person) {
        // Made meanwhile (another instance's run, or an author added since): keep its password, accept these too.
        const extra = hashes.filter((hash) => hash !== person.passwordHash);
        await this.models.Person.updateOne({ _id: person._id }, { $addToSet: { legacyHashes: { $each: extra } } });
        continue;
      }
      await this.models.Person.create({ email, passwordHash, legacyHashes: others, createdAt: now }).catch(async (error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
        await this.models.Person.updateOne({ email }, { $addToSet: { legacyHashes: { $each: hashes } } });
      });
    }
    if (legacy.length > 0) await accounts.updateMany({ _id: { $in: legacy.map((a) => a._id) } }, { $unset: { passwordHash: '' } });
    return byEmail.size;
  }
}
