/**
 * One bad field never loses a record (issue 18): against a real Marquee and the HubSpot
 * double validating as HubSpot does (emails always; phone numbers as E.164, HubSpot's phone
 * validation), a contact whose phone or email HubSpot refuses arrives with its other fields,
 * the refusal is reported per record and field in the run summary and `sync status`, an
 * unchanged refused value is not sent again, and a changed one is.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { SyncConfig } from '../../src/sync/config.js';
import { runSync } from '../../src/sync/engine/run.js';
import type { OpenedSync } from '../../src/sync/environment.js';
import { statusText } from '../../src/sync/report.js';
import { startHubSpotDouble, type HubSpotDouble } from '../doubles/hubspot/server.js';
import { describeEachDatabase } from '../support/suite.js';
import { openTestSync, syncConfig } from './support/harness.js';

describeEachDatabase('sync: values the CRM refuses (HubSpot double)', ({ server }) => {
  let hub: HubSpotDouble;
  let config: SyncConfig;
  let opened: OpenedSync;
  const ids: Record<'phoebe' | 'eve' | 'gus', number> = { phoebe: 0, eve: 0, gus: 0 };

  before(async () => {
    hub = await startHubSpotDouble({ searchPerSecond: 100, phoneValidation: true });
    config = syncConfig(
      server(),
      { connector: 'hubspot', hubspot: { accessToken: hub.token, basePath: hub.url, searchRequestsPerSecond: 100, requestsPerTenSeconds: 10_000 } },
      { profile: 'refusals', sync: { defaultRegion: 'AU' }, modules: { companies: { enabled: false } } },
    );
    opened = await openTestSync(server(), config);
  });
  after(async () => {
    await opened?.close();
    await hub?.close();
  });

  const contact = (name: keyof typeof ids) => hub.objects('contacts').find((o) => o.properties.ivvy_contact_id === String(ids[name]))!;
  const refusals = async () => (await opened.env.state.refusals.list(100)).map((r) => ({ recordId: r.recordId, field: r.field, value: r.value, attempts: r.attempts }));
  const refusedAnswers = () => hub.log.filter((l) => l.status === 400).length;
  const upsert = (fields: Record<string, unknown>) => server().client.call<{ id: number }>('contact', 'addOrUpdateContact', fields);

  it('writes the rest of a contact whose phone or email HubSpot refuses, and reports each refusal', async () => {
    ids.phoebe = (await upsert({ firstName: 'Phoebe', lastName: 'Phone', email: 'phoebe@example.com', phone: 'call reception' })).id;
    // iVvy takes this address; HubSpot wants a top-level domain of letters.
    ids.eve = (await upsert({ firstName: 'Eve', lastName: 'Mail', email: 'eve@example.c0m', phone: '0412 345 678' })).id;
    ids.gus = (await upsert({ firstName: 'Gus', lastName: 'Good', email: 'gus@example.com', phone: '(02) 9374 4000' })).id;

    const summary = await runSync(opened.env);
    assert.equal(summary.status, 'succeeded', JSON.stringify(summary.errors));
    assert.equal(summary.counts['contacts/toCrm']?.created, 3);
    assert.equal(summary.counts['contacts/toCrm']?.errors, 0);
    assert.equal(summary.counts['contacts/toCrm']?.refused, 2);

    // Every contact arrived, with everything HubSpot accepts; phone numbers in E.164.
    assert.deepEqual(
      [contact('phoebe').properties.firstname, contact('phoebe').properties.email, contact('phoebe').properties.phone ?? null],
      ['Phoebe', 'phoebe@example.com', null],
    );
    assert.deepEqual([contact('eve').properties.lastname, contact('eve').properties.email ?? null, contact('eve').properties.phone], ['Mail', null, '+61412345678']);
    assert.equal(contact('gus').properties.phone, '+61293744000');

    // Reported per record and field, with HubSpot's reason.
    const reported = summary.refusals.map((r) => ({ recordId: r.recordId, field: r.field, value: r.value, targetId: r.targetId }));
    assert.deepEqual(
      reported.sort((a, b) => a.field.localeCompare(b.field)),
      [
        { recordId: String(ids.eve), field: 'email', value: 'eve@example.c0m', targetId: contact('eve').id },
        { recordId: String(ids.phoebe), field: 'phone', value: 'call reception', targetId: contact('phoebe').id },
      ],
    );
    assert.match(summary.refusals.find((r) => r.field === 'email')!.message, /INVALID_EMAIL/);
    assert.match(summary.refusals.find((r) => r.field === 'phone')!.message, /INVALID_PHONE_NUMBER/);

    // And in `sync status`.
    const state = opened.env.state;
    const text = statusText({
      profile: state.profile,
      cursors: await state.cursors.all(),
      runs: await state.runs.recent(5),
      links: {},
      retries: await state.retries.count(),
      refusals: await state.refusals.list(100),
      refusalCount: await state.refusals.count(),
      conflicts: [],
    });
    assert.match(text, /Values refused and left out \(sent again when they change\): 2/);
    assert.match(text, new RegExp(`contacts iVvy ${ids.phoebe} → CRM ${contact('phoebe').id}: phone "call reception" refused by the CRM: INVALID_PHONE_NUMBER`));
    assert.match(text, new RegExp(`contacts iVvy ${ids.eve} → CRM ${contact('eve').id}: email "eve@example.c0m" refused by the CRM: INVALID_EMAIL`));
    assert.equal(await state.retries.count(), 0, 'nothing waits for a retry: the records were written');
  });

  it('sends a refused value again only once it changes', async () => {
    // Another field changes: it is written, the refused phone is not sent again.
    const before = refusedAnswers();
    await upsert({ id: ids.phoebe, lastName: 'Phones' });
    const other = await runSync(opened.env);
    assert.equal(other.status, 'succeeded', JSON.stringify(other.errors));
    assert.equal(contact('phoebe').properties.lastname, 'Phones');
    assert.equal(other.refusalCount, 0);
    assert.equal(refusedAnswers(), before, 'HubSpot was not sent the refused value again');
    // Nothing changed: nothing is sent.
    const idle = await runSync(opened.env);
    assert.equal(idle.refusalCount, 0);
    assert.equal(refusedAnswers(), before);
    assert.equal((await refusals()).find((r) => r.field === 'phone')?.attempts, 1);

    // A new value, still refused: sent, refused again, reported with the new value.
    await upsert({ id: ids.phoebe, phone: 'ask for Phoebe' });
    const again = await runSync(opened.env);
    assert.equal(again.refusalCount, 1);
    assert.deepEqual((await refusals()).find((r) => r.field === 'phone'), { recordId: String(ids.phoebe), field: 'phone', value: 'ask for Phoebe', attempts: 2 });

    // Values HubSpot accepts: written, and the refusals are forgotten.
    await upsert({ id: ids.phoebe, phone: '0412 000 111' });
    await upsert({ id: ids.eve, email: 'eve@example.com' });
    const fixed = await runSync(opened.env);
    assert.equal(fixed.status, 'succeeded', JSON.stringify(fixed.errors));
    assert.equal(fixed.refusalCount, 0);
    assert.equal(contact('phoebe').properties.phone, '+61412000111');
    assert.equal(contact('eve').properties.email, 'eve@example.com');
    assert.deepEqual(await refusals(), []);
  });
});
