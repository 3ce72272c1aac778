/**
 * The batch reads behind a getContact with registrations go through an index that narrows to
 * the rows asked for. SQLite keeps no statistics here, and with ten or more ids in a batch it
 * took an index on the account alone (every attendee or invoice of the account, then a sort)
 * over one that leads with the account and goes on to the registration or source: 6 ms instead
 * of 0.1 ms per heavy contact (bench: getContact, heavy records). PostgreSQL plans from the
 * statistics ANALYZE keeps, so the plans are checked on SQLite.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql, type Compilable } from 'kysely';
import { guestsQuery } from '../../src/domain/contact/event-links.js';
import { InvoiceRefType, sourceInvoicesQuery } from '../../src/domain/invoice/store.js';
import { describeEachDatabase } from '../support/suite.js';

const BATCH = Array.from({ length: 40 }, (_, i) => i + 1);

describeEachDatabase('plans of the getContact batch reads', ({ server, kind }) => {
  async function plan(query: Compilable<unknown>): Promise<string> {
    const compiled = query.compile();
    const explained = await server().store().executor.executeQuery<{ detail: string }>({
      ...compiled,
      sql: `explain query plan ${compiled.sql}`,
    });
    return explained.rows.map((r) => r.detail).join(' | ');
  }

  const accountWideOnly = /USING (?:COVERING )?INDEX \w+ \(account_id=\?\)/;

  if (kind === 'sqlite') {
    for (const size of [1, 10, 40]) {
      it(`reads the guests of ${size} registrations by account and registration, in index order`, async () => {
        const details = await plan(guestsQuery(server().store(), BATCH.slice(0, size)));
        assert.match(details, /event_attendees_registration \(account_id=\? AND registration_id=\?\)/);
        assert.doesNotMatch(details, accountWideOnly);
        assert.doesNotMatch(details, /TEMP B-TREE/);
      });

      it(`reads the invoices of ${size} registrations by account and source`, async () => {
        const details = await plan(sourceInvoicesQuery(server().store(), InvoiceRefType.eventRegistration, BATCH.slice(0, size)));
        assert.match(details, /invoices_source \(account_id=\? AND ref_type=\? AND ref_id=\?\)/);
        assert.doesNotMatch(details, accountWideOnly);
      });
    }
  } else {
    it('has the guests index leading with the account', async () => {
      const { rows } = await sql<{ indexdef: string }>`
        select indexdef from pg_indexes where indexname = 'event_attendees_registration' and schemaname = current_schema()`.execute(server().store().executor);
      assert.equal(rows.length, 1);
      assert.match(rows[0]!.indexdef, /\(account_id, registration_id, id\)/);
    });
  }
});
