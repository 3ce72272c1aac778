/**
 * What a namespace's seeder receives and returns. `marquee seed` and the first-start demo run
 * the seeders of every namespace (domain/index.ts), in the order the namespaces are listed.
 *
 * A seeding must be reproducible (test/seed/reproducible.test.ts): a seeder draws every random
 * choice from `faker`, takes every instant from `now`, reads rows in a stated order (ORDER BY),
 * and writes nothing that depends on the ids other accounts took. Values that must be unique
 * across accounts mix in the account id; secrets of public links stay random.
 */
import type { Faker } from '@faker-js/faker';
import type { Logger } from 'pino';
import type { MailSettings } from '../mail/queue.js';
import type { Scope } from '../storage/scope.js';

export interface SeedContext {
  /** The target account, outside any transaction; seeders open their own. */
  readonly store: Scope;
  readonly faker: Faker;
  readonly log: Logger;
  readonly publicUrl: string;
  /** How the server sends mail: seeded emails go to the email log as sent ones would. */
  readonly mail: MailSettings;
  readonly now: number;
  /** How many contacts to create (other volumes scale from it where it makes sense). */
  readonly contacts: number;
}

export interface Seeder {
  readonly name: string;
  seed(ctx: SeedContext): Promise<Record<string, number>>;
}
