import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ACTIONS } from '../../src/domain/index.js';
import { CATALOGUE } from '../../src/protocol/catalogue.js';
import { paramsSchema } from '../../src/registry/json-schema.js';
import { createRegistry } from '../../src/registry/registry.js';
import type { ActionDescription } from '../../src/cli/commands/describe.js';
import { runCli } from './run-cli.js';

const registry = createRegistry(ACTIONS);

it('marquee describe prints the parameters as a table: name, type, required, bounds; the doc page and read/write', async () => {
  const res = await runCli(['describe', 'event', 'inviteContacts']);
  assert.equal(res.code, 0, res.stderr);
  const lines = res.stdout.split('\n');
  assert.match(lines[0]!, /^event\.inviteContacts\s+write/);
  assert.ok(lines.includes('Documentation: events/invite-contacts.md (iVvy API reference)'), res.stdout);
  const header = lines.findIndex((l) => /^name\s+type\s+required\s+details$/.test(l));
  assert.ok(header > 0, res.stdout);
  assert.match(lines[header + 1]!, /^event\s+integer \(id\)\s+yes$/);
  assert.match(lines[header + 2]!, /^contacts\s+array of integer \(id\)\s+yes\s+at most \d+ items$/);
});

it('marquee describe lists a list action’s documented filters and nested parameters by path', async () => {
  const list = await runCli(['describe', 'contact', 'getContactList']);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /^contact\.getContactList\s+read, implemented$/m);
  assert.match(list.stdout, /^perPage\s+integer\s+no/m);
  assert.match(list.stdout, /^filter\s+type\s+modifiers\s+details$/m);
  assert.match(list.stdout, /^email\s+string\s+yes/m);
  assert.match(list.stdout, /^fromModifiedDate\s+timestamp\s+no\s+equality only$/m);

  const json = await runCli(['describe', 'contact', 'addOrUpdateContact', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const d = JSON.parse(json.stdout) as ActionDescription;
  assert.equal(d.kind, 'write');
  assert.equal(d.doc, 'contact/add-or-update-contact.md');
  const row = (name: string) => d.parameters!.find((p) => p.name === name);
  assert.deepEqual(row('firstName'), { name: 'firstName', type: 'string', required: false, nullable: false, details: 'not blank; at most 100 characters' });
  assert.deepEqual(row('groups[].groupId'), { name: 'groups[].groupId', type: 'integer (id)', required: true, nullable: false, details: '' });
  assert.equal(row('status')!.details, 'one of 1, 2, 3, 5');
  assert.equal(d.filters, null, 'not a list');
});

it('marquee describe exits 1 for an unknown namespace or action and suggests the nearest', async () => {
  const ns = await runCli(['describe', 'contacts', 'getContact']);
  assert.equal(ns.code, 1);
  assert.equal(ns.stdout, '');
  assert.match(ns.stderr, /Unknown namespace 'contacts'\. Did you mean 'contact'\?/);
  const action = await runCli(['describe', 'contact', 'getcontactlst']);
  assert.equal(action.code, 1);
  assert.match(action.stderr, /Unknown action 'getcontactlst' in namespace contact\. Did you mean 'getContactList'\?/);
  const far = await runCli(['describe', 'test', 'frobnicate']);
  assert.equal(far.code, 1);
  assert.match(far.stderr, /Choose one of: ping/);
  assert.doesNotMatch(ns.stderr + action.stderr + far.stderr, /\n\s+at /, 'no stack trace');
});

it('marquee actions --json includes every action with its kind, page and parameters as the registry has them', async () => {
  const res = await runCli(['actions', '--json']);
  assert.equal(res.code, 0, res.stderr);
  const all = JSON.parse(res.stdout) as ActionDescription[];
  assert.equal(all.length, CATALOGUE.length);
  for (const [i, e] of CATALOGUE.entries()) {
    const d = all[i]!;
    assert.deepEqual([d.namespace, d.action, d.kind, d.doc], [e.namespace, e.action, e.kind, e.doc]);
    const def = registry.find(e.namespace, e.action);
    assert.equal(d.implemented, def !== undefined, `${e.namespace}.${e.action}`);
    if (def) {
      assert.ok(Array.isArray(d.parameters), `${e.namespace}.${e.action} has its parameters`);
      assert.deepEqual(d.paramsSchema, paramsSchema(def));
      const required = (paramsSchema(def).required as string[] | undefined) ?? [];
      assert.deepEqual(d.parameters!.filter((p) => !p.name.includes('.') && !p.name.includes('[]') && p.required).map((p) => p.name), required);
    } else {
      assert.equal(d.parameters, null);
    }
  }
  const ping = all.find((d) => d.namespace === 'test' && d.action === 'ping')!;
  assert.deepEqual(ping.parameters, []);
  const list = all.find((d) => d.namespace === 'contact' && d.action === 'getContactList')!;
  assert.ok(list.filters!.some((f) => f.name === 'email' && f.modifiers));
});
