import assert from 'node:assert/strict';
import { it } from 'node:test';
import { z } from 'zod';
import { loadConfig } from '../../src/config.js';
import { ACTIONS } from '../../src/domain/index.js';
import { nearest } from '../../src/registry/nearest.js';
import { paramShape } from '../../src/registry/param-shape.js';
import * as p from '../../src/registry/params.js';
import { unknownParameters } from '../../src/registry/strict-params.js';
import { expectApiError } from '../support/api-error.js';
import { describeEachDatabase } from '../support/suite.js';

it('MARQUEE_STRICT=1 turns strict parameters on; off by default', () => {
  assert.equal(loadConfig({}, {}).strictParams, false);
  assert.equal(loadConfig({}, { MARQUEE_STRICT: '1' }).strictParams, true);
  assert.equal(loadConfig({}, { MARQUEE_STRICT: '0' }).strictParams, false);
  assert.equal(loadConfig({ strictParams: true }, {}).strictParams, true);
});

it('suggests the nearest name only when it is close', () => {
  assert.equal(nearest('perpage', ['start', 'perPage', 'filter']), 'perPage');
  assert.equal(nearest('fitler', ['start', 'perPage', 'filter']), 'filter');
  assert.equal(nearest('emial', ['email', 'phone']), 'email', 'a swap of two letters is one edit');
  assert.equal(nearest('colour', ['start', 'perPage', 'filter']), undefined);
});

it('finds unknown parameters at any depth, through arrays, preprocessing and unions', () => {
  const schema = z.object({
    id: p.id(),
    contacts: p.array(z.object({ email: p.email(), firstName: p.text().optional() })).optional(),
    group: z.preprocess((v) => (typeof v === 'number' ? { groupId: v } : v), z.object({ groupId: p.id() })).optional(),
    target: z.union([z.object({ venueId: p.id() }), z.object({ eventId: p.id() })]).optional(),
    anything: z.unknown().optional(),
    filter: p.collection.filter,
  });
  assert.deepEqual(unknownParameters(schema, { id: 1 }), []);
  assert.deepEqual(
    unknownParameters(schema, {
      id: 1,
      Id: 2,
      contacts: [{ email: 'a@b.co' }, { emial: 'c@d.co', firstName: 'x' }],
      group: { groupId: 1, name: 'n' },
      target: { eventId: 1, roomId: 2 },
      anything: { free: true },
      filter: { whatever: 1 },
    }).map((u) => [u.path, u.suggestion]),
    [
      ['Id', 'id'],
      ['contacts.1.emial', 'email'],
      ['group.name', undefined],
      ['target.roomId', undefined],
    ],
  );
  // Values of the wrong type are left to validation.
  assert.deepEqual(unknownParameters(schema, { id: 1, contacts: 'no', group: 3 }), []);
});

it('covers every implemented action: each takes an object of named parameters', () => {
  for (const def of ACTIONS) assert.equal(paramShape(def.params).kind, 'object', `${def.namespace}.${def.action}`);
});

describeEachDatabase(
  'strict parameters (MARQUEE_STRICT=1)',
  ({ server }) => {
    it('refuses an unknown parameter with 400 / 23016 naming it and the parameter meant', async () => {
      const raw = await server().client.raw('contact', 'getContactList', { perpage: 2 });
      assert.equal(raw.status, 400);
      assert.deepEqual(raw.body, {
        errorCode: 400,
        message: "'params' does not validate",
        specificCode: 23016,
        additionalMessages: ["'perpage' is not a parameter of contact.getContactList (did you mean 'perPage'?)"],
      });
      const answer = await server().client.call<{ meta: { count: number } }>('contact', 'getContactList', { perPage: 2 });
      assert.equal(typeof answer.meta.count, 'number');
    });

    it('names every unknown parameter, nested ones by their path, and writes nothing', async () => {
      const error = await expectApiError(
        server().client.call('contact', 'addOrUpdateContact', { firstName: 'Strict', lastName: 'Case', emial: 'x@example.com', groups: [{ groupId: 1, name: 'g' }] }),
        400,
        23016,
      );
      assert.deepEqual(error.additionalMessages, [
        "'emial' is not a parameter of contact.addOrUpdateContact (did you mean 'email'?)",
        "'groups.0.name' is not a parameter of contact.addOrUpdateContact",
      ]);
      const stored = await server().store().selectFrom('contacts').select('id').where('first_name', '=', 'Strict').execute();
      assert.equal(stored.length, 0);
    });

    it('applies to batch jobs too (the same dispatch)', async () => {
      const c = server().client;
      const { asyncId } = await c.call<{ asyncId: string }>('batch', 'run', {
        jobs: [
          { namespace: 'test', action: 'ping', params: {} },
          { namespace: 'contact', action: 'getContactList', params: { perpage: 2 } },
        ],
      });
      type Results = { results: Array<{ response: { specificCode?: number; additionalMessages?: string[] } }> };
      let results: Results | undefined;
      for (let i = 0; i < 400 && !results; i++) {
        const { progress } = await c.call<{ progress: number }>('batch', 'progress', { async: asyncId });
        if (progress === 100) results = await c.call<Results>('batch', 'results', { async: asyncId });
        else await new Promise((r) => setTimeout(r, 25));
      }
      assert.ok(results, 'the batch finished');
      assert.equal(results.results[0]!.response.specificCode, undefined);
      assert.equal(results.results[1]!.response.specificCode, 23016);
      assert.match(results.results[1]!.response.additionalMessages![0]!, /'perpage' is not a parameter/);
    });
  },
  { strictParams: true, workers: { pollMs: 20 } },
);

describeEachDatabase('unknown parameters by default (as iVvy)', ({ server }) => {
  it('ignores them', async () => {
    const answer = await server().client.call<{ meta: { perPage: number } }>('contact', 'getContactList', { perpage: 2, colour: 'red' });
    assert.notEqual(answer.meta.perPage, 2, 'the misspelt perpage is ignored');
    const created = await server().client.call<{ id: number }>('contact', 'addOrUpdateContact', { firstName: 'Lenient', lastName: 'Case', email: 'lenient@example.com', emial: 'x@example.com' });
    assert.ok(created.id > 0);
  });
});
