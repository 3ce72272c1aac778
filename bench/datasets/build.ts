/**
 * Builds one bench dataset in a child process (seeding a million contacts holds a lot in
 * memory): a fresh database, an account with a key, N contacts with their companies, groups,
 * custom fields and notes from the contact seeder, optionally heavy records for the first of
 * them (heavy.ts), and optionally the same contacts exported in getContact's shape for
 * json-server. Prints the dataset description as one JSON line.
 *
 *   node --import tsx bench/datasets/build.ts '{"url":…,"contacts":…,"masterKey":…,"jsonServerFile":…}'
 */
import { writeFileSync } from 'node:fs';
import { Faker, en } from '@faker-js/faker';
import { createAccount } from '../../src/auth/accounts.js';
import { createApiKey } from '../../src/auth/keys.js';
import { loadConfig } from '../../src/config.js';
import { loadContactDetails } from '../../src/domain/contact/contacts/shapes.js';
import { seedContactData } from '../../src/domain/contact/seed/seed.js';
import { createRuntime } from '../../src/runtime.js';
import { createScope } from '../../src/storage/scope.js';
import { addHeavyRecords } from './heavy.js';

interface BuildRequest {
  url: string;
  contacts: number;
  masterKey: string;
  randomSeed: number;
  jsonServerFile?: string;
  /** Contacts (the first by id) given heavy records (heavy.ts); none when absent. */
  heavy?: number;
}

const request = JSON.parse(process.argv[2] ?? '{}') as BuildRequest;
const config = loadConfig({ databaseUrl: request.url, masterKey: request.masterKey, seed: false, logLevel: 'warn' }, {});
const runtime = await createRuntime(config);
try {
  const started = Date.now();
  const db = runtime.storage.db;
  const { accountId, primaryUserId } = await createAccount(db, {
    name: 'Marquee bench',
    primaryUser: { firstName: 'Bench', lastName: 'Owner', email: 'bench@marquee.local', isPrimary: true },
  });
  const key = await createApiKey(db, runtime.secrets, { accountId, label: 'bench' });
  const faker = new Faker({ locale: [en] });
  faker.seed(request.randomSeed);
  const store = createScope(db, accountId, runtime.storage.dialect);
  const seed = { store, faker, log: runtime.log, publicUrl: runtime.publicUrl, mail: runtime.mail, now: Date.now(), contacts: request.contacts };
  const counts: Record<string, number> = await seedContactData(seed);
  if (request.heavy !== undefined && request.heavy > 0) {
    const ids = await store.selectFrom('contacts').select('id').where('is_anonymised', '=', 0).orderBy('id').limit(request.heavy).execute();
    Object.assign(counts, await addHeavyRecords(seed, ids.map((r) => r.id)));
  }
  const seedSeconds = (Date.now() - started) / 1000;

  if (request.jsonServerFile) {
    // json-server serves whatever JSON it is given; give it Marquee's own getContact shape.
    const ids = (await store.selectFrom('contacts').select('id').orderBy('id').execute()).map((r) => r.id);
    const out: unknown[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      // Links inside the shape point at the default public URL; json-server only echoes them.
      const details = await loadContactDetails(store, chunk, 'http://127.0.0.1:8787');
      for (const id of chunk) out.push(details.get(id));
    }
    writeFileSync(request.jsonServerFile, JSON.stringify({ contacts: out }));
  }
  process.stdout.write(
    `${JSON.stringify({ ready: true, accountId, userId: primaryUserId, key: key.key, secret: key.secret, counts, seedSeconds })}\n`,
  );
} finally {
  await runtime.close();
}
