import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { ACTIONS } from '../../src/domain/index.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { REPO_ROOT } from '../support/repo-root.js';

const run = promisify(execFile);
const ROOT = REPO_ROOT;
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

// The SDK as users get it: `npm pack`, installed into a clean project, type-checked with tsc
// against code that calls it, and run against a server. `npm test` builds dist/ first.
describe('the packed SDK', () => {
  let dir: string;
  let tarball: string;
  let server: TestServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marquee-pack-'));
    const packed = await run('npm', ['pack', ROOT, '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: dir });
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = join(dir, info!.filename);
    writeFileSync(join(dir, 'files.json'), JSON.stringify(info!.files.map((f) => f.path)));
    const project = join(dir, 'consumer');
    await run('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--no-package-lock', tarball], {
      cwd: project,
    });
    server = await startTestServer('sqlite');
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('contains the compiled code with its type declarations, and no tests or sources', async () => {
    const files = JSON.parse(fs.readFileSync(join(dir, 'files.json'), 'utf8')) as string[];
    for (const needed of ['dist/client/index.js', 'dist/client/index.d.ts', 'dist/protocol/action-types.d.ts', 'package.json', 'LICENSE']) {
      assert.ok(files.includes(needed), `${needed} is in the package`);
    }
    assert.deepEqual(files.filter((f) => /^(test|src|bench|scripts)\//.test(f) || f.endsWith('.tsbuildinfo')), []);
  });

  it('type-checks a consumer: a typed method for every implemented action, wrong names and types refused', async () => {
    const project = join(dir, 'consumer');
    const calls = ACTIONS.map((a) => `  client.${a.namespace}.${a.action},`).join('\n');
    writeFileSync(
      join(project, 'use.ts'),
      [
        "import { createClient, IvvyApiError, verifyNotification } from 'marquee/client';",
        "const client = createClient({ url: 'http://127.0.0.1:1', key: 'k', secret: 's' });",
        'export const methods = [',
        calls,
        '];',
        "export const ack: Promise<{ ack: string }> = client.test.ping({});",
        'export const contact = client.contact.getContact({ id: 1 }).then((c) => c.firstName.toUpperCase());',
        '// @ts-expect-error an action that does not exist',
        'client.contact.getContactz({});',
        '// @ts-expect-error a parameter of the wrong type',
        'client.contact.getContact({ id: { nested: true } });',
        '// @ts-expect-error a required parameter missing',
        'client.event.inviteContacts({ event: 1 });',
        'export { IvvyApiError, verifyNotification };',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2023',
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules', '@types')],
        },
        files: ['use.ts'],
      }),
    );
    const result = await run(process.execPath, [TSC, '-p', project], { cwd: project }).catch((error: { stdout: string }) => error);
    assert.equal(result.stdout.trim(), '', 'tsc reports no errors');
  });

  it('imports nothing from the server side: only src/client and src/protocol, and Node built-ins', () => {
    const { readFileSync } = fs;
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm) as Iterable<[string, string]>) {
        if (spec.startsWith('node:')) continue;
        assert.ok(spec.startsWith('.'), `${file} imports the package '${spec}'`);
        visit(join(file, '..', spec.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(ROOT, 'src', 'client', 'index.ts'));
    const outside = [...seen].map((f) => f.slice(join(ROOT, 'src').length + 1)).filter((f) => !/^(client|protocol)\//.test(f));
    assert.deepEqual(outside, []);
  });

  it('runs from the installed package: a signed call to a server', async () => {
    const project = join(dir, 'consumer');
    writeFileSync(
      join(project, 'ping.mjs'),
      [
        "import { createClient } from 'marquee/client';",
        'const [url, key, secret] = process.argv.slice(2);',
        'const { ack } = await createClient({ url, key, secret }).test.ping({});',
        'console.log(ack);',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, ['ping.mjs', server.url, server.key, server.secret], { cwd: project });
    assert.match(stdout.trim(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  });
});
