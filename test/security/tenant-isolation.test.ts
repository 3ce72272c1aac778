import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { Faker, en } from '@faker-js/faker';
import type { MarqueeClient } from '../../src/client/index.js';
import { IvvyApiError } from '../../src/client/index.js';
import { ACTIONS } from '../../src/domain/index.js';
import type { AnyAction } from '../../src/registry/define-action.js';
import { paramShape, type ParamShape } from '../../src/registry/param-shape.js';
import { seedAccount } from '../../src/seed/seed.js';
import { currentWriteVersion } from '../../src/storage/write-versions.js';
import { addVenue } from '../domain/venue/fixtures.js';
import { dataFingerprint } from '../support/fuzz/fingerprint.js';
import { valueFor, type ValueContext } from '../support/fuzz/values.js';
import { advanceIdSequences } from '../support/id-sequences.js';
import { describeEachDatabase } from '../support/suite.js';

// Tenant isolation, for every implemented action, read from the registry (a new action is
// covered without a test of its own). The owner account is seeded and has read everything
// (caches warm); the intruder account then calls every action with the owner's ids in every
// id parameter, nested ones included, and in the id filters of every list. Each answer must
// be exactly the answer to the same call with an id that exists nowhere (the id itself
// masked), must hold no byte of the owner's data, and the owner's data must be untouched. The
// intruder is put at the owner's write version before every call.

/** An id no row has: the intruder's answers for it are what "not yours" must look like. */
const NOWHERE = 2_000_000_000;
/** The owner's rows are the first ones in every table of a fresh database. */
const OWNER_IDS = [1, 2, 3, 5, 8];
const ID_FILTERS = ['id', 'contactId', 'companyId', 'eventId', 'invoiceId', 'leadId', 'userId', 'groupId', 'refId', 'registrationId', 'venueId', 'bookingId'];

type Path = ReadonlyArray<string | number>;

/** Paths of every id parameter in a shape (array items as index 0). */
function idPaths(shape: ParamShape, path: Path = []): Path[] {
  switch (shape.kind) {
    case 'scalar':
      return shape.meta.format === 'id' ? [path] : [];
    case 'object':
      return Object.entries(shape.fields).flatMap(([name, f]) => idPaths(f.shape, [...path, name]));
    case 'array':
      return idPaths(shape.item, [...path, 0]);
    case 'union':
      return shape.options.slice(0, 1).flatMap((o) => idPaths(o, path));
    default:
      return [];
  }
}

function withValue(params: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (typeof head === 'number') {
    const list = Array.isArray(params) && params.length > 0 ? params : [{}];
    return [withValue(list[0], rest, value)];
  }
  const object = params !== null && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
  return { ...object, [head]: withValue(object[head], rest, value) };
}

async function answer(client: MarqueeClient, def: AnyAction, params: unknown): Promise<string> {
  try {
    return JSON.stringify({ ok: await client.call(def.namespace, def.action, params) });
  } catch (error) {
    if (error instanceof IvvyApiError) {
      return JSON.stringify({ error: [error.errorCode, error.specificCode, error.message, error.additionalMessages ?? []] });
    }
    throw error;
  }
}

const maskId = (text: string, id: number) => text.replace(new RegExp(`(?<![0-9])${id}(?![0-9])`, 'g'), '<id>');

/**
 * An answer with the two ids it could mention masked alike, and, for a write both calls were
 * allowed (one that takes the id as a free reference), with the numbers of what it created.
 */
function comparable(text: string, ids: readonly number[], write: boolean): string {
  if (write && text.startsWith('{"ok"')) return text.replace(/[0-9]+/g, '#');
  return ids.reduce(maskId, text);
}

describeEachDatabase('tenant isolation of every implemented action', ({ server }) => {
  /**
   * Puts one account at another's write version: caches validated by the version must still
   * never serve one account what they kept for another (the contact cache once did).
   */
  async function alignWriteVersion(accountId: number, like: number): Promise<void> {
    const target = await currentWriteVersion(server().store(like));
    const db = server().runtime.storage.db;
    await db.deleteFrom('write_versions').where('account_id', '=', accountId).execute();
    await db.insertInto('write_versions').values({ account_id: accountId, shard: 0, version: target }).execute();
  }

  let owner: Awaited<ReturnType<ReturnType<typeof server>['newAccount']>>;
  let intruder: Awaited<ReturnType<ReturnType<typeof server>['newAccount']>>;
  let markers: string[] = [];

  before(async () => {
    // The owner is created and seeded first, so its rows hold the low ids of every table.
    owner = await server().newAccount({ withUser: 'primary' });
    await seedAccount(server().runtime, { accountId: owner.accountId, contacts: 12, randomSeed: 5 });
    // Whatever the intruder creates gets ids far above the owner's.
    await advanceIdSequences(server().runtime.storage, 1_000_000);
    intruder = await server().newAccount({ withUser: 'primary' });
    const store = server().store(owner.accountId);
    const contacts = await store.selectFrom('contacts').select(['email', 'last_name']).execute();
    const companies = await store.selectFrom('companies').select('business_name').execute();
    const events = await store.selectFrom('events').select('code').execute();
    markers = [...contacts.map((c) => c.email), ...companies.map((c) => c.business_name), ...events.map((e) => e.code)].filter(
      (m): m is string => typeof m === 'string' && m.length >= 6,
    );
    assert.ok(contacts.length >= OWNER_IDS.length && companies.length >= 3 && events.length >= 3, 'the owner has data to protect');
    // Warm every cache the owner's reads fill.
    for (const def of ACTIONS.filter((a) => a.kind === 'read')) {
      for (const path of idPaths(paramShape(def.params))) {
        for (const id of OWNER_IDS) await answer(owner.client, def, withValue({}, path, id));
      }
      await answer(owner.client, def, {});
    }
  });

  it('answers another account’s ids exactly as ids that exist nowhere, and leaves its data alone', async () => {
    const faker = new Faker({ locale: [en] });
    faker.seed(31);
    const ctx: ValueContext = { faker, ids: { known: [NOWHERE] }, hostility: 0, filterNames: ID_FILTERS };
    const ownerBefore = await dataFingerprint(server(), owner.accountId);
    const differences: string[] = [];
    let calls = 0;
    const check = async (def: AnyAction, label: string, build: (id: number) => unknown) => {
      for (const id of faker.helpers.shuffle([...OWNER_IDS]).slice(0, 2)) {
        await alignWriteVersion(intruder.accountId, owner.accountId);
        const write = def.kind === 'write';
        const foreign = comparable(await answer(intruder.client, def, build(id)), [id, NOWHERE], write);
        const nowhere = comparable(await answer(intruder.client, def, build(NOWHERE)), [id, NOWHERE], write);
        calls += 2;
        const leaked = markers.find((m) => foreign.includes(m));
        if (leaked) differences.push(`${def.namespace}.${def.action} ${label}=${id}: leaked '${leaked}'`);
        else if (foreign !== nowhere) differences.push(`${def.namespace}.${def.action} ${label}=${id}:\n    foreign ${foreign.slice(0, 300)}\n    nowhere ${nowhere.slice(0, 300)}`);
      }
    };

    for (const def of faker.helpers.shuffle([...ACTIONS])) {
      const shape = paramShape(def.params);
      // The other parameters stay the same for both calls, so only the id can make a difference.
      const base = valueFor(shape, ctx);
      for (const path of idPaths(shape)) await check(def, path.join('.'), (id) => withValue(base, path, id));
      if (shape.kind === 'object' && shape.fields.filter) {
        for (const name of ID_FILTERS) await check(def, `filter.${name}`, (id) => withValue(base, ['filter'], { [name]: id }));
      }
    }
    assert.deepEqual(differences, [], `${differences.length} of ${calls} calls differ`);
    assert.ok(calls > 500, `only ${calls} calls were made`);
    assert.equal(await dataFingerprint(server(), owner.accountId), ownerBefore, 'the owner’s data changed');
  });

  it('shows a partner key no venue of either account that is not listed in the marketplace', async () => {
    const partner = await server().newAccount({ keyKind: 'partner' });
    await addVenue(server().store(intruder.accountId), { name: 'Intruder Back Office' });
    const venues = await server().runtime.storage.db.selectFrom('venues').select(['id', 'account_id', 'business_name', 'in_marketplace']).execute();
    const unlisted = venues.filter((v) => v.in_marketplace === 0);
    const listed = venues.filter((v) => v.in_marketplace === 1);
    assert.ok(unlisted.some((v) => v.account_id === owner.accountId) && unlisted.some((v) => v.account_id === intruder.accountId));
    assert.ok(listed.length > 0, 'the owner lists venues in the marketplace');
    const differences: string[] = [];
    const seen = new Set<string>();
    for (const def of ACTIONS.filter((a) => a.namespace === 'partner')) {
      const shape = paramShape(def.params);
      const builds: Array<[string, (id: number) => unknown]> = idPaths(shape).map((path) => [path.join('.'), (id) => withValue({}, path, id)]);
      if (shape.kind === 'object' && shape.fields.filter) builds.push(['filter.id', (id) => ({ filter: { id } })]);
      for (const venue of [...unlisted, ...listed]) {
        for (const [label, build] of builds) {
          const text = await answer(partner.client, def, build(venue.id));
          for (const v of venues) if (text.includes(v.business_name)) seen.add(v.business_name);
          const nowhere = comparable(await answer(partner.client, def, build(NOWHERE)), [venue.id, NOWHERE], false);
          if (venue.in_marketplace === 0 && comparable(text, [venue.id, NOWHERE], false) !== nowhere) {
            differences.push(`${def.namespace}.${def.action} ${label}=${venue.id} answers an unlisted venue`);
          }
        }
      }
      const all = await answer(partner.client, def, {});
      for (const v of venues) if (all.includes(v.business_name)) seen.add(v.business_name);
    }
    assert.deepEqual(differences, []);
    assert.deepEqual([...seen].sort(), listed.map((v) => v.business_name).sort(), 'a partner sees the listed venues, and only those');
  });
});
