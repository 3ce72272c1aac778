/** `marquee sync init | run | status` as a user runs them. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { cliArgv } from '../cli/run-cli.js';
import { startHubSpotDouble, type HubSpotDouble } from '../doubles/hubspot/server.js';
import { describeEachDatabase } from '../support/suite.js';

function marquee(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliArgv(args), {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

// The command on SQLite only: the sync engine runs on both databases in the scenario suites (docs/decisions.md, "CLI suites").
describeEachDatabase('marquee sync (CLI)', ({ server }) => {
  let hub: HubSpotDouble;
  let file: string;
  before(async () => {
    hub = await startHubSpotDouble({ searchPerSecond: 100 });
    file = join(server().database.dir, 'marquee-sync.yaml');
  });
  after(async () => {
    await hub?.close();
  });

  it('init writes a commented configuration, and refuses to overwrite it', async () => {
    const first = await marquee(['sync', 'init', '--config', file, '--connector', 'hubspot']);
    assert.equal(first.code, 0, first.stderr);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^# Marquee CRM sync configuration/m);
    assert.match(text, /conflictPolicy: most-recent/);
    const again = await marquee(['sync', 'init', '--config', file]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /exists/);
  });

  it('run shows a summary per module and direction; --dry-run writes nothing; status shows the state', async () => {
    await server().client.call('contact', 'addOrUpdateContact', { firstName: 'Cli', lastName: 'User', email: 'cli.user@example.com' });
    const text = readFileSync(file, 'utf8')
      .replace('https://api.ap-southeast-2.ivvy.com', server().url)
      .replace('sqlite:./data/marquee-sync.db', server().database.url)
      .replace('  hubspot:\n', `  hubspot:\n    basePath: ${hub.url}\n`)
      .replace('requestsPerTenSeconds: 100', 'requestsPerTenSeconds: 10000')
      .replace('searchRequestsPerSecond: 4', 'searchRequestsPerSecond: 100')
      .replace('  events:\n    enabled: false', '  events:\n    enabled: true');
    writeFileSync(file, text);
    const env = { IVVY_API_KEY: server().key, IVVY_API_SECRET: server().secret, HUBSPOT_ACCESS_TOKEN: hub.token };

    const dry = await marquee(['sync', 'run', '--config', file, '--dry-run'], env);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /dry run: nothing written/);
    assert.match(dry.stdout, /contacts\s*│\s*iVvy → CRM contacts\s*│\s*1\s*│/);
    assert.match(dry.stdout, /events\s*│\s*iVvy → CRM campaigns\s*│/);
    assert.equal(hub.objects('contacts').length, 0);
    assert.deepEqual(hub.properties('contacts'), [], 'not even the pairing property was created');

    const real = await marquee(['sync', 'run', '--config', file, '--module', 'contacts'], env);
    assert.equal(real.code, 0, real.stderr + real.stdout);
    assert.match(real.stdout, /succeeded/);
    assert.equal(hub.objects('contacts').length, 1);

    const status = await marquee(['sync', 'status', '--config', file], env);
    assert.equal(status.code, 0, status.stderr);
    assert.match(status.stdout, /Cursors/);
    assert.match(status.stdout, /contacts\s*│\s*ivvy/);
    assert.match(status.stdout, /Latest run\n {2}#\d+ succeeded/);

    // A wrong secret: the run fails, says which system, where and what to check, records it,
    // and prints no log line or stack trace before the message.
    const refused = await marquee(['sync', 'run', '--config', file, '--module', 'contacts'], { ...env, IVVY_API_SECRET: 'not-the-secret' });
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, new RegExp(`Stopped \\(ivvy-credentials\\): iVvy at ${server().url} refused the API key and secret .*check ivvy.key and ivvy.secret`));
    assert.equal(refused.stderr, '');
    const later = await marquee(['sync', 'status', '--config', file], env);
    assert.match(later.stdout, /Latest run\n {2}#\d+ failed[^\n]*\n {2}Stopped \(ivvy-credentials\)/);

    const unknown = await marquee(['sync', 'run', '--config', file, '--module', 'invoices'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /Unknown module 'invoices'/);
    // The bookings module exists, off by default like the other one-way modules.
    const disabled = await marquee(['sync', 'run', '--config', file, '--module', 'bookings'], env);
    assert.equal(disabled.code, 1);
    assert.match(disabled.stderr, /Module 'bookings' is disabled in the configuration/);
  });
}, {}, { databases: ['sqlite'] });
