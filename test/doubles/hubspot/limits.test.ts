/** The HubSpot double enforces HubSpot's documented limits, so the connector is tested against them. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHubSpotDouble, type HubSpotDouble } from './server.js';

describe('HubSpot double: limits', () => {
  let hub: HubSpotDouble;
  before(async () => {
    hub = await startHubSpotDouble({ tenSecondLimit: 2, searchPerSecond: 1 });
  });
  after(() => hub.close());

  const post = (path: string, body: unknown) =>
    fetch(`${hub.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${hub.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('answers past the ten-second allowance with 429 and a Retry-After of the seconds until it has room', async () => {
    const read = () => post('/crm/v3/objects/contacts/batch/read', { inputs: [], properties: [] });
    assert.equal((await read()).status, 200);
    assert.equal((await read()).status, 200);
    const refused = await read();
    assert.equal(refused.status, 429);
    const wait = Number(refused.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 10, `Retry-After ${wait}`);
    const body = (await refused.json()) as { policyName?: string; category?: string };
    assert.deepEqual([body.category, body.policyName], ['RATE_LIMITS', 'TEN_SECONDLY_ROLLING']);
  });

  it('refuses a batch of more than 100 inputs', async () => {
    hub.setLimits({ tenSecondLimit: 0 });
    const inputs = Array.from({ length: 101 }, (_, i) => ({ properties: { email: `x${i}@example.com` } }));
    const res = await post('/crm/v3/objects/contacts/batch/create', { inputs });
    assert.equal(res.status, 400);
    assert.equal(hub.objects('contacts').length, 0, 'nothing of the batch was created');
    assert.equal((await post('/crm/v3/objects/contacts/batch/create', { inputs: inputs.slice(0, 100) })).status, 201);
  });
});
