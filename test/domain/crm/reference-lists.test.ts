import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeEachDatabase } from '../../support/suite.js';
import { addOpportunity, crmRefs, expectApiError, leadRequest, newContact } from './fixtures.js';

interface Page<T> {
  meta: { totalResults: number; start: number; perPage: number; count: number };
  results: T[];
}
interface Upserted {
  success: boolean;
  id: number;
}

describeEachDatabase('crm: lead stages', ({ server }) => {
  const client = () => server().client;

  it('adds a stage, lists it with its reasons, and updates its colour', async () => {
    const added = await client().call<Upserted>('crm', 'addOrUpdateLeadStage', { name: 'Referal Lead', applyTo: 1 });
    assert.equal(added.success, true);
    await server()
      .store()
      .insertInto('crm_lead_stage_reasons', { stage_id: added.id, reason: 'Repeat client', created_at: Date.now() })
      .execute();
    const updated = await client().call<Upserted>('crm', 'addOrUpdateLeadStage', { id: added.id, colour: '#7EE546' });
    assert.deepEqual(updated, { success: true, id: added.id });
    const page = await client().call<Page<{ id: number; name: string; reasons: Array<{ id: number; reason: string }> }>>(
      'crm',
      'getLeadStageList',
      { filter: { id: added.id } },
    );
    assert.equal(page.meta.totalResults, 1);
    const stage = page.results[0]!;
    assert.deepEqual(Object.keys(stage), ['id', 'name', 'reasons']);
    assert.equal(stage.name, 'Referal Lead');
    assert.deepEqual(stage.reasons.map((r) => r.reason), ['Repeat client']);
    const row = await server().store().selectFrom('crm_lead_stages').selectAll().where('id', '=', added.id).executeTakeFirstOrThrow();
    assert.equal(row.colour, '#7ee546');
    assert.equal(row.apply_to, 1);
  });

  it('filters stages by applyTo so a client can pick the stages of leads', async () => {
    await client().call('crm', 'addOrUpdateLeadStage', { name: 'Lead-only stage', applyTo: 2 });
    const leads = await client().call<Page<{ name: string }>>('crm', 'getLeadStageList', { filter: { applyTo: 2 } });
    assert.ok(leads.results.some((s) => s.name === 'Lead-only stage'));
    assert.ok(!leads.results.some((s) => s.name === 'Referal Lead'));
  });

  it('requires name and applyTo when adding (23017) and validates values (23016)', async () => {
    await expectApiError(client().call('crm', 'addOrUpdateLeadStage', { applyTo: 1 }), 400, 23017, "'name' is required");
    await expectApiError(client().call('crm', 'addOrUpdateLeadStage', { name: 'No kind' }), 400, 23017, "'applyTo' is required");
    await expectApiError(client().call('crm', 'addOrUpdateLeadStage', { name: 'Bad', applyTo: 3 }), 400, 23016, "'applyTo'");
    await expectApiError(client().call('crm', 'addOrUpdateLeadStage', { name: 'Bad', applyTo: 1, colour: 'green' }), 400, 23016, 'colour');
  });

  it('answers the page codes: 24320 missing, 24321 built-in, 24323 duplicate or in use, 24324 nothing to change', async () => {
    await expectApiError(client().call('crm', 'addOrUpdateLeadStage', { id: 999_999, name: 'x' }), 404, 24320);
    const refs = await crmRefs(server().store());
    await expectApiError(client().call('crm', 'addOrUpdateLeadStage', { id: refs.won, name: 'Closed' }), 403, 24321);
    const name = (await server().store().selectFrom('crm_lead_stages').select('name').where('id', '=', refs.leadStage).executeTakeFirstOrThrow()).name;
    await expectApiError(client().call('crm', 'addOrUpdateLeadStage', { name: name.toUpperCase(), applyTo: 2 }), 400, 24323, 'already exists');
    await expectApiError(client().call('crm', 'addOrUpdateLeadStage', { id: refs.leadStage2 }), 400, 24324, 'Nothing to update');
    // A stage used by a lead cannot start applying to opportunities.
    const contactId = await newContact(client());
    await client().call('contact', 'addOrUpdateLead', leadRequest(refs, contactId));
    await expectApiError(client().call('crm', 'addOrUpdateLeadStage', { id: refs.leadStage, applyTo: 1 }), 400, 24323, 'in use');
    await addOpportunity(server().store(), refs, 5);
    await expectApiError(client().call('crm', 'addOrUpdateLeadStage', { id: refs.opportunityStage, applyTo: 2 }), 400, 24323, 'in use');
    // Renaming keeps working, including to the same name.
    await client().call('crm', 'addOrUpdateLeadStage', { id: refs.leadStage, name });
  });
});

describeEachDatabase('crm: lead types, qualities, channels, sources, activity purposes', ({ server }) => {
  const client = () => server().client;

  it('lists types with their sub types and adds or renames a type', async () => {
    const refs = await crmRefs(server().store());
    const { id } = await client().call<Upserted>('crm', 'addOrUpdateLeadType', { type: 'Referal Type' });
    await client().call('crm', 'addOrUpdateLeadType', { id, type: 'Another name' });
    const page = await client().call<Page<{ id: number; type: string; subtypes: Array<{ id: number; name: string }> }>>('crm', 'getLeadTypeList', {});
    const added = page.results.find((t) => t.id === id)!;
    assert.deepEqual(added, { id, type: 'Another name', subtypes: [] });
    const corporate = page.results.find((t) => t.id === refs.typeWithSubtypes)!;
    assert.deepEqual(corporate.subtypes.map((s) => s.id), refs.subtypes);
    await expectApiError(client().call('crm', 'addOrUpdateLeadType', { id: 999_999, type: 'x' }), 404, 24381);
    await expectApiError(client().call('crm', 'addOrUpdateLeadType', { type: 'another NAME' }), 400, 24383);
    await expectApiError(client().call('crm', 'addOrUpdateLeadType', { id }), 400, 24384);
    await expectApiError(client().call('crm', 'addOrUpdateLeadType', {}), 400, 23017, "'type' is required");
  });

  it('adds, updates and filters qualities', async () => {
    const { id } = await client().call<Upserted>('crm', 'addOrUpdateLeadQuality', { label: 'A Grade', showOnDash: false });
    await client().call('crm', 'addOrUpdateLeadQuality', { id, label: 'Updated Quality', showOnDash: 'true' });
    const page = await client().call<Page<{ id: number; label: string; showOnDash: boolean }>>('crm', 'getLeadQualityList', {
      filter: { label__BEGINS: 'updated' },
    });
    assert.deepEqual(page.results, [{ id, label: 'Updated Quality', showOnDash: true }]);
    const onDash = await client().call<Page<{ id: number }>>('crm', 'getLeadQualityList', { filter: { showOnDash: false } });
    assert.ok(!onDash.results.some((q) => q.id === id));
    await expectApiError(client().call('crm', 'addOrUpdateLeadQuality', { id: 999_999, label: 'x' }), 404, 24304);
    await expectApiError(client().call('crm', 'addOrUpdateLeadQuality', { label: 'updated quality' }), 400, 24306);
    await expectApiError(client().call('crm', 'addOrUpdateLeadQuality', { id }), 400, 24307);
    await expectApiError(client().call('crm', 'addOrUpdateLeadQuality', { label: 'x', showOnDash: 'maybe' }), 400, 23016);
  });

  it('adds and renames channels; built-in channels are not editable', async () => {
    const refs = await crmRefs(server().store());
    const { id } = await client().call<Upserted>('crm', 'addOrUpdateLeadChannel', { name: 'Referal Channel' });
    await client().call('crm', 'addOrUpdateLeadChannel', { id, name: 'Another name' });
    const page = await client().call<Page<{ id: number; name: string }>>('crm', 'getLeadChannelList', { filter: { id } });
    assert.deepEqual(page.results, [{ id, name: 'Another name' }]);
    await expectApiError(client().call('crm', 'addOrUpdateLeadChannel', { id: 999_999, name: 'x' }), 404, 24376);
    await expectApiError(client().call('crm', 'addOrUpdateLeadChannel', { id: refs.systemChannel, name: 'Mine now' }), 403, 24377);
    await expectApiError(client().call('crm', 'addOrUpdateLeadChannel', { name: 'ANOTHER name' }), 400, 24379);
    await expectApiError(client().call('crm', 'addOrUpdateLeadChannel', { id }), 400, 24380);
  });

  it('adds sources with a cost in currency units; the built-in referral source is not editable', async () => {
    const refs = await crmRefs(server().store());
    const { id } = await client().call<Upserted>('crm', 'addOrUpdateLeadSource', { name: 'Referal Source', isReferral: true, cost: '12.5', colour: '#abc' });
    await client().call('crm', 'addOrUpdateLeadSource', { id, description: '#Description of source' });
    const page = await client().call<Page<Record<string, unknown>>>('crm', 'getLeadSourceList', { filter: { isReferral: true } });
    const source = page.results.find((s) => s.id === id)!;
    assert.deepEqual(source, {
      id,
      name: 'Referal Source',
      description: '#Description of source',
      cost: 12.5,
      isReferral: true,
      defaultType: null,
    });
    const builtIn = page.results.find((s) => s.id === refs.referralSource)!;
    assert.equal(builtIn.defaultType, 1);
    assert.equal((await server().store().selectFrom('crm_lead_sources').select('cost').where('id', '=', id).executeTakeFirstOrThrow()).cost, 1250);
    await expectApiError(client().call('crm', 'addOrUpdateLeadSource', { id: 999_999, name: 'x' }), 404, 24325);
    await expectApiError(client().call('crm', 'addOrUpdateLeadSource', { id: refs.referralSource, cost: 3 }), 403, 24326);
    await expectApiError(client().call('crm', 'addOrUpdateLeadSource', { name: 'referal source' }), 400, 24328);
    await expectApiError(client().call('crm', 'addOrUpdateLeadSource', { id }), 400, 24329);
    await expectApiError(client().call('crm', 'addOrUpdateLeadSource', { name: 'Cheap', cost: '0.001' }), 400, 23016, '2 decimal places');
    await expectApiError(client().call('crm', 'addOrUpdateLeadSource', { name: 'Cheap', cost: -1 }), 400, 23016);
  });

  it('adds and updates activity purposes', async () => {
    const { id } = await client().call<Upserted>('crm', 'addOrUpdateActivityPurpose', { name: 'Purpose 1', type: '1' });
    assert.deepEqual(await client().call('crm', 'addOrUpdateActivityPurpose', { id, name: 'Updated Purpose' }), { success: true, id });
    const row = await server().store().selectFrom('crm_activity_purposes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.name, 'Updated Purpose');
    assert.equal(row.type, 1);
    await expectApiError(client().call('crm', 'addOrUpdateActivityPurpose', { name: 'No type' }), 400, 23017, "'type' is required");
    await expectApiError(client().call('crm', 'addOrUpdateActivityPurpose', { name: 'Bad type', type: 5 }), 400, 23016);
    await expectApiError(client().call('crm', 'addOrUpdateActivityPurpose', { id: 999_999, name: 'x' }), 404, 24300);
    await expectApiError(client().call('crm', 'addOrUpdateActivityPurpose', { name: 'updated purpose', type: 2 }), 400, 24302);
    await expectApiError(client().call('crm', 'addOrUpdateActivityPurpose', { id }), 400, 24303);
  });

  it('keeps every list to its account', async () => {
    await crmRefs(server().store());
    const other = await server().newAccount();
    for (const action of ['getLeadStageList', 'getLeadTypeList', 'getLeadQualityList', 'getLeadSourceList', 'getLeadChannelList']) {
      const page = await other.client.call<Page<unknown>>('crm', action, {});
      assert.equal(page.meta.totalResults, 0, action);
    }
    const mine = await server().store().selectFrom('crm_lead_types').select('id').executeTakeFirstOrThrow();
    await expectApiError(other.client.call('crm', 'addOrUpdateLeadType', { id: mine.id, type: 'Hijack' }), 404, 24381);
  });
});

describeEachDatabase('crm: a save that fails answers the page’s "An error has occurred"', ({ server }) => {
  it('answers 500 with 24382 and the request id when the type table is unusable', async () => {
    const db = server().runtime.storage.db;
    await sql`alter table crm_lead_types rename to crm_lead_types_away`.execute(db);
    try {
      const error = await expectApiError(server().client.call('crm', 'addOrUpdateLeadType', { type: 'Unlucky' }), 500, 24382, 'An error has occurred');
      assert.match(error.additionalMessages?.[0] ?? '', /^Request id: /);
    } finally {
      await sql`alter table crm_lead_types_away rename to crm_lead_types`.execute(db);
    }
  });
});
