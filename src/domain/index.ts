/**
 * Every namespace, one line each: the one list the registry, migrations, seeding, public pages
 * and caches read. Listed in seeding order (a namespace's seed data may refer to the ones
 * before it). Adding a namespace is one folder under src/domain/ and one line here
 * (docs/architecture.md).
 */
import type { Namespace } from '../protocol/catalogue.js';
import { implementedActions, type AnyNamespaceModule, type NamespaceModule } from '../registry/namespace.js';
import { platformMigrations } from '../storage/migrations/index.js';
import type { VersionedTables } from '../storage/write-versions.js';
import { account } from './account/index.js';
import { batch } from './batch/index.js';
import { contact } from './contact/index.js';
import { crm } from './crm/index.js';
import { event } from './event/index.js';
import { invoice } from './invoice/index.js';
import { partner } from './partner/index.js';
import { test } from './test/index.js';
import { venue } from './venue/index.js';

/** Keyed by namespace, so a catalogued namespace without its module fails `tsc`. */
const BY_NAME = {
  test,
  account,
  contact,
  venue,
  crm,
  invoice,
  event,
  batch,
  partner,
} satisfies { readonly [N in Namespace]: NamespaceModule<N> };

export const NAMESPACE_MODULES: readonly AnyNamespaceModule[] = Object.values(BY_NAME);

/** Every implemented action. */
export const ACTIONS = implementedActions(NAMESPACE_MODULES);

/** The platform's migrations and every namespace's. */
export const MIGRATIONS = [...platformMigrations, ...NAMESPACE_MODULES.flatMap((m) => m.migrations ?? [])];

export const SEEDERS = NAMESPACE_MODULES.flatMap((m) => (m.seeder ? [m.seeder] : []));

export const DOMAIN_ROUTES = NAMESPACE_MODULES.flatMap((m) => (m.routes ? [m.routes] : []));

export const VERSIONED_TABLES: VersionedTables = Object.assign({}, ...NAMESPACE_MODULES.map((m) => m.versionedTables ?? {}));
