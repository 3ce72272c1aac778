/**
 * Every table a kept answer is made of is versioned (storage/answer-cache.ts): otherwise a write
 * to it would not move the account's write version, and the answer would be served stale. The
 * statements the reads prepare are captured on a fresh in-process sandbox (its own SQLite
 * database, so nothing is prepared yet) and the tables they name are checked against the
 * versioned ones. A new part of a booking that reads a new table fails here until the table is
 * versioned. SQLite only: which tables the code reads does not depend on the database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { VERSIONED_TABLES } from '../../src/domain/index.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';

/** Read by every request (the key) and by the cache itself (the version). */
const PLATFORM = new Set(['api_keys', 'write_versions']);

describe('tables of kept answers', () => {
  let sandbox: Sandbox;
  let capturing: string[] | null = null;
  const proto = Database.prototype as unknown as { prepare: (source: string, ...rest: unknown[]) => unknown };
  const prepare = proto.prepare;

  before(async () => {
    proto.prepare = function (this: unknown, source: string, ...rest: unknown[]) {
      capturing?.push(source);
      return prepare.call(this, source, ...rest);
    };
    sandbox = await createSandbox();
  });
  after(async () => {
    proto.prepare = prepare;
    await sandbox.close();
  });

  async function tablesRead(calls: () => Promise<unknown>): Promise<string[]> {
    const statements: string[] = [];
    capturing = statements;
    try {
      await calls();
    } finally {
      capturing = null;
    }
    const tables = new Set(statements.flatMap((s) => [...s.matchAll(/\b(?:from|join)\s+"?([a-z_]+)"?/gi)].map((m) => m[1] as string)));
    return [...tables].filter((t) => !PLATFORM.has(t)).sort();
  }

  it('getBooking reads only versioned tables, for bookings holding every kind of part', async () => {
    const list = await sandbox.client.call<{ results: Array<{ id: number }> }>('venue', 'getBookingListForAccount', { perPage: 100 });
    assert.ok(list.results.length >= 10, 'the seed has bookings');
    const tables = await tablesRead(async () => {
      for (const b of list.results) await sandbox.client.call('venue', 'getBooking', { id: b.id });
    });
    for (const part of ['booking_sessions', 'booking_session_menus', 'booking_session_resources', 'invoices', 'booking_beos']) {
      assert.ok(tables.includes(part), `the seeded bookings exercise ${part} (read: ${tables.join(', ')})`);
    }
    assert.deepEqual(
      tables.filter((t) => !(t in VERSIONED_TABLES)),
      [],
      'unversioned tables in a getBooking answer',
    );
  });

  it('getAvailableFunctionSpaces reads only versioned tables', async () => {
    const venues = await sandbox.client.call<{ results: Array<{ id: number }> }>('venue', 'getVenueList', {});
    const tables = await tablesRead(async () => {
      for (const v of venues.results) {
        await sandbox.client.call('venue', 'getAvailableFunctionSpaces', { venueId: v.id, startDatetime: '2031-03-04 10:00:00', endDatetime: '2031-03-04 14:00:00' });
      }
    });
    assert.ok(tables.includes('space_occupancies'), `read: ${tables.join(', ')}`);
    assert.deepEqual(
      tables.filter((t) => !(t in VERSIONED_TABLES)),
      [],
      'unversioned tables in a getAvailableFunctionSpaces answer',
    );
  });

  it('getContact reads only versioned tables, for contacts with invitations and registrations', async () => {
    const contacts = await sandbox.client.call<{ results: Array<{ id: number }> }>('contact', 'getContactList', { perPage: 1000 });
    assert.ok(contacts.results.length >= 20, 'the seed has contacts');
    const tables = await tablesRead(async () => {
      for (const c of contacts.results) {
        await sandbox.client.call('contact', 'getContact', { id: c.id });
        await sandbox.client.call('contact', 'getContact', { id: c.id, useEventSortOrder: true });
      }
    });
    for (const part of ['event_invitations', 'event_registrations', 'event_attendees', 'invoices']) {
      assert.ok(tables.includes(part), `the seeded contacts exercise ${part} (read: ${tables.join(', ')})`);
    }
    assert.deepEqual(
      tables.filter((t) => !(t in VERSIONED_TABLES)),
      [],
      'unversioned tables in a getContact answer',
    );
  });
});
