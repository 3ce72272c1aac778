import assert from 'node:assert/strict';
import { it } from 'node:test';
import newman, { type RunSummary } from 'newman';
import { ACTIONS } from '../../src/domain/index.js';
import { buildPostmanCollection, type PostmanCollection } from '../../src/export/postman.js';
import { describeEachDatabase } from '../support/suite.js';

function runCollection(collection: PostmanCollection, folder: string[], envVar: Array<{ key: string; value: string }>): Promise<RunSummary> {
  return new Promise((resolve, reject) => {
    newman.run({ collection, folder, envVar, reporters: [], timeoutRequest: 10_000 }, (error, summary) => (error ? reject(error) : resolve(summary)));
  });
}

function bodies(summary: RunSummary): Map<string, { code: number; body: Record<string, unknown> }> {
  assert.deepEqual(summary.run.failures.map((f) => f.error.message), []);
  return new Map(
    summary.run.executions.map((e) => {
      assert.ok(e.response, `${e.item.name}: ${e.requestError?.message ?? 'no response'}`);
      return [e.item.name, { code: e.response.code, body: JSON.parse(e.response.text()) as Record<string, unknown> }];
    }),
  );
}

describeEachDatabase('Postman collection run with newman', ({ server }) => {
  /** The exported collection, with the write request's body naming a variable the script must resolve before signing. */
  function collection(): PostmanCollection {
    const exported = buildPostmanCollection(ACTIONS, { baseUrl: server().url });
    const write = exported.item.flatMap((f) => f.item).find((i) => i.name === 'contact.addOrUpdateContact');
    assert.ok(write);
    write.request.body.raw = JSON.stringify({ firstName: 'Newman', lastName: 'Runner', email: '{{contactEmail}}' });
    return exported;
  }
  const keys = () => [
    { key: 'apiKey', value: server().key },
    { key: 'apiSecret', value: server().secret },
  ];

  it('signs every request so that the server verifies it: a read, a list and a write answer 200 with their documented shape', async () => {
    const summary = await runCollection(collection(), ['test.ping', 'contact.getContactList', 'contact.addOrUpdateContact'], [
      ...keys(),
      { key: 'contactEmail', value: 'newman@example.com' },
    ]);
    const answers = bodies(summary);
    assert.deepEqual([...answers.keys()].sort(), ['contact.addOrUpdateContact', 'contact.getContactList', 'test.ping']);
    for (const [name, answer] of answers) assert.equal(answer.code, 200, `${name}: ${JSON.stringify(answer.body)}`);
    assert.match(String(answers.get('test.ping')?.body.ack), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
    const list = answers.get('contact.getContactList')?.body as { meta: { totalResults: number }; results: unknown[] };
    assert.equal(typeof list.meta.totalResults, 'number');
    assert.ok(Array.isArray(list.results));
    const written = answers.get('contact.addOrUpdateContact')?.body as { id: number };
    assert.equal(typeof written.id, 'number');
    // The body sent, and signed, had the variable resolved.
    const contact = await server().client.contact.getContact({ id: written.id });
    assert.equal(contact.email, 'newman@example.com');
  });

  it('is refused with the wrong secret (the server checks the signature the script makes)', async () => {
    const summary = await runCollection(collection(), ['test.ping'], [
      { key: 'apiKey', value: server().key },
      { key: 'apiSecret', value: `${server().secret}x` },
    ]);
    const ping = bodies(summary).get('test.ping');
    assert.equal(ping?.code, 401);
    assert.equal(ping?.body.specificCode, 23003);
  });
});
