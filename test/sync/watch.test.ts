/**
 * `sync watch`: subscribes to Marquee's notifications (real, signed SNS-format deliveries
 * from the server's own worker), verifies them, and runs the module a change belongs to
 * long before the polling interval would have.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunSummary } from '../../src/sync/engine/run.js';
import { runSync } from '../../src/sync/engine/run.js';
import type { OpenedSync } from '../../src/sync/environment.js';
import { applyNotifiedDeletions, watch } from '../../src/sync/watch.js';
import { startHubSpotDouble, type HubSpotDouble } from '../doubles/hubspot/server.js';
import { describeEachDatabase } from '../support/suite.js';
import { openTestSync, quietLog, syncConfig } from './support/harness.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

describeEachDatabase('sync watch with notifications', ({ server }) => {
  let hub: HubSpotDouble;
  let opened: OpenedSync;
  before(async () => {
    hub = await startHubSpotDouble({ searchPerSecond: 100 });
    const config = syncConfig(
      server(),
      { connector: 'hubspot', hubspot: { accessToken: hub.token, basePath: hub.url, searchRequestsPerSecond: 100, requestsPerTenSeconds: 10_000 } },
      { modules: { companies: { enabled: false } } },
    );
    opened = await openTestSync(server(), config);
  });
  after(async () => {
    await opened?.close();
    await hub?.close();
  });

  it('runs the contacts module on a ContactAdded notification, well before the next poll', async () => {
    const port = await freePort();
    const controller = new AbortController();
    const runs: RunSummary[] = [];
    const watching = watch(opened.env, {
      intervalMs: 10 * 60_000,
      webhook: { listen: `127.0.0.1:${port}`, publicUrl: `http://127.0.0.1:${port}/ivvy`, trustedOrigins: [server().url] },
      debounceMs: 100,
      signal: controller.signal,
      log: quietLog,
      onRun: (s) => runs.push(s),
    });
    try {
      const emails: string[] = [];
      const deadline = Date.now() + 30_000;
      // Contacts are added until one arrives by notification: the subscription is confirmed
      // asynchronously, and changes before that are only picked up by the next run.
      while (Date.now() < deadline) {
        const email = `hooked${emails.length}@example.com`;
        await server().client.call('contact', 'addOrUpdateContact', { firstName: 'Hook', lastName: `N${emails.length}`, email });
        emails.push(email);
        await sleep(1500);
        if (runs.some((r) => r.modules.join() === 'contacts' && Object.keys(r.counts).length > 0)) break;
      }
      const byWebhook = runs.filter((r) => r.modules.join() === 'contacts');
      assert.ok(byWebhook.length >= 1, `notification-triggered runs: ${JSON.stringify(runs.map((r) => r.modules))}`);
      // Every contact created is in the CRM, though no poll happened after the first.
      for (let i = 0; i < 20 && !emails.every((e) => hub.objects('contacts').some((o) => o.properties.email === e)); i++) await sleep(500);
      for (const e of emails) assert.ok(hub.objects('contacts').some((o) => o.properties.email === e), e);
    } finally {
      controller.abort();
      await watching;
    }
    // Stopped: nobody listens at that URL any more, so iVvy must not keep posting there.
    const left = await server().store().selectFrom('notification_subscriptions').select('endpoint').where('url', 'like', `http://127.0.0.1:${port}/%`).execute();
    assert.deepEqual(left, [], 'watch removed its subscriptions when it stopped');
  });

  it('applies the delete policy to the CRM record of a contact a notification says was deleted', async () => {
    const { id } = await server().client.call<{ id: number }>('contact', 'addOrUpdateContact', {
      firstName: 'Soon',
      lastName: 'Gone',
      email: 'soon.gone@example.com',
    });
    await runSync(opened.env, { reconcile: 'skip' });
    const crm = hub.objects('contacts').find((o) => o.properties.ivvy_contact_id === String(id))!;
    const summary = await applyNotifiedDeletions(opened.env, 'contacts', [String(id)]);
    assert.equal(summary.status, 'succeeded');
    assert.equal(summary.counts['contacts/toCrm']?.deleted, 1);
    assert.equal(hub.objects('contacts', true).find((o) => o.id === crm.id)!.archived, true);
    assert.equal((await opened.env.state.links.count('contacts'))['deleted-ivvy'], 1);
  });
});
