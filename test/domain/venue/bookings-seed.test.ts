import assert from 'node:assert/strict';
import { it } from 'node:test';
import { anchoredNow, seedAccount } from '../../../src/seed/seed.js';
import { describeEachDatabase } from '../../support/suite.js';

type Availability = { availability: Array<{ spaceId: number; timeSlots: Array<{ date: string; startTime: string; endTime: string }> }> };
type Booking = { sessions: Array<{ id: number; spaceId: number; startDate: string; startTime: string; endTime: string }>; menus: unknown[]; resources: unknown[] };

describeEachDatabase('venue bookings seed', ({ server }) => {
  const count = async (accountId: number, table: 'booking_sessions' | 'booking_session_menus' | 'booking_session_resources' | 'booking_documents' | 'booking_beos') =>
    (await server().store(accountId).selectFrom(table).select('id').execute()).length;

  it('gives the seeded bookings sessions that hold their spaces, lines, a payment, a document and a BEO, alike for the same seed', async () => {
    const account = await server().newAccount({ withUser: 'primary' });
    const now = anchoredNow();
    const totals = await seedAccount(server().runtime, { accountId: account.accountId, contacts: 30, randomSeed: 11, now });
    const store = server().store(account.accountId);
    const sessions = await store.selectFrom('booking_sessions').selectAll().orderBy('id').execute();
    assert.ok(sessions.length > 0 && totals.bookingSessions === sessions.length, `sessions seeded (${JSON.stringify(totals)})`);
    assert.ok((await count(account.accountId, 'booking_session_menus')) > 0, 'menus');
    assert.ok((await count(account.accountId, 'booking_session_resources')) > 0, 'resources');
    assert.equal(await count(account.accountId, 'booking_documents'), 1);
    assert.equal(await count(account.accountId, 'booking_beos'), 1);
    const invoices = await store.selectFrom('invoices').select(['ref_type', 'ref_id']).where('ref_type', '=', 4).execute();
    assert.ok(invoices.length > 0 && invoices.length === totals.bookingPayments, 'each payment raised a venue booking invoice');

    // Every session occupies its space; no two sessions of a space overlap; cancelled bookings hold nothing.
    const held = await store.selectFrom('space_occupancies').select(['source_id', 'space_id']).where('source_kind', '=', 'session').execute();
    assert.deepEqual(held.map((h) => h.source_id).sort((a, b) => a - b), sessions.map((s) => s.id));
    for (const a of sessions) for (const b of sessions) if (a.id < b.id && a.space_id === b.space_id) assert.ok(a.ends_at <= b.starts_at || b.ends_at <= a.starts_at, `sessions ${a.id} and ${b.id} overlap`);
    const cancelled = await store.selectFrom('bookings').select('id').where('current_status', '=', 4).execute();
    assert.ok(cancelled.length > 0);
    assert.ok(sessions.every((s) => !cancelled.some((c) => c.id === s.booking_id)));

    // The API shows them: getBooking lists the lines, availability leaves the session's time out.
    const first = sessions[0]!;
    const booking = await account.client.call<Booking>('venue', 'getBooking', { id: first.booking_id });
    const shown = booking.sessions.find((s) => s.id === first.id)!;
    assert.equal(shown.spaceId, first.space_id);
    const free = await account.client.call<Availability>('venue', 'getFunctionSpaceAvailability', {
      venueId: first.space_venue_id,
      startDate: shown.startDate,
      endDate: shown.startDate,
      spaceIds: [first.space_id],
    });
    const slots = free.availability.find((a) => a.spaceId === first.space_id)!.timeSlots;
    assert.ok(
      slots.every((t) => t.endTime <= shown.startTime || t.startTime >= shown.endTime),
      `no free slot during the session ${shown.startTime}-${shown.endTime}: ${JSON.stringify(slots)}`,
    );
    const lines = await store.selectFrom('booking_session_menus').select('booking_id').orderBy('id').executeTakeFirstOrThrow();
    const withMenu = await account.client.call<Booking>('venue', 'getBooking', { id: lines.booking_id });
    assert.ok(withMenu.menus.length > 0);

    const again = await server().newAccount({ withUser: 'primary' });
    assert.deepEqual(await seedAccount(server().runtime, { accountId: again.accountId, contacts: 30, randomSeed: 11, now }), totals);
    for (const table of ['booking_sessions', 'booking_session_menus', 'booking_session_resources', 'booking_documents', 'booking_beos'] as const) {
      assert.equal(await count(again.accountId, table), await count(account.accountId, table), table);
    }
  });
});
