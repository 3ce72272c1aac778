import assert from 'node:assert/strict';
import { before, after, it } from 'node:test';
import { sql, type SelectQueryBuilder } from 'kysely';
import { fetchPage, type FilterSpec, type Page } from '../../src/storage/collection.js';
import { openStorage, type Storage } from '../../src/storage/database.js';
import { pagingStats } from '../../src/storage/paging-cache.js';
import { createScope, type Scope } from '../../src/storage/scope.js';
import type { Database } from '../../src/storage/schema.js';
import { describeEachDatabase } from '../support/suite.js';

// The filters a contact list offers, including ones answered from other (versioned) tables.
const filters: FilterSpec = {
  status: { column: 'contacts.email_status', type: 'integer' },
  lastName: { column: 'contacts.last_name', type: 'string' },
  companyId: {
    type: 'integer',
    where: (eb, value) =>
      eb('contacts.id', 'in', eb.selectFrom('company_contacts').select('company_contacts.contact_id').where('company_contacts.company_id', '=', value)),
  },
};

type Row = { id: number; last_name: string };

/** A deterministic pseudo-random sequence, so a failing run can be replayed. */
function sequence(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describeEachDatabase('paging cache: remembered page boundaries equal OFFSET paging', ({ server, kind }) => {
  let other: Storage;
  let otherStore: Scope;
  let store: Scope;
  let companyId: number;
  let counter = 0;

  before(async () => {
    store = server().store();
    // A second connection pool on the same database stands in for another server process.
    other = await openStorage(server().database.url);
    otherStore = createScope(other.db, server().accountId, other.dialect);
    const now = Date.now();
    const company = await store
      .insertInto('companies', { business_name: 'Paging Pty', is_agent: 0, created_at: now, modified_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    companyId = company.id;
    for (let i = 0; i < 120; i++) await addContact(store);
  });
  after(async () => {
    await other.close();
  });

  async function addContact(target: Scope, status = 1 + (counter % 3)): Promise<number> {
    counter++;
    const now = Date.now();
    const row = await target
      .insertInto('contacts', {
        first_name: `First${counter}`,
        last_name: `Last${counter % 7}`,
        email: `c${counter}@example.com`,
        email_status: status,
        sms_status: 1,
        is_anonymised: 0,
        created_at: now,
        modified_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (counter % 4 === 0) {
      await target.insertInto('company_contacts', { company_id: companyId, contact_id: row.id, created_at: now }).execute();
    }
    return row.id;
  }

  const page = (
    reader: Scope | null,
    filter: Record<string, unknown>,
    start: number,
    perPage: number,
    idsOnly = false,
  ): Promise<Page<Row>> =>
    fetchPage<Row>({
      dialect: (reader ?? store).dialect,
      from: (reader ?? store).selectFrom('contacts'),
      filters,
      params: { filter, start, perPage },
      cap: 1000,
      idColumn: 'contacts.id',
      select: (qb) =>
        idsOnly
          ? ((qb as SelectQueryBuilder<Database, 'contacts', {}>).select('contacts.id') as unknown as SelectQueryBuilder<Database, 'contacts', Row>)
          : (qb as SelectQueryBuilder<Database, 'contacts', {}>).select(['contacts.id', 'contacts.last_name']),
      ...(reader ? { store: reader } : {}),
    });

  /** The cached read must equal the plain OFFSET read taken right after it. */
  async function expectSame(reader: Scope, filter: Record<string, unknown>, start: number, perPage: number, what: string, idsOnly = false) {
    const cached = await page(reader, filter, start, perPage, idsOnly);
    const plain = await page(null, filter, start, perPage, idsOnly);
    assert.deepEqual({ meta: cached.meta, rows: cached.rows }, plain, `${what}: start ${start}, filter ${JSON.stringify(filter)}`);
    return cached;
  }

  it('reads sequential pages from remembered positions, with the same pages and totals as OFFSET', async () => {
    const before = pagingStats(store.executor);
    const all = await page(null, {}, 0, 1000);
    const seen: number[] = [];
    for (let start = 0; start < all.meta.totalResults; start += 25) {
      const p = await expectSame(store, {}, start, 25, 'in order');
      seen.push(...p.rows.map((r) => r.id));
    }
    assert.deepEqual(seen, all.rows.map((r) => r.id));
    const after = pagingStats(store.executor);
    const pages = Math.ceil(all.meta.totalResults / 25);
    assert.equal(after.fresh - before.fresh, 1, 'only the first page counts and offsets');
    assert.equal(after.anchored - before.anchored, pages - 1, 'every later page starts from where the previous one ended');
  });

  it('recomputes after every kind of write, so no page ever differs from OFFSET', async () => {
    const filter = { status: 2 };
    await expectSame(store, filter, 0, 10, 'first page');
    await expectSame(store, filter, 10, 10, 'second page');
    // A contact inserted after the pages read so far.
    await addContact(store, 2);
    await expectSame(store, filter, 20, 10, 'after an insert');
    // A deleted contact from an earlier page shifts every later position by one.
    const first = (await page(null, filter, 0, 1)).rows[0]!;
    await store.deleteFrom('contacts').where('id', '=', first.id).execute();
    await expectSame(store, filter, 30, 10, 'after a delete before the position');
    // An update that takes a contact out of the filtered set.
    const second = (await page(null, filter, 1, 1)).rows[0]!;
    await store.updateTable('contacts').set({ email_status: 3 }).where('id', '=', second.id).execute();
    await expectSame(store, filter, 40, 10, 'after an update leaving the set');
    // An update that brings one in.
    const outsider = (await page(null, { status: 1 }, 0, 1)).rows[0]!;
    await store.updateTable('contacts').set({ email_status: 2 }).where('id', '=', outsider.id).execute();
    await expectSame(store, filter, 10, 10, 'after an update joining the set');
  });

  it('tracks writes to the tables a filter reads (company membership)', async () => {
    const filter = { companyId };
    await expectSame(store, filter, 0, 5, 'first page');
    await expectSame(store, filter, 5, 5, 'second page');
    const outsider = (await page(null, { status: 1 }, 3, 1)).rows[0]!;
    await store
      .insertInto('company_contacts', { company_id: companyId, contact_id: outsider.id, created_at: Date.now() })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await expectSame(store, filter, 10, 5, 'after a membership insert');
    await store.deleteFrom('company_contacts').where('contact_id', '=', outsider.id).execute();
    await expectSame(store, filter, 15, 5, 'after a membership delete');
  });

  it('sees writes made through another connection (another server process)', async () => {
    await expectSame(store, {}, 0, 30, 'first page');
    await expectSame(otherStore, {}, 0, 30, 'first page, other process');
    await addContact(otherStore);
    const victim = (await page(null, {}, 5, 1)).rows[0]!;
    await other.db.deleteFrom('contacts').where('id', '=', victim.id).execute();
    await expectSame(store, {}, 30, 30, 'next page after the other process wrote');
    await addContact(store);
    await expectSame(otherStore, {}, 30, 30, 'next page in the other process after this one wrote');
  });

  it('ignores a write that rolled back, and keeps serving from the remembered position', async () => {
    await expectSame(store, {}, 0, 20, 'first page');
    await assert.rejects(
      store.transaction(async (tx) => {
        await addContact(tx);
        throw new Error('roll back');
      }),
      /roll back/,
    );
    const before = pagingStats(store.executor);
    await expectSame(store, {}, 20, 20, 'after the rollback');
    assert.equal(pagingStats(store.executor).anchored - before.anchored, 1);
  });

  it('stays exact when a transaction that took a lower id commits after a higher one', async (t) => {
    if (kind !== 'postgres') return t.skip('SQLite has one writer: ids are taken in commit order');
    await expectSame(store, {}, 0, 50, 'first page');
    let release!: () => void;
    let inserted!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = new Promise<void>((resolve) => (inserted = resolve));
    // The late transaction takes its id first and commits last.
    const late = other.db.transaction().execute(async (trx) => {
      await addContact(createScope(trx, server().accountId, 'postgres'));
      inserted();
      await held;
    });
    await ready;
    await addContact(store);
    const total = (await page(null, {}, 0, 1)).meta.totalResults;
    await expectSame(store, {}, 50, 50, 'while the late transaction is open');
    await expectSame(store, {}, total - 10, 50, 'the tail while it is open');
    release();
    await late;
    await expectSame(store, {}, 100, 50, 'after it committed');
    await expectSame(store, {}, 50, 50, 'an earlier page after it committed');
  });

  it('matches OFFSET over a random mix of reads and writes from two processes', async () => {
    const next = sequence(kind === 'sqlite' ? 11 : 23);
    const filtersToTry = [{}, { status: 1 }, { lastName: 'Last3' }, { companyId }];
    const cursors = new Map<string, number>();
    for (let step = 0; step < 300; step++) {
      const roll = next();
      const reader = next() < 0.5 ? store : otherStore;
      const writer = next() < 0.5 ? store : otherStore;
      if (roll < 0.6) {
        // Mostly in-order paging (where positions are reused), sometimes a jump.
        const filter = filtersToTry[Math.floor(next() * filtersToTry.length)]!;
        const name = `${reader === store ? 'a' : 'b'}${JSON.stringify(filter)}`;
        const jump = next() < 0.2;
        const start = jump ? Math.floor(next() * 150) : (cursors.get(name) ?? 0);
        const p = await expectSame(reader, filter, start, 7, `step ${step}`, next() < 0.5);
        cursors.set(name, p.rows.length === 0 ? 0 : start + p.rows.length);
      } else if (roll < 0.75) {
        await addContact(writer, 1 + Math.floor(next() * 3));
      } else if (roll < 0.85) {
        const any = (await page(null, {}, Math.floor(next() * 100), 1)).rows[0];
        if (any) await writer.updateTable('contacts').set({ email_status: 1 + Math.floor(next() * 3), last_name: `Last${Math.floor(next() * 7)}` }).where('id', '=', any.id).execute();
      } else if (roll < 0.93) {
        const any = (await page(null, {}, Math.floor(next() * 100), 1)).rows[0];
        if (any) await writer.deleteFrom('contacts').where('id', '=', any.id).execute();
      } else {
        const any = (await page(null, {}, Math.floor(next() * 100), 1)).rows[0];
        if (any) {
          await writer.deleteFrom('company_contacts').where('contact_id', '=', any.id).execute();
          if (next() < 0.5) await writer.insertInto('company_contacts', { company_id: companyId, contact_id: any.id, created_at: Date.now() }).execute();
        }
      }
    }
  });

  it('answers a page of ids asked again at an unchanged version from memory, and recomputes it after a write', async () => {
    const first = await expectSame(store, { status: 1 }, 10, 10, 'ids', true);
    const before = pagingStats(store.executor);
    const again = await expectSame(store, { status: 1 }, 10, 10, 'ids again', true);
    assert.deepEqual(again.rows, first.rows);
    assert.equal(pagingStats(store.executor).hits - before.hits, 1);
    const moved = first.rows[0]!;
    await store.updateTable('contacts').set({ email_status: 3 }).where('id', '=', moved.id).execute();
    const after = await expectSame(store, { status: 1 }, 10, 10, 'ids after a write', true);
    assert.ok(!after.rows.some((r) => r.id === moved.id));
  });

  it('answers every page of ids read before, in any order, from memory (not only the last few)', async () => {
    const total = (await page(null, {}, 0, 1)).meta.totalResults;
    const starts = Array.from({ length: Math.ceil(total / 5) }, (_, i) => i * 5);
    assert.ok(starts.length > 20, 'more pages than a handful');
    const first = new Map<number, number[]>();
    for (const start of starts) first.set(start, (await page(store, {}, start, 5, true)).rows.map((r) => r.id));
    const before = pagingStats(store.executor);
    for (const start of [...starts].reverse()) {
      assert.deepEqual((await expectSame(store, {}, start, 5, 'ids again, backwards', true)).rows.map((r) => r.id), first.get(start));
    }
    const after = pagingStats(store.executor);
    assert.equal(after.hits - before.hits, starts.length, 'every page served at the known version');
    assert.equal(after.anchored - before.anchored, 0, 'none read from the database again');
  });

  it('leaves queries it cannot prove safe to plain OFFSET paging', async () => {
    const before = pagingStats(store.executor);
    // A join makes ids repeat; raw SQL with a subquery could read an unversioned table.
    const joined = await fetchPage<Row>({
      dialect: store.dialect,
      from: store.selectFrom('contacts').innerJoin('company_contacts', 'company_contacts.contact_id', 'contacts.id'),
      filters,
      params: { start: 2, perPage: 3 },
      idColumn: 'contacts.id',
      select: (qb) => (qb as SelectQueryBuilder<Database, 'contacts', {}>).select(['contacts.id', 'contacts.last_name']),
      store,
    });
    const raw = await fetchPage<Row>({
      dialect: store.dialect,
      from: store.selectFrom('contacts'),
      filters,
      params: { start: 2, perPage: 3 },
      idColumn: 'contacts.id',
      where: () => sql<boolean>`exists (select 1 from accounts)`,
      select: (qb) => (qb as SelectQueryBuilder<Database, 'contacts', {}>).select(['contacts.id', 'contacts.last_name']),
      store,
    });
    assert.equal(joined.rows.length, 3);
    assert.equal(raw.rows.length, 3);
    assert.deepEqual(pagingStats(store.executor), before);
  });
});
