/**
 * Seed data generators. Each domain contributes one seeder; `marquee seed` and the first-start
 * demo run them in order inside the target account.
 */
import type { Faker } from '@faker-js/faker';
import type { Logger } from 'pino';
import { accountSeeder } from '../domain/account/seed.js';
import { contactSeeder } from '../domain/contact/seed/seed.js';
import { crmSeeder } from '../domain/crm/seed/seed.js';
import { eventSeeder } from '../domain/event/seed.js';
import { invoiceSeeder } from '../domain/invoice/seed.js';
import type { Scope } from '../storage/scope.js';

export interface SeedContext {
  /** The target account, outside any transaction; seeders open their own. */
  readonly store: Scope;
  readonly faker: Faker;
  readonly log: Logger;
  readonly publicUrl: string;
  readonly now: number;
  /** How many contacts to create (other volumes scale from it where it makes sense). */
  readonly contacts: number;
}

export interface Seeder {
  readonly name: string;
  seed(ctx: SeedContext): Promise<Record<string, number>>;
}

export const SEEDERS: readonly Seeder[] = [accountSeeder, contactSeeder, crmSeeder, invoiceSeeder, eventSeeder];
