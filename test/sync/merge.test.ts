/** The pure parts of the engine: merge decisions, canonical values, configuration. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSyncConfig } from '../../src/sync/config.js';
import { configTemplate } from '../../src/sync/config-template.js';
import { canonicalise, fingerprint } from '../../src/sync/fingerprint.js';
import { merge, type MergePolicy } from '../../src/sync/merge.js';
import { parseRetryAfter, SideHttpError, withRetry } from '../../src/sync/retry.js';
import { splitName } from '../../src/sync/connectors/tryton/parties.js';

const fields = ['firstName', 'phone', 'email'];
const policy: MergePolicy = { conflictPolicy: 'most-recent', fieldOwners: {}, twoWay: true };
const base = { firstName: 'Ada', phone: '1', email: 'ada@example.com' };

describe('merge', () => {
  it('writes only the fields that changed, to the side that does not have them', () => {
    const m = merge(fields, { current: { ...base, phone: '2' }, state: base, modifiedAt: 1000 }, { current: base, state: base, modifiedAt: 500 }, policy);
    assert.deepEqual(m.toCrm, { phone: '2' });
    assert.deepEqual(m.toIvvy, {});
    assert.equal(m.conflict, null);
  });

  it('gives a conflict to the most recent side, by whole seconds, ties to iVvy', () => {
    const ivvy = { current: { ...base, phone: '2' }, state: base, modifiedAt: 10_000 };
    const crmLater = { current: { ...base, phone: '3', firstName: 'Ada L' }, state: base, modifiedAt: 11_000 };
    const m = merge(fields, ivvy, crmLater, policy);
    assert.equal(m.conflict?.winner, 'crm');
    assert.deepEqual(m.conflict?.fields, ['phone']);
    assert.deepEqual(m.toIvvy, { phone: '3', firstName: 'Ada L' });
    assert.deepEqual(m.toCrm, {});
    const sameSecond = merge(fields, ivvy, { ...crmLater, modifiedAt: 10_900 }, policy);
    assert.equal(sameSecond.conflict?.winner, 'ivvy');
    assert.deepEqual(sameSecond.toCrm, { phone: '2', firstName: 'Ada' });
    assert.equal(merge(fields, ivvy, crmLater, { ...policy, conflictPolicy: 'ivvy-wins' }).conflict?.winner, 'ivvy');
  });

  it('lets an owned field take its owner’s value whatever changed', () => {
    const owned = { ...policy, fieldOwners: { email: 'crm' as const } };
    const m = merge(fields, { current: { ...base, email: 'new@example.com' }, state: base, modifiedAt: 2000 }, { current: base, state: base, modifiedAt: 1000 }, owned);
    assert.deepEqual(m.toIvvy, { email: 'ada@example.com' }, 'the iVvy edit of a CRM-owned field is reverted');
    assert.deepEqual(m.toCrm, {});
  });

  it('never writes back into iVvy for a one-way module', () => {
    const oneWay = { ...policy, twoWay: false };
    const m = merge(fields, { current: base, state: base, modifiedAt: 1 }, { current: { ...base, phone: '9' }, state: base, modifiedAt: 2 }, oneWay);
    assert.deepEqual(m.toIvvy, {});
  });
});

describe('canonical values and fingerprints', () => {
  it('ignores blanks, empty strings, email case and list order', () => {
    const a = canonicalise({ firstName: ' Ada ', phone: '', email: 'ADA@Example.com', groups: ['b', 'a', 'a', ''] });
    const b = canonicalise({ firstName: 'Ada', phone: null, email: 'ada@example.com', groups: ['a', 'b'] });
    assert.deepEqual(a, b);
    assert.equal(fingerprint(a, Object.keys(a)), fingerprint(b, Object.keys(b)));
    assert.notEqual(fingerprint(a, ['firstName']), fingerprint({ firstName: 'Ada!' }, ['firstName']));
  });

  it('splits a Tryton party name at the last space', () => {
    assert.deepEqual(splitName('Mary Ann Smith'), { firstName: 'Mary Ann', lastName: 'Smith' });
    assert.deepEqual(splitName('Cher'), { firstName: null, lastName: 'Cher' });
    assert.deepEqual(splitName('  '), { firstName: null, lastName: null });
  });
});

describe('retries', () => {
  it('honours Retry-After in seconds or as a date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter(new Date(Date.now() + 5000).toUTCString(), Date.now()) !== null, true);
    assert.equal(parseRetryAfter('soon'), null);
  });

  it('retries 429 and 5xx for idempotent calls, only refusals for creates, waiting what was asked', async () => {
    const waits: number[] = [];
    const hooks = { sleep: async (ms: number) => void waits.push(ms) };
    const p = { retries: 3, baseDelayMs: 10, maxDelayMs: 100, maxRetryAfterMs: 10_000 };
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls++;
        if (calls === 1) throw new SideHttpError('busy', 429, 2000);
        if (calls === 2) throw new SideHttpError('oops', 500, null);
        return 'done';
      },
      'idempotent',
      p,
      hooks,
    );
    assert.equal(value, 'done');
    assert.ok(waits[0]! >= 2000);
    calls = 0;
    await assert.rejects(
      withRetry(async () => {
        calls++;
        throw new SideHttpError('oops', 500, null);
      }, 'create', p, hooks),
    );
    assert.equal(calls, 1, 'a create that may have happened is not repeated');
    await assert.rejects(withRetry(async () => Promise.reject(new SideHttpError('later', 429, 60_000)), 'idempotent', p, hooks), /later/);
  });
});

describe('configuration', () => {
  it('reads the template init writes, with secrets from the environment', () => {
    const env = { IVVY_API_KEY: 'k', IVVY_API_SECRET: 's', HUBSPOT_ACCESS_TOKEN: 't', TRYTON_PASSWORD: 'p' };
    const hub = parseSyncConfig(configTemplate('hubspot'), env);
    assert.equal(hub.crm.connector, 'hubspot');
    assert.equal(hub.crm.hubspot?.accessToken, 't');
    assert.equal(hub.ivvy.key, 'k');
    assert.equal(hub.modules.contacts.onDelete, 'archive');
    assert.equal(hub.sync.conflictPolicy, 'most-recent');
    const tryton = parseSyncConfig(configTemplate('tryton'), env);
    assert.equal(tryton.crm.tryton?.password, 'p');
    assert.equal(tryton.crm.hubspot, undefined);
    // The one-way modules are written out, and off.
    for (const m of ['contactEmails', 'events', 'attendees', 'registrations'] as const) assert.equal(hub.modules[m].enabled, false, m);
    assert.deepEqual(hub.modules.registrations.statuses, ['completed']);
    assert.equal(hub.modules.attendees.eventsWithinDays, 365);
    assert.equal(hub.crm.hubspot?.dealStages['payment-waiting'], 'contractsent');
  });

  it('refuses unknown registration statuses, and membership without the companies module', () => {
    const env = { IVVY_API_KEY: 'k', IVVY_API_SECRET: 's', HUBSPOT_ACCESS_TOKEN: 't' };
    const text = configTemplate('hubspot');
    assert.throws(() => parseSyncConfig(text.replace('statuses: [completed]', 'statuses: [paid]'), env), /modules\.registrations\.statuses/);
    const lonely = text.replace('    companies: false', '    companies: true').replace('  companies:\n    enabled: true', '  companies:\n    enabled: false');
    assert.throws(() => parseSyncConfig(lonely, env), /contacts\.companies \(membership\) needs the companies module/);
    assert.equal(parseSyncConfig(text.replace('    companies: false', '    companies: true'), env).modules.contacts.companies, true);
  });

  it('names every invalid setting and a missing environment variable', () => {
    assert.throws(() => parseSyncConfig(configTemplate('hubspot'), {}), /IVVY_API_KEY/);
    const env = { IVVY_API_KEY: 'k', IVVY_API_SECRET: 's', HUBSPOT_ACCESS_TOKEN: 't' };
    const bad = configTemplate('hubspot').replace('conflictPolicy: most-recent', 'conflictPolicy: newest').replace('onDelete: archive', 'onDelete: shred');
    assert.throws(() => parseSyncConfig(bad, env), (e: Error) => /sync\.conflictPolicy/.test(e.message) && /modules\.contacts\.onDelete/.test(e.message));
    assert.throws(() => parseSyncConfig('crm: {connector: tryton}\n', env), /crm/);
  });
});
