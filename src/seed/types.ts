/**
 * What a namespace's seeder receives and returns. `marquee seed` and the first-start demo run
 * the seeders of every namespace (domain/index.ts), in the order the namespaces are listed.
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
